import CatalogBuilder
import Foundation
import Testing

extension ServiceMetadata {
  /// A service for the importer's tests.
  static func named(_ identifier: String, prefixes: [String]) -> ServiceMetadata {
    ServiceMetadata(
      identifier: identifier, title: identifier, memberName: identifier, typeName: identifier.capitalized + "ErrorCode",
      codePrefixes: prefixes)
  }

  static let organizations = named("organizations", prefixes: ["Organizations."])
  static let iam = named("iam", prefixes: ["IAM."])
  static let cbc = named("cbc", prefixes: ["CBC."])
}

@Suite("Merging pages into the catalog")
struct ImporterTests {
  static func page(date: String?, rows: [(status: Int, code: String, message: String, description: String)]) -> String {
    var text = date.map { "Updated on \($0) GMT+08:00\n\n" } ?? ""
    text += "Status Code\n\nError Code\n\nError Message\n\nDescription\n\nSolution\n\n"
    for row in rows {
      text += "\(row.status)\n\n\(row.code)\n\n\(row.message)\n\n\(row.description)\n\nContact the administrator.\n\n"
    }
    return text
  }

  static let older = page(
    date: "2024-05-28",
    rows: [
      (400, "Organizations.1003", "concurrent modification.", "Concurrent modification"),
      (404, "Organizations.1100", "not found for organization.", "Organization not found."),
      (400, "Organizations.1300", "Account not found.", "Account not found."),
    ])
  static let newer = page(
    date: "2025-03-03",
    rows: [
      (409, "Organizations.1003", "Concurrent modification.", "Concurrent modification."),
      (404, "Organizations.1100", "Organization not found.", "Organization not found."),
      (404, "Organizations.1200", "Organizational unit not found.", "OU not found."),
      (400, "Organizations.1300", "Account not found.", "Account not found."),
    ])

  static func importing(_ pages: [(text: String, source: String)]) throws -> (CatalogFile, [Importer.Report]) {
    var file = CatalogFile(service: .organizations)
    let reports = try pages.map { try Importer.importTable(text: $0.text, source: $0.source, into: &file) }
    return (file, reports)
  }

  @Test("the newer page's text is the entry's own and the older page's differing text its variant")
  func newerWins() throws {
    let (file, reports) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt")])
    let entry = try #require(file.entry(code: "Organizations.1003"))
    #expect(entry.row.message == "Concurrent modification.")
    #expect(entry.row.status == 409)
    #expect(entry.row.updated == "2025-03-03")
    #expect(entry.variants.map(\.message) == ["concurrent modification."])
    #expect(entry.variants[0].status == 400)
    #expect(entry.variants[0].updated == "2024-05-28")
    #expect(reports[1].added == ["Organizations.1200"])
    #expect(reports[1].changed == ["Organizations.1003", "Organizations.1100"])
    #expect(reports[1].unchanged == 1)
    let unchanged = try #require(file.entry(code: "Organizations.1300"))
    #expect(unchanged.variants.isEmpty)
    #expect(unchanged.row.sources == ["old.txt", "new.txt"])
  }

  @Test("importing the pages in either order gives the same catalog")
  func orderIndependent() throws {
    let (forward, _) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt")])
    let (backward, reports) = try Self.importing([(Self.newer, "new.txt"), (Self.older, "old.txt")])
    #expect(forward.entries.map(\.code) == backward.entries.map(\.code))
    #expect(forward.entries.map(\.row).map(\.message) == backward.entries.map(\.row).map(\.message))
    #expect(forward.entries.map { $0.variants.map(\.message) } == backward.entries.map { $0.variants.map(\.message) })
    #expect(reports[1].variantsAdded == ["Organizations.1003", "Organizations.1100"])
    #expect(reports[1].changed.isEmpty)
  }

  @Test("importing a page twice changes nothing")
  func idempotent() throws {
    let (once, _) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt")])
    var twice = once
    let report = try Importer.importTable(text: Self.newer, source: "new.txt", into: &twice)
    #expect(twice == once)
    #expect(report.added.isEmpty && report.changed.isEmpty && report.variantsAdded.isEmpty)
    #expect(report.unchanged == 4)
  }

  @Test("a new code goes after the code before it on the page")
  func newCodePosition() throws {
    let (file, _) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt")])
    #expect(
      file.entries.map(\.code) == [
        "Organizations.1003", "Organizations.1100", "Organizations.1200", "Organizations.1300",
      ])
  }

  @Test("codes that differ only in letter case or spaces are one entry, as the library looks codes up")
  func codesIgnoringCase() throws {
    let text = Self.page(
      date: "2025-03-03",
      rows: [
        (404, "Organizations.1100", "Organization not found.", "Organization not found."),
        (404, "organizations.1100", "Organization not found.", "Organization not found."),
        (400, "ORGANIZATIONS.1100", "Bad organization.", "Bad organization."),
      ])
    let (file, reports) = try Self.importing([(text, "page.txt")])
    #expect(file.entries.map(\.code) == ["Organizations.1100"])
    #expect(file.entries[0].row.message == "Organization not found.")
    #expect(file.entries[0].variants.map(\.message) == ["Bad organization."])
    #expect(reports[0].added == ["Organizations.1100"])
    #expect(Importer.codeKey(" ORGANIZATIONS.\t1100 ") == Importer.codeKey("Organizations.1100"))
    #expect(Importer.codeKey("Organizations.1101") != Importer.codeKey("Organizations.1100"))
  }

  @Test("names come from the first text and survive a text change")
  func stableNames() throws {
    let (file, _) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt")])
    #expect(file.entry(code: "Organizations.1100")?.swiftName == "notFoundForOrganization")
    #expect(file.entry(code: "Organizations.1200")?.swiftName == "organizationalUnitNotFound")
  }

  @Test("a newer page that goes back to a former text makes it the own text again")
  func revertedText() throws {
    let newest = Self.page(
      date: "2026-01-01", rows: [(400, "Organizations.1003", "concurrent modification.", "Concurrent modification")])
    let (file, reports) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt"), (newest, "newest.txt")])
    let entry = try #require(file.entry(code: "Organizations.1003"))
    #expect(entry.row.message == "concurrent modification.")
    #expect(entry.row.updated == "2026-01-01")
    #expect(entry.variants.map(\.message) == ["Concurrent modification."])
    #expect(reports[2].changed == ["Organizations.1003"])
  }

  @Test("a code of another service is refused and nothing is written")
  func foreignCode() throws {
    var file = CatalogFile(service: .iam)
    let before = file
    #expect(throws: Importer.Failure.self) {
      try Importer.importTable(text: Self.newer, source: "new.txt", into: &file)
    }
    #expect(file == before)
  }

  @Test("success is the 2xx row that says so")
  func success() throws {
    let text = """
      Status Code\nError Code\nError Message\nDescription
      200\nCBC.0000\nSuccess.\nSucceeded.
      200\nCBC.3002\nThe resource has been locked.\nThe resource has been locked.
      """
    var file = CatalogFile(service: .cbc)
    _ = try Importer.importTable(text: text, source: "cbc.txt", into: &file)
    #expect(file.entries.map(\.success) == [true, false])
    #expect(file.entries.allSatisfy { $0.row.solution == nil })
  }

  @Test("a catalog file survives writing and reading its JSON")
  func jsonRoundTrip() throws {
    let (file, _) = try Self.importing([(Self.older, "old.txt"), (Self.newer, "new.txt")])
    #expect(try CatalogFile(json: file.json) == file)
  }

  @Test(
    "bad catalog JSON is a clear error that names what is wrong",
    arguments: [
      ("", "not valid JSON"),
      ("[]", "not an object"),
      ("{\"service\": \"iam\", \"entries\": []}", "\"title\""),
      (
        "{\"service\": \"iam\", \"title\": \"IAM\", \"memberName\": \"iam\", \"typeName\": \"IAMErrorCode\", \"codePrefixes\": [\"IAM.\"], \"hosts\": [], \"tables\": []}",
        "\"entries\""
      ),
      (
        "{\"service\": \"iam\", \"title\": \"IAM\", \"memberName\": \"iam\", \"typeName\": \"IAMErrorCode\", \"codePrefixes\": [\"IAM.\"], \"hosts\": [], \"tables\": [], \"entries\": [{\"code\": \"IAM.0001\"}]}",
        "\"swiftName\""
      ),
      (
        "{\"service\": \"iam\", \"title\": \"IAM\", \"memberName\": \"iam\", \"typeName\": \"IAMErrorCode\", \"codePrefixes\": [\"IAM.\"], \"hosts\": [], \"tables\": [], \"entries\": [{\"code\": \"IAM.0001\", \"swiftName\": \"authenticationRequired\", \"message\": \"m\", \"description\": \"d\", \"solution\": null, \"updated\": null, \"sources\": [], \"status\": \"400\"}]}",
        "\"status\""
      ),
      (
        "{\"service\": \"iam\", \"title\": \"IAM\", \"memberName\": \"iam\", \"typeName\": \"IAMErrorCode\", \"codePrefixes\": [\"IAM.\"], \"hosts\": [], \"tables\": [], \"entries\": [{\"code\": \"IAM.0001\", \"swiftName\": \"authenticationRequired\", \"message\": \"m\", \"description\": \"d\", \"solution\": null, \"updated\": null, \"sources\": [], \"status\": 400, \"statuses\": [401, 500]}]}",
        "\"statuses\""
      ),
      (
        "{\"service\": \"iam\", \"title\": \"IAM\", \"memberName\": \"iam\", \"typeName\": \"IAMErrorCode\", \"codePrefixes\": [\"IAM.\"], \"hosts\": [], \"tables\": [], \"entries\": [{\"code\": \"IAM.0001\", \"swiftName\": \"authenticationRequired\", \"message\": \"m\", \"description\": \"d\", \"solution\": null, \"updated\": null, \"sources\": [], \"status\": 400, \"origin\": \"elsewhere\"}]}",
        "\"origin\""
      ),
      (
        "{\"service\": \"iam\", \"title\": \"IAM\", \"memberName\": \"iam\", \"typeName\": \"IAMErrorCode\", \"codePrefixes\": [\"IAM.\"], \"hosts\": [], \"tables\": [], \"entries\": [{\"code\": \"IAM.0001\", \"swiftName\": \"authenticationRequired\", \"description\": \"d\", \"solution\": null, \"updated\": null, \"sources\": [], \"status\": 400, \"message\": 7}]}",
        "\"message\""
      ),
    ])
  func badCatalogJSON(text: String, names fault: String) {
    #expect {
      try CatalogFile(json: text)
    } throws: { error in
      String(describing: error).contains(fault)
    }
  }
}

@Suite("The checked-in catalog is what the importer makes of the vendor's pages")
struct SeedImportTests {
  static let pages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures/pages")
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let imports: [(service: String, page: String)] = [
    ("organizations", "000_13d593738774f94e.txt"), ("organizations", "001_be18df4a881323f0.txt"),
    ("iam", "002_db8f75f2fcf6f025.txt"), ("projectman", "003_0cbd313d20099223.txt"),
    ("cbc", "004_e97de09a9ea253a9.txt"),
    ("apigw", "apigw-errors.json"),
  ]

  static func importAll(into files: inout [String: CatalogFile]) throws {
    for (service, page) in imports {
      let text = try String(contentsOf: pages.appendingPathComponent(page), encoding: .utf8)
      let source = page.hasSuffix(".json") ? "apigw/\(page)" : "seeds/\(page)"
      _ = try Importer.importTable(text: text, source: source, into: &files[service]!)
    }
  }

  @Test("importing the five captured pages and the gateway's table gives every row of Resources/, in order")
  func reproducesRows() throws {
    let directory = CatalogDirectory(root: Self.root)
    var files: [String: CatalogFile] = [:]
    for service in Set(Self.imports.map(\.service)) {
      files[service] = CatalogFile(service: try #require(try directory.load(service)).service)
    }
    try Self.importAll(into: &files)
    for (service, var file) in files {
      // As `generate-catalog import` does: the rules classify the new rows.
      let committed = try #require(try directory.load(service))
      Classification.classify(&file)
      #expect(file.entries.map(\.code) == committed.entries.map(\.code), "\(service)")
      expectRowsAsReviewed(file, committed, "\(service)")
      #expect(
        file.entries.map { $0.allRows.map(\.category) }.joined().allSatisfy { $0 != nil }, "\(service)")
      #expect(file.entries.map(\.success) == committed.entries.map(\.success), "\(service)")
    }
    #expect(files.values.map(\.entries.count).reduce(0, +) == 469 + 35)
  }

  @Test("importing the pages again into Resources/ changes nothing, names included")
  func reimportChangesNothing() throws {
    let directory = CatalogDirectory(root: Self.root)
    var files: [String: CatalogFile] = [:]
    for service in Set(Self.imports.map(\.service)) { files[service] = try directory.load(service) }
    let before = files
    try Self.importAll(into: &files)
    #expect(files == before)
    for file in files.values {
      #expect(file.json == (try String(contentsOf: directory.fileURL(for: file.service.identifier), encoding: .utf8)))
    }
  }

  static let publishedTables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures/catalog-sources")

  @Test("importing every published table, then Huawei's messages, gives every row of Resources/, in order")
  func reproducesPublishedRows() throws {
    let directory = CatalogDirectory(root: Self.root)
    let index = try String(contentsOf: Self.publishedTables.appendingPathComponent("index.json"), encoding: .utf8)
    let dates = try SourceIndex.pageDates(json: index)
    let huawei = try FileManager.default.contentsOfDirectory(
      atPath: Self.publishedTables.appendingPathComponent("huawei-zh").path)
    let tables = try FileManager.default.contentsOfDirectory(
      atPath: Self.publishedTables.appendingPathComponent("otc").path
    )
    .filter { $0.hasSuffix(".json") && $0 != "iam-otc.json" }.sorted()
    #expect(tables.count == 61)
    var rows = 0
    for table in tables {
      let identifier = String(table.dropLast(5))
      let committed = try #require(try directory.load(identifier), "\(identifier)")
      var file = CatalogFile(service: committed.service)
      let text = try String(contentsOf: Self.publishedTables.appendingPathComponent("otc/\(table)"), encoding: .utf8)
      _ = try Importer.importTable(
        text: text, source: "otc/\(table)", into: &file, pageDates: dates, origin: .openTelekomCloud)
      // Huawei's own table, where there is one: its codes, statuses and English messages.
      let own = ["dms-kafka": "kafka.json", "kms": "dew.json"][identifier] ?? table
      if huawei.contains(own) {
        let text = try String(
          contentsOf: Self.publishedTables.appendingPathComponent("huawei-zh/\(own)"), encoding: .utf8)
        _ = try Importer.importTable(
          text: text, source: "huawei-zh/\(own)", into: &file, pageDates: dates, origin: .huawei, mode: .messagesOnly)
      }
      Classification.classify(&file)
      #expect(file.entries.map(\.code) == committed.entries.map(\.code), "\(identifier)")
      expectRowsAsReviewed(file, committed, identifier)
      #expect(file.service.tables == committed.service.tables, "\(identifier)")
      rows += file.entries.map(\.allRows.count).reduce(0, +)
    }
    #expect(rows >= 8_600)
  }
}

/// Expects the rows `imported` gives to be `committed`'s, once the reviewed overrides of `committed`
/// (a category or advice with its reason, the one thing import does not make) are applied to them.
func expectRowsAsReviewed(
  _ imported: CatalogFile, _ committed: CatalogFile, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  func overriding(_ row: CatalogRow, with reviewed: CatalogRow) -> CatalogRow {
    var row = row
    if reviewed.categoryReason != nil {
      (row.category, row.categoryReason) = (reviewed.category, reviewed.categoryReason)
    }
    if reviewed.retryReason != nil {
      (row.retry, row.retryReason) = (reviewed.retry, reviewed.retryReason)
    } else if let category = row.category {
      // The rules' advice follows the reviewed category.
      row.retry = Classification.retry(of: row, category: category)
    }
    return row
  }
  let committedRows = committed.entries.map(\.allRows)
  #expect(
    imported.entries.map(\.allRows.count) == committedRows.map(\.count), "\(label)", sourceLocation: sourceLocation)
  let importedRows = zip(imported.entries, committedRows).map { entry, reviewed in
    zip(entry.allRows, reviewed).map { overriding($0, with: $1) }
  }
  // Compared row by row, so that a failure names the row rather than printing the whole table.
  for (rows, reviewed) in zip(importedRows, committedRows) where rows != reviewed {
    for (row, want) in zip(rows, reviewed) where row != want {
      Issue.record("\(label): imported \(row.message ?? "-") differs from Resources/", sourceLocation: sourceLocation)
    }
  }
}
