import TinyJSON

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The `generate-catalog` command line: `import` merges a table into `Resources/`, no arguments
/// regenerates the Swift sources, `--check` tells whether they are current.
package enum GeneratorCommand: Sendable {
  package static let usage = """
    usage: generate-catalog [--root DIR]            regenerate Sources/HuaweiCloudErrors/Generated and the
                                                    tests of the README's and the articles' Swift examples
           generate-catalog --check [--root DIR]    exit 1 when the generated sources are stale
           generate-catalog import --service ID (--page FILE | --table FILE) [OPTIONS]
                                                    merge a table into Resources/ID.json
           generate-catalog classify [--root DIR]   write the rules' category and retry advice into every
                                                    row of Resources/ that has no reason to differ
    import options:
      --page FILE           a captured vendor page (its text), or a reconstructed table in JSON
      --table FILE          a published table in JSON (catalog-sources/otc/*.json, huawei-zh/*.json)
      --source NAME         the source its rows name when they name none (default: the file's name)
      --index FILE          catalog-sources/index.json, for the page date of each row's source
      --origin huawei|otc   whose words the table is (default: huawei)
      --messages-only       take only codes, statuses and messages (a table whose prose is not taken)
      --add-prefixes        accept code prefixes the service does not have yet, and add them
      --title TITLE         the service's title, when ID is a new service
    """

  /// Runs the command; returns the exit status (0 done, 1 failed or stale, 2 bad usage).
  package static func run(
    arguments: [String], currentDirectory: URL, output: (String) -> Void, errors: (String) -> Void
  )
    -> Int32
  {
    var arguments = arguments
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var command: String? = nil
    while !arguments.isEmpty {
      let argument = arguments.removeFirst()
      switch argument {
      case "--help", "-h":
        output(usage)
        return 0
      case "--check", "--messages-only", "--add-prefixes":
        flags.insert(argument)
      case "--root", "--service", "--page", "--table", "--source", "--index", "--origin", "--title":
        guard !arguments.isEmpty else {
          errors("generate-catalog: \(argument) needs a value\n\(usage)")
          return 2
        }
        options[argument] = arguments.removeFirst()
      case "import" where command == nil, "classify" where command == nil:
        command = argument
      default:
        errors("generate-catalog: unexpected argument \"\(argument)\"\n\(usage)")
        return 2
      }
    }
    let root =
      options["--root"].map { URL(fileURLWithPath: $0, relativeTo: currentDirectory) }
      ?? CatalogDirectory.findRoot(from: currentDirectory)
    guard let root else {
      errors("generate-catalog: no package root (a folder with Package.swift and Resources/) here or above")
      return 2
    }
    let directory = CatalogDirectory(root: root)
    do {
      if command == "classify" {
        guard options.keys.allSatisfy({ $0 == "--root" }), flags.isEmpty else {
          errors("generate-catalog: classify takes only --root\n\(usage)")
          return 2
        }
        for var file in try directory.loadAll() {
          Classification.classify(&file)
          try directory.save(file)
        }
        output("classified every row of Resources/")
        return 0
      }
      if command == "import" {
        return try runImport(
          options: options, flags: flags, directory: directory, currentDirectory: currentDirectory,
          output: output, errors: errors)
      }
      let importOnly = ["--service", "--page", "--table", "--source", "--index", "--origin", "--title"]
      guard importOnly.allSatisfy({ options[$0] == nil }), flags.isSubset(of: ["--check"]) else {
        errors(
          "generate-catalog: \(importOnly.joined(separator: ", ")), --messages-only and --add-prefixes go with import\n\(usage)"
        )
        return 2
      }
      let sources = try directory.generatedSources()
      let stale = try directory.staleSources(sources)
      if flags.contains("--check") {
        if stale.isEmpty {
          output("generated sources are current")
          return 0
        }
        errors("stale generated sources: \(stale.joined(separator: ", ")); run `swift run generate-catalog`")
        return 1
      }
      try directory.write(sources)
      output(stale.isEmpty ? "generated sources are current" : "wrote \(stale.joined(separator: ", "))")
      return 0
    } catch {
      errors("generate-catalog: \(error)")
      return 1
    }
  }

  private static func runImport(
    options: [String: String], flags: Set<String>, directory: CatalogDirectory, currentDirectory: URL,
    output: (String) -> Void, errors: (String) -> Void
  ) throws -> Int32 {
    let path = options["--page"] ?? options["--table"]
    guard !flags.contains("--check"), let identifier = options["--service"], let path,
      (options["--page"] == nil) != (options["--table"] == nil)
    else {
      errors("generate-catalog: import needs --service and one of --page and --table\n\(usage)")
      return 2
    }
    let originName = options["--origin"] ?? TextOrigin.huawei.rawValue
    guard let origin = TextOrigin(rawValue: originName) else {
      errors("generate-catalog: --origin is huawei or otc, not \"\(originName)\"")
      return 2
    }
    let url = URL(fileURLWithPath: path, relativeTo: currentDirectory)
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    var pageDates: [String: String] = [:]
    if let index = options["--index"] {
      let indexURL = URL(fileURLWithPath: index, relativeTo: currentDirectory)
      pageDates = try SourceIndex.pageDates(json: String(decoding: try Data(contentsOf: indexURL), as: UTF8.self))
    }
    var file: CatalogFile
    if let existing = try directory.load(identifier) {
      file = existing
    } else {
      guard let title = options["--title"] else {
        errors("generate-catalog: \(identifier) is a new service: give its --title")
        return 2
      }
      file = CatalogFile(service: ServiceMetadata(newService: identifier, title: title))
    }
    if flags.contains("--add-prefixes") || file.entries.isEmpty {
      // A new service takes the prefixes its table's codes have.
      let codes =
        (try? PublishedTable(json: text, source: url.lastPathComponent).rows.map(\.code))
        ?? (try? VendorPage(text: text).rows.map(\.code)) ?? []
      for code in codes {
        if let prefix = Importer.codePrefix(of: code), !file.service.codePrefixes.contains(prefix) {
          file.service.codePrefixes.append(prefix)
        }
      }
    }
    let source = options["--source"] ?? url.lastPathComponent
    let report = try Importer.importTable(
      text: text, source: source, into: &file, pageDates: pageDates, origin: origin,
      mode: flags.contains("--messages-only") ? .messagesOnly : .texts)
    Classification.classify(&file)
    try directory.save(file)
    output("\(file.service.fileName): \(report)")
    return 0
  }
}

extension ServiceMetadata {
  /// Metadata for a service new to the catalog, with names derived from its identifier
  /// (`dms-kafka` is `dmsKafka` and `DMSKafkaErrorCode`); edit the JSON to name it better.
  init(newService identifier: String, title: String) {
    let parts = identifier.split(separator: "-").map(String.init)
    let member = parts.enumerated().map { $0 == 0 ? $1 : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    let type = parts.map { $0.count <= 4 ? $0.uppercased() : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    self.init(
      identifier: identifier, title: title, memberName: member, typeName: type + "ErrorCode", codePrefixes: [],
      hosts: [identifier])
  }
}

/// Reads `catalog-sources/index.json`: the repository, commit, paths and page dates of each table.
package enum SourceIndex {
  /// The page date of every source string (`github:owner/repo@commit:path`) the index describes.
  package static func pageDates(json text: String) throws -> [String: String] {
    guard let tables = try JSONValue.parse(text).arrayValue else {
      throw CatalogFileError("the index is not an array of tables")
    }
    var dates: [String: String] = [:]
    for table in tables {
      guard let object = table.objectValue, let repository = object["repo"]?.stringValue,
        let commit = object["commit"]?.stringValue
      else { continue }
      let paths = (object["paths"]?.arrayValue ?? []).compactMap(\.stringValue)
      let fileDates = (object["file_dates"]?.arrayValue ?? []).compactMap(\.stringValue)
      for (offset, path) in paths.enumerated() {
        // One date per path where the index gives one each; else the newest for all.
        let date = fileDates.count == paths.count ? fileDates[offset] : fileDates.max()
        if let date { dates["github:\(repository)@\(commit):\(path)"] = date }
      }
    }
    return dates
  }

  /// `owner/repo` of a `github:owner/repo@commit:path` source, or `nil`.
  package static func repository(of source: String) -> String? {
    guard source.hasPrefix("github:"), let at = source.firstIndex(of: "@") else { return nil }
    return String(source[source.index(source.startIndex, offsetBy: 7)..<at])
  }
}

extension CatalogDirectory {
  /// The test source that checks the documents' Swift examples.
  package static let examplesPath = "Tests/HuaweiCloudErrorsTests/DocumentationExamples.generated.swift"

  /// The documents whose Swift examples are checked: the README, then the documentation
  /// catalog's articles by name.
  package func documents() throws -> [(name: String, text: String)] {
    var documents = [
      (
        name: "README.md",
        text: try String(decoding: Data(contentsOf: root.appendingPathComponent("README.md")), as: UTF8.self)
      )
    ]
    let docc = root.appendingPathComponent("Sources/HuaweiCloudErrors/Documentation.docc")
    if FileManager.default.fileExists(atPath: docc.path) {
      for name in try FileManager.default.contentsOfDirectory(atPath: docc.path).filter({ $0.hasSuffix(".md") })
        .sorted()
      {
        documents.append(
          (name: name, text: String(decoding: try Data(contentsOf: docc.appendingPathComponent(name)), as: UTF8.self)))
      }
    }
    return documents
  }

  /// Everything `generate-catalog` writes: the catalog's sources, the documents' examples and the
  /// README's tables.
  package func generatedSources() throws -> [Generator.Source] {
    let files = try loadAll()
    let readme = String(decoding: try Data(contentsOf: root.appendingPathComponent("README.md")), as: UTF8.self)
    return try Generator.sources(for: files) + [
      Generator.Source(path: Self.examplesPath, text: DocumentationExamples.source(documents: documents())),
      Generator.Source(path: "README.md", text: ReadmeTables.update(readme, files: files)),
    ]
  }

  /// Paths whose content differs from `sources`, including stale catalog files to remove.
  package func staleSources(_ sources: [Generator.Source]) throws -> [String] {
    let existing = Set(try generatedCatalogPaths())
    var stale = sources.filter { source in
      (try? Data(contentsOf: root.appendingPathComponent(source.path))) != Data(source.text.utf8)
    }.map(\.fileName)
    stale += existing.subtracting(sources.map(\.path)).sorted().map { String($0.split(separator: "/").last!) }
    return stale
  }

  /// Writes the sources and removes generated catalog files no longer produced.
  package func write(_ sources: [Generator.Source]) throws {
    try FileManager.default.createDirectory(at: generatedSourcesDirectory, withIntermediateDirectories: true)
    let keep = Set(sources.map(\.path))
    for path in try generatedCatalogPaths() where !keep.contains(path) {
      try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }
    for source in sources {
      try Data(source.text.utf8).write(to: root.appendingPathComponent(source.path))
    }
  }

  private func generatedCatalogPaths() throws -> [String] {
    guard FileManager.default.fileExists(atPath: generatedSourcesDirectory.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: generatedSourcesDirectory.path).filter {
      $0.hasSuffix(".swift")
    }
    .map { "\(Generator.directory)/\($0)" }
  }
}
