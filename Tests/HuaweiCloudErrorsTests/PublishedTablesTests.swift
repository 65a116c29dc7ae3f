import Foundation
import HuaweiCloudErrors
import Testing
import TinyJSON

/// A row of a published table as the importer was given it (`Fixtures/catalog-sources`), read
/// here independently of the importer.
struct PublishedRow: Sendable {
  var code: String
  var statusCell: String
  var message: String?
  var description: String?
  var solution: String?
  var source: String
  var module: String?

  static let directory = PackagePaths.root.appendingPathComponent("Tests/CatalogBuilderTests/Fixtures/catalog-sources")

  /// Whether a text is Chinese: a note under a table, not a code.
  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
  }

  /// The rows of `set/name.json`; a note under a Huawei table (a Chinese "code") is not a row.
  static func rows(_ set: String, _ name: String) -> [PublishedRow] {
    let url = directory.appendingPathComponent("\(set)/\(name).json")
    let rows = try! JSONValue.parse(String(contentsOf: url, encoding: .utf8)).arrayValue!
    return rows.compactMap { value in
      let object = value.objectValue!
      guard set == "otc" || !isChinese(object["code"]!.stringValue!) else { return nil }
      func text(_ key: String) -> String? {
        guard let text = object[key]?.stringValue, !text.isEmpty else { return nil }
        return text
      }
      return PublishedRow(
        code: object["code"]!.stringValue!, statusCell: object["status"]?.stringValue ?? "", message: text("message"),
        description: text("description"), solution: text("solution"), source: object["source"]!.stringValue!,
        module: text("module"))
    }
  }

  /// The statuses the cell gives: `400`, `400 Bad Request`, `404/500`; none for an empty or
  /// unreadable cell.
  var statuses: [Int] {
    let digits = statusCell.prefix { $0 == "/" || $0.isNumber }
    let statuses = digits.split(separator: "/").compactMap { Int($0) }
    return statuses.allSatisfy { (100...599).contains($0) } ? statuses : []
  }

  /// Whether a catalog row says what this table row says.
  func matches(_ row: CatalogEntry.Row) -> Bool {
    row.statuses == statuses && row.message == message && row.description == description
      && row.solution == solution && row.sources.contains(source)
  }
}

/// The services imported from Open Telekom Cloud's tables, and Huawei's tables by the service
/// they add messages to.
enum PublishedTables {
  static let openTelekomCloud: [String] = try! FileManager.default.contentsOfDirectory(
    atPath: PublishedRow.directory.appendingPathComponent("otc").path
  )
  .filter { $0.hasSuffix(".json") && $0 != "iam-otc.json" }.map { String($0.dropLast(5)) }.sorted()

  /// Huawei's table file for each service it adds messages to; IAM stays sourced from its page.
  static let huawei: [(file: String, service: String)] = try! FileManager.default.contentsOfDirectory(
    atPath: PublishedRow.directory.appendingPathComponent("huawei-zh").path
  )
  .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  .compactMap { file in
    let service = ["kafka": "dms-kafka", "dew": "kms"][file] ?? file
    return service != "iam" && openTelekomCloud.contains(service) ? (file, service) : nil
  }
}

@Suite("Every row of every published table is in the catalog")
struct PublishedTablesTests {
  @Test(
    "every Open Telekom Cloud table is a service, and every row one of its entry's rows",
    arguments: PublishedTables.openTelekomCloud)
  func openTelekomCloudRows(identifier: String) throws {
    let service = try #require(HuaweiCloudService(identifier: identifier))
    let rows = PublishedRow.rows("otc", identifier)
    #expect(!rows.isEmpty)
    for row in rows {
      let entry = try #require(service.entry(code: row.code), "\(identifier) \(row.code)")
      #expect(entry.code == row.code)
      #expect(HuaweiCloudCatalog.entry(code: row.code, service: service) == entry)
      #expect(HuaweiCloudCatalog.entries(code: row.code).contains(entry))
      let match = entry.rows.first(where: row.matches)
      #expect(match != nil, "\(identifier) \(row.code): \(row.statusCell) \(row.message ?? "-")")
      if let match {
        #expect(match.origin == .openTelekomCloud || match.origin == .openTelekomCloudRewritten)
        if let module = row.module { #expect(match.modules.contains(module)) }
        if row.statusCell.contains(where: \.isLetter) { #expect(match.statusText == row.statusCell) }
      }
    }
    // The service has no code the tables do not give it.
    let codes = Set(rows.map(\.code)).union(
      PublishedTables.huawei.filter { $0.service == identifier }.flatMap { PublishedRow.rows("huawei-zh", $0.file) }
        .map(\.code))
    #expect(Set(service.entries.map(\.code)).subtracting(codes).isEmpty)
  }

  @Test(
    "Huawei's own messages are there: as the entry's text, or as a variant with its source",
    arguments: PublishedTables.huawei.map(\.file))
  func huaweiMessages(file: String) throws {
    let identifier = try #require(PublishedTables.huawei.first { $0.file == file }?.service)
    let service = try #require(HuaweiCloudService(identifier: identifier))
    for row in PublishedRow.rows("huawei-zh", file) {
      let entry = try #require(service.entry(code: row.code), "\(identifier) \(row.code)")
      guard let message = row.message else { continue }
      let rows = entry.rows.filter { $0.message == message }
      #expect(!rows.isEmpty, "\(identifier) \(row.code): \(message)")
      // With its statuses too, whoever's row says it.
      #expect(rows.contains { $0.statuses == row.statuses }, "\(identifier) \(row.code): \(row.statusCell)")
      // Where it is a text of its own, it is Huawei's, with only the code, statuses and message.
      for own in rows where own.sources.contains(row.source) {
        #expect(own.origin == .huawei)
        #expect(own.description == nil && own.solution == nil)
      }
      // Where no Open Telekom Cloud row says what Huawei's says, its rows are marked as rewritten.
      let copies = entry.rows.filter { $0.origin != .huawei }
      if !copies.contains(where: { $0.message == message }) {
        #expect(copies.allSatisfy { $0.origin == .openTelekomCloudRewritten }, "\(identifier) \(row.code)")
      }
    }
  }

  @Test("codes only Huawei documents are entries with Huawei's status and message, and no prose")
  func huaweiOnlyCodes() throws {
    var count = 0
    for (file, identifier) in PublishedTables.huawei {
      let service = try #require(HuaweiCloudService(identifier: identifier))
      let otc = Set(PublishedRow.rows("otc", identifier).map(\.code))
      for row in PublishedRow.rows("huawei-zh", file) where !otc.contains(row.code) {
        let entry = try #require(service.entry(code: row.code))
        #expect(entry.row.origin == .huawei)
        #expect(entry.description == nil && entry.solution == nil)
        count += 1
      }
    }
    #expect(count >= 45)
    #expect(HuaweiCloudService.ecs.entries.filter { $0.row.origin == .huawei }.count == 45)
  }

  @Test("no text of the catalog is Chinese: Huawei's tables give codes, statuses and English messages only")
  func noChineseProse() {
    for entry in HuaweiCloudCatalog.entries {
      for row in entry.rows {
        for text in [entry.code, row.message, row.description, row.solution].compactMap({ $0 }) {
          #expect(!PublishedRow.isChinese(text), "\(entry.service) \(entry.code)")
        }
      }
    }
  }

  @Test("the irregular cells are kept as the tables write them")
  func irregularCells() throws {
    // A reason phrase after the status, and several statuses in one cell.
    let obs = try #require(CatalogEntry(code: "AccessDenied", service: .obs))
    #expect(obs.row.statuses == [403])
    #expect(obs.row.statusText == "403 Forbidden")
    let several = HuaweiCloudCatalog.entries.flatMap(\.rows).filter { $0.statuses.count > 1 }
    #expect(several.count >= 30)
    // No status and no message (VBS), no message and no solution (RDS), no solution column
    // (FunctionGraph).
    let vbs = try #require(CatalogEntry(code: "common.0011", service: .vbs))
    #expect(vbs.status == nil && vbs.row.statuses.isEmpty && vbs.message == nil)
    #expect(vbs.description == "Failed to query the task.")
    let rds = try #require(CatalogEntry(code: "DBS.108000", service: .rds))
    #expect(rds.status == 500 && rds.message == nil && rds.solution == nil)
    #expect(rds.description == "Server failure.")
    #expect(HuaweiCloudService.functionGraph.entries.allSatisfy { $0.rows.allSatisfy { $0.solution == nil } })
    // A line break inside a cell.
    #expect(try #require(CatalogEntry(code: "Ecs.0001", service: .ecs)?.solution).contains("\n"))
    // The same code under several modules (VPC): one row per distinct text, with every module.
    let vpc = try #require(CatalogEntry(code: "VPC.0101", service: .vpc))
    #expect(vpc.rows.flatMap(\.modules).count >= 4)
    // A code written with a space is found without it too.
    #expect(CatalogEntry(code: "DCS.4855", service: .dcs)?.code == "DCS. 4855")
  }

  @Test("IAM's page and Open Telekom Cloud's copy of it agree but for the rows known to differ")
  func iamCrossCheck() throws {
    let otc = PublishedRow.rows("otc", "iam-otc")
    #expect(otc.count == 115)
    var differing: [String] = []
    for row in otc {
      guard let entry = HuaweiCloudService.iam.entry(code: row.code) else {
        differing.append(row.code)
        continue
      }
      if !entry.rows.contains(where: { $0.statuses == row.statuses && $0.message == row.message }) {
        differing.append(row.code)
        // Where the copy only spaces or spells a placeholder differently, its message is still
        // matched to the page's entry.
        if let message = row.message, !["IAM.1049"].contains(row.code) {
          #expect(entry.match(message) != nil, "\(row.code): \(message)")
        }
      }
    }
    // The copy has 1120, which the page does not; 1049 says "JSON object" for "JSONObject"; the
    // others space a placeholder differently.
    #expect(differing == ["1120", "IAM.1037", "IAM.1049", "IAM.1052", "IAM.1054", "IAM.1055"])
  }
}
