#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The `generate-catalog` command line: `import` merges a vendor page into `Resources/`, no
/// arguments regenerates the Swift sources, `--check` tells whether they are current.
public enum GeneratorCommand: Sendable {
  public static let usage = """
    usage: generate-catalog [--root DIR]                 regenerate Sources/HuaweiCloudErrors/Generated
           generate-catalog --check [--root DIR]         exit 1 when the generated sources are stale
           generate-catalog import --service S --page FILE [--source NAME] [--root DIR]
                                                         merge a captured vendor page into Resources/S.json
    services: \(ServiceDescriptor.all.map(\.identifier).joined(separator: ", "))
    """

  /// Runs the command; returns the exit status (0 done, 1 failed or stale, 2 bad usage).
  public static func run(
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
      case "--check":
        flags.insert(argument)
      case "--root", "--service", "--page", "--source":
        guard !arguments.isEmpty else {
          errors("generate-catalog: \(argument) needs a value\n\(usage)")
          return 2
        }
        options[argument] = arguments.removeFirst()
      case "import" where command == nil:
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
      if command == "import" {
        guard flags.isEmpty, let identifier = options["--service"], let page = options["--page"] else {
          errors("generate-catalog: import needs --service and --page\n\(usage)")
          return 2
        }
        guard let service = ServiceDescriptor.named(identifier) else {
          errors("generate-catalog: unknown service \"\(identifier)\"\n\(usage)")
          return 2
        }
        let pageURL = URL(fileURLWithPath: page, relativeTo: currentDirectory)
        let text = String(decoding: try Data(contentsOf: pageURL), as: UTF8.self)
        var file = try directory.load(service)
        let report = try Importer.importPage(
          text: text, source: options["--source"] ?? pageURL.lastPathComponent, into: &file)
        try directory.save(file)
        output("\(service.fileName): \(report)")
        return 0
      }
      guard options["--service"] == nil, options["--page"] == nil, options["--source"] == nil else {
        errors("generate-catalog: --service, --page and --source go with import\n\(usage)")
        return 2
      }
      let sources = try Generator.sources(for: directory.loadAll())
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
}

extension CatalogDirectory {
  /// File names whose content differs from `sources`, including stale files to remove.
  public func staleSources(_ sources: [Generator.Source]) throws -> [String] {
    let existing = Set(try generatedFileNames())
    var stale = sources.filter { source in
      let url = generatedSources.appendingPathComponent(source.fileName)
      return (try? Data(contentsOf: url)) != Data(source.text.utf8)
    }.map(\.fileName)
    stale += existing.subtracting(sources.map(\.fileName)).sorted()
    return stale
  }

  /// Writes the sources and removes generated files no longer produced.
  public func write(_ sources: [Generator.Source]) throws {
    try FileManager.default.createDirectory(at: generatedSources, withIntermediateDirectories: true)
    let keep = Set(sources.map(\.fileName))
    for name in try generatedFileNames() where !keep.contains(name) {
      try FileManager.default.removeItem(at: generatedSources.appendingPathComponent(name))
    }
    for source in sources {
      try Data(source.text.utf8).write(to: generatedSources.appendingPathComponent(source.fileName))
    }
  }

  private func generatedFileNames() throws -> [String] {
    guard FileManager.default.fileExists(atPath: generatedSources.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(atPath: generatedSources.path).filter { $0.hasSuffix(".swift") }
  }
}
