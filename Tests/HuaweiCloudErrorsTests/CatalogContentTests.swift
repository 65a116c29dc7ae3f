import HuaweiCloudErrors
import Testing

/// The services whose tables are the vendor's captured pages.
let seedServices: [HuaweiCloudService] = [.organizations, .iam, .projectman, .cbc, .apigw]
/// Their entries.
let seedEntries: [CatalogEntry] = HuaweiCloudCatalog.entries.filter { seedServices.contains($0.service) }

@Suite("The compiled-in catalog holds every row of the vendor's captured pages")
struct CatalogContentTests {
  @Test("the seed tables have 564 rows and 469 codes; the gateway's table 41 rows and 35 codes")
  func seedRowCount() {
    #expect(SeedRow.pages.count == 564)
    #expect(Set(SeedRow.pages.map(\.code)).count == 469)
    #expect(SeedRow.gateway.count == 41)
    #expect(Set(SeedRow.gateway.map(\.code)).count == 35)
  }

  @Test("every seed row is the entry's own text or one of its variants", arguments: SeedRow.all)
  func rowIsInCatalog(row: SeedRow) throws {
    let service = try #require(HuaweiCloudService(identifier: row.service))
    let entry = try #require(HuaweiCloudCatalog.entry(code: row.code, service: service))
    let text = try #require(entry.rows.first(where: row.matches), "\(row.code): \(row.message)")
    // A text two pages share carries the newest of their dates.
    let newest = SeedRow.all.filter { $0.code == row.code && $0.matches(text) }.compactMap(\.updated).max()
    #expect(text.updated == newest)
    #expect(
      text.origin == (row.service == "apigw" && !text.confidence!.hasPrefix("huawei-en") ? .openTelekomCloud : .huawei))
  }

  @Test("the seed services document exactly the seed codes, no other")
  func noUndocumentedCode() {
    #expect(seedEntries.map(\.code).sorted() == Set(SeedRow.all.map(\.code)).sorted())
  }

  @Test(
    "every text of every seed entry comes from a seed row, and no row is held twice", arguments: seedServices)
  func textsComeFromRows(service: HuaweiCloudService) {
    for entry in service.entries { textsComeFromRows(entry: entry) }
  }

  func textsComeFromRows(entry: CatalogEntry) {
    let rows = SeedRow.all.filter { $0.code == entry.code && $0.service == entry.service.identifier }
    for text in entry.rows {
      #expect(rows.contains { $0.matches(text) }, "\(entry.code): \(text.message ?? "-")")
    }
    let distinctTexts = Set(rows.map { [String($0.status), $0.message, $0.description, $0.solution ?? "\0"] })
    #expect(entry.rows.count == distinctTexts.count)
  }

  @Test("the newest page's text is the entry's own; an older page's differing text is a variant")
  func newestTextIsOwn() throws {
    let organizations = SeedRow.all.filter { $0.service == "organizations" }
    for row in organizations where row.updated == "2025-03-03" {
      let entry = try #require(HuaweiCloudCatalog.entry(code: row.code, service: .organizations))
      #expect(row.matches(entry.row), "\(row.code)")
    }
    let older = organizations.filter { $0.updated == "2024-05-28" }
    let differing = older.filter { row in
      !row.matches(HuaweiCloudCatalog.entry(code: row.code, service: .organizations)!.row)
    }
    #expect(differing.count == 90)
    for row in differing {
      #expect(HuaweiCloudCatalog.entry(code: row.code, service: .organizations)!.variants.contains(where: row.matches))
    }
  }

  @Test("a code documented twice keeps its first row as its own text and the second as a variant")
  func codeDocumentedTwice() throws {
    let rows = SeedRow.all.filter { $0.code == "CBC.0150" }
    #expect(rows.count == 2)
    let entry = try #require(CatalogEntry(code: "CBC.0150"))
    #expect(rows[0].matches(entry.row))
    #expect(entry.variants.count == 1)
    #expect(rows[1].matches(entry.variants[0]))
  }

  @Test(
    "an entry's own row is the first of its rows, and a success row exactly when the entry is a success",
    arguments: HuaweiCloudService.allCases)
  func ownRowComesFirst(service: HuaweiCloudService) {
    // The own row and the success flag are read from a table apart from the entry records.
    for entry in service.entries {
      #expect(entry.rows.first == entry.row, "\(entry.code)")
      #expect(!entry.row.isVariant, "\(entry.code)")
      #expect(entry.isSuccess == (entry.row.category == .success), "\(entry.code)")
    }
  }

  @Test(
    "an entry's row for a status is its first row documented with that status, and none for another",
    arguments: HuaweiCloudService.allCases)
  func rowForStatus(service: HuaweiCloudService) {
    // Statuses are read from a table apart from the row records, the record only for a row with several.
    for entry in service.entries {
      let statuses = Set(entry.rows.flatMap(\.statuses))
      for status in statuses {
        #expect(entry.row(status: status) == entry.rows.first { $0.statuses.contains(status) }, "\(entry.code)")
      }
      for status in [0, -1, 299, 600] where !statuses.contains(status) {
        #expect(entry.row(status: status) == nil, "\(entry.code) \(status)")
      }
    }
  }

  @Test("a cell's second paragraph is kept, joined by a newline")
  func noteParagraphKept() throws {
    let entry = try #require(CatalogEntry(code: "CBC.99003117"))
    let paragraphs = try #require(entry.message).split(separator: "\n")
    #expect(paragraphs.count == 2)
    #expect(paragraphs[1].hasPrefix("Note: For example"))
    #expect(try #require(entry.description).split(separator: "\n").count == 2)
  }

  @Test(
    "CBC has no solution column; IAM's page and the gateway's reconstruction have no date",
    arguments: seedServices)
  func missingColumnsAreNil(service: HuaweiCloudService) {
    for entry in service.entries { missingColumnsAreNil(entry: entry) }
  }

  func missingColumnsAreNil(entry: CatalogEntry) {
    if entry.service == .cbc {
      #expect(entry.solution == nil)
    } else {
      #expect(entry.solution?.isEmpty == false)
    }
    #expect((entry.updated == nil) == (entry.service == .iam || entry.service == .apigw))
  }

  @Test("the gateway's rows keep their sources and confidence", arguments: HuaweiCloudService.apigw.entries)
  func gatewayProvenance(entry: CatalogEntry) {
    for text in entry.rows {
      #expect(!text.sources.isEmpty)
      #expect(text.sources.allSatisfy { $0.hasPrefix("https://") })
      #expect(["huawei-en", "huawei-en-partial", "otc-en+huawei-zh", "otc-en"].contains(text.confidence))
    }
  }

  @Test("of the seed services, only CBC.0000 means success, and statuses are kept as documented")
  func successIsCBC0000() {
    #expect(seedEntries.filter(\.isSuccess).map(\.code) == ["CBC.0000"])
    let cbc200 = HuaweiCloudCatalog.entries(status: 200).filter { !$0.isSuccess && seedServices.contains($0.service) }
    #expect(cbc200.count == SeedRow.all.filter { $0.status == 200 && $0.code != "CBC.0000" }.count)
    #expect(cbc200.allSatisfy { $0.service == .cbc })
  }

  @Test("each seed service lists its codes in the order of its newest page", arguments: seedServices)
  func serviceOrder(service: HuaweiCloudService) {
    let newest = SeedRow.all.filter { $0.service == service.identifier && $0.updated != "2024-05-28" }
    var seen: Set<String> = []
    let order = newest.map(\.code).filter { seen.insert($0).inserted }
    #expect(service.entries.map(\.code) == order)
  }
}
