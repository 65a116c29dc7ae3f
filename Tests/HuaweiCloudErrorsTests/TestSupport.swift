import Foundation
import HuaweiCloudErrors
import Testing
import TinyJSON

/// Paths of the package checkout the tests run in.
enum PackagePaths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// A row of the vendor's tables, extracted from the captured pages independently of the importer
/// (by a separate script, checked against the pages by eye) and committed as
/// `Fixtures/seed-rows.jsonl`: 564 rows.
struct SeedRow: Sendable, CustomTestStringConvertible {
  var service: String
  var code: String
  var status: Int
  var message: String
  var description: String
  var solution: String?
  var updated: String?

  var testDescription: String { "\(code) (\(updated ?? "undated"))" }

  /// The rows of the five vendor tables, then the API Gateway's 41 reconstructed rows.
  static let all: [SeedRow] = pages + gateway

  static let pages: [SeedRow] = {
    let text = try! String(contentsOf: PackagePaths.fixtures.appendingPathComponent("seed-rows.jsonl"), encoding: .utf8)
    return text.split(separator: "\n").map { line in
      let object = try! JSONValue.parse(String(line)).objectValue!
      return SeedRow(
        service: object["service"]!.stringValue!, code: object["code"]!.stringValue!,
        status: object["status"]!.intValue!, message: object["message"]!.stringValue!,
        description: object["description"]!.stringValue!, solution: object["solution"]!.stringValue,
        updated: object["updated"]!.stringValue)
    }
  }()

  /// Whether the catalog text says what the row says (the date aside: a text that two pages
  /// share carries the newer page's date).
  /// The gateway's rows, from the reconstruction the importer reads (`apigw-errors.json`).
  static let gateway: [SeedRow] = {
    let url = PackagePaths.root.appendingPathComponent("Tests/CatalogBuilderTests/Fixtures/pages/apigw-errors.json")
    let rows = try! JSONValue.parse(String(contentsOf: url, encoding: .utf8)).arrayValue!
    return rows.map { row in
      let object = row.objectValue!
      return SeedRow(
        service: "apigw", code: object["code"]!.stringValue!, status: object["status"]!.intValue!,
        message: object["message"]!.stringValue!, description: object["description"]!.stringValue!,
        solution: object["solution"]!.stringValue, updated: nil)
    }
  }()

  func matches(_ row: CatalogEntry.Row) -> Bool {
    row.status == status && row.message == message && row.description == description
      && row.solution == solution
  }
}

extension CatalogEntry: CustomTestStringConvertible {
  public var testDescription: String { code }
}

extension HuaweiCloudService: CustomTestStringConvertible {
  public var testDescription: String { identifier }
}

/// A value behind a lock, for test doubles that tasks share: `Mutex` needs macOS 15, and the
/// package supports macOS 13.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
