#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The package's catalog on disk: `Resources/<service>.json` for every service, and the
/// generated sources they become.
public struct CatalogDirectory: Sendable {
  /// The package root (the folder holding `Package.swift`).
  public var root: URL

  public init(root: URL) {
    self.root = root
  }

  /// The package root found from the current directory or its parents, or `nil`.
  public static func findRoot(from start: URL) -> URL? {
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

  public var resources: URL { root.appendingPathComponent("Resources") }
  public var generatedSources: URL {
    root.appendingPathComponent("Sources/HuaweiCloudErrors/Generated")
  }

  public func fileURL(for service: ServiceDescriptor) -> URL {
    resources.appendingPathComponent(service.fileName)
  }

  /// The service's catalog file, or an empty one when it does not exist yet.
  public func load(_ service: ServiceDescriptor) throws -> CatalogFile {
    let url = fileURL(for: service)
    guard FileManager.default.fileExists(atPath: url.path) else { return CatalogFile(service: service) }
    let file = try CatalogFile(json: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    guard file.service == service else {
      throw CatalogFileError("\(url.lastPathComponent) says it is service \"\(file.service.identifier)\"")
    }
    return file
  }

  /// Every service's catalog file, in catalog order.
  public func loadAll() throws -> [CatalogFile] {
    try ServiceDescriptor.all.map(load)
  }

  public func save(_ file: CatalogFile) throws {
    try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
    try Data(file.json.utf8).write(to: fileURL(for: file.service))
  }
}
