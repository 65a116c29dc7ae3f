#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The package's catalog on disk: `Resources/<service>.json` for every service, and the
/// generated sources they become. Every JSON file in `Resources/` is a service: adding one adds
/// the service.
package struct CatalogDirectory: Sendable {
  /// The package root (the folder holding `Package.swift`).
  package var root: URL

  package init(root: URL) {
    self.root = root
  }

  /// The package root found from the current directory or its parents, or `nil`.
  package static func findRoot(from start: URL) -> URL? {
    var directory = start
    while true {
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("Resources").path)
      {
        return directory
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { return nil }
      directory = parent
    }
  }

  package var resources: URL { root.appendingPathComponent("Resources") }
  package var generatedSourcesDirectory: URL {
    root.appendingPathComponent("Sources/HuaweiCloudErrors/Generated")
  }

  package func fileURL(for identifier: String) -> URL {
    resources.appendingPathComponent("\(identifier).json")
  }

  /// The identifiers of the services in `Resources/`, sorted: the catalog's order.
  package func identifiers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: resources.path)
      .filter { $0.hasSuffix(".json") }
      .map { String($0.dropLast(".json".count)) }
      .sorted()
  }

  /// A service's catalog file, or `nil` when there is none.
  package func load(_ identifier: String) throws -> CatalogFile? {
    let url = fileURL(for: identifier)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let file: CatalogFile
    do {
      file = try CatalogFile(json: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    } catch {
      throw CatalogFileError("\(url.lastPathComponent): \(error)")
    }
    guard file.service.identifier == identifier else {
      throw CatalogFileError("\(url.lastPathComponent) says it is service \"\(file.service.identifier)\"")
    }
    return file
  }

  /// Every service's catalog file, in catalog order.
  package func loadAll() throws -> [CatalogFile] {
    try identifiers().compactMap(load)
  }

  package func save(_ file: CatalogFile) throws {
    try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
    try Data(file.json.utf8).write(to: fileURL(for: file.service.identifier))
  }
}
