import Foundation
import HuaweiCloudErrors
import Testing

@Suite("Looking codes up")
struct CodeLookupTests {
  @Test("every code finds its own entry", arguments: HuaweiCloudCatalog.entries)
  func codeFindsEntry(entry: CatalogEntry) throws {
    #expect(HuaweiCloudCatalog.entry(code: entry.code) == entry)
    #expect(CatalogEntry(code: entry.code) == entry)
    let open = HuaweiCloudErrorCode(entry.code)
    #expect(open.entry == entry)
    #expect(open.isDocumented)
  }

  @Test("a code one character off is not found", arguments: HuaweiCloudCatalog.entries)
  func nearMissesAreNil(entry: CatalogEntry) {
    let code = entry.code
    var misses = [
      code + "0", "0" + code, String(code.dropLast()), code + "\n", code + "\0", "\u{A0}" + code,
      code.replacingOccurrences(of: ".", with: "-"),
    ]
    if let digit = code.last, let value = digit.wholeNumberValue {
      misses.append(String(code.dropLast()) + String((value + 1) % 10))
    }
    let known = Set(HuaweiCloudCatalog.entries.map { $0.code.lowercased().filter { $0 != " " } })
    for miss in misses where !known.contains(miss.lowercased().filter { $0 != " " }) {
      #expect(HuaweiCloudCatalog.entry(code: miss) == nil, "\(miss.debugDescription)")
      #expect(HuaweiCloudCatalog.entries(code: miss).isEmpty, "\(miss.debugDescription)")
      #expect(!HuaweiCloudErrorCode(miss).isDocumented)
    }
  }

  @Test(
    "codes compare ignoring letter case and spaces: lookups, equality, hashing and catching agree",
    arguments: HuaweiCloudCatalog.entries)
  func oneRuleForCodes(entry: CatalogEntry) throws {
    for spelling in [
      entry.code.lowercased(), entry.code.uppercased(), entry.code.prefix(1) + entry.code.dropFirst().lowercased(),
      " " + entry.code + "\t", entry.code.replacingOccurrences(of: ".", with: ". "),
    ] {
      let spelling = String(spelling)
      #expect(HuaweiCloudCatalog.entry(code: spelling, service: entry.service) == entry)
      let received = HuaweiCloudErrorCode(spelling)
      #expect(received.entry(in: entry.service) == entry)
      #expect(received.rawValue == spelling)
      #expect(received == HuaweiCloudErrorCode(entry.code))
      #expect(received.hashValue == HuaweiCloudErrorCode(entry.code).hashValue)
      #expect(!(received < HuaweiCloudErrorCode(entry.code)) && !(HuaweiCloudErrorCode(entry.code) < received))
      let error = HuaweiCloudError(status: entry.status ?? 400, code: received, service: entry.service)
      #expect(error.entry == entry)
      #expect(HuaweiCloudErrorCode(entry.code) ~= error)
    }
  }

  @Test(
    "malformed and unknown codes are nil",
    arguments: [
      "", ".", "IAM.", "IAM", "IAM..0001", "IAM.0001.", "IAM.-1", "IAM.+001", "IAM.0x01", "ECS.0001", "APIGW.0999",
      "IAM.00000000000000000001", "IAM.99999999999999999999999", "1", "11000", "0", "Organizations.",
      "IAM.０００１", "IAM.0001\u{301}", "ΙΑΜ.0001", "\u{FEFF}IAM.0001",
    ])
  func malformedCodesAreNil(code: String) {
    #expect(HuaweiCloudCatalog.entry(code: code) == nil)
    #expect(HuaweiCloudErrorCode(code).entry == nil)
    #expect(IAMErrorCode(rawValue: code) == nil)
  }

  @Test("huge strings are not codes")
  func hugeCodes() {
    for code in [
      String(repeating: "9", count: 1 << 20), "IAM." + String(repeating: "0", count: 1 << 20),
      String(repeating: "é", count: 100_000),
    ] {
      #expect(HuaweiCloudCatalog.entry(code: code) == nil)
      #expect(HuaweiCloudErrorCode(code).entry == nil)
      #expect(IAMErrorCode(rawValue: code) == nil)
    }
  }

  @Test("IAM's bare numbers and IAM.-prefixed numbers are different codes")
  func bareNumbersAreDistinct() throws {
    let bare = try #require(HuaweiCloudCatalog.entry(code: "1101"))
    let prefixed = try #require(HuaweiCloudCatalog.entry(code: "IAM.1101"))
    #expect(bare != prefixed)
    #expect(bare.message == "Invalid username.")
    #expect(prefixed.message == "The request body size %s is invalid.")
    #expect(HuaweiCloudCatalog.entry(code: "IAM.1100") == nil)
    #expect(HuaweiCloudCatalog.entry(code: "1001") == nil)
  }

  @Test("leading zeros are part of a code")
  func leadingZerosMatter() {
    #expect(HuaweiCloudCatalog.entry(code: "PM.02150010") != nil)
    #expect(HuaweiCloudCatalog.entry(code: "PM.2150010") == nil)
    #expect(HuaweiCloudCatalog.entry(code: "CBC.0000") != nil)
    #expect(HuaweiCloudCatalog.entry(code: "CBC.000") == nil)
    #expect(HuaweiCloudCatalog.entry(code: "CBC.00000") == nil)
  }

  @Test("entries by status are the entries documented with it, in catalog order", arguments: Array(100...599))
  func entriesByStatus(status: Int) {
    let expected = HuaweiCloudCatalog.entries.filter { $0.rows.contains { $0.statuses.contains(status) } }
    #expect(HuaweiCloudCatalog.entries(status: status) == expected)
  }

  @Test("every documented status has entries")
  func documentedStatuses() {
    for status in Set(SeedRow.all.map(\.status)) {
      #expect(!HuaweiCloudCatalog.entries(status: status).isEmpty)
    }
    #expect(HuaweiCloudCatalog.entries(status: -1).isEmpty)
    #expect(HuaweiCloudCatalog.entries(status: Int.max).isEmpty)
  }

  @Test("entries by service are that service's entries, and all entries are the services' in order")
  func entriesByService() {
    var all: [CatalogEntry] = []
    for service in HuaweiCloudService.allCases {
      let entries = HuaweiCloudCatalog.entries(service: service)
      #expect(entries == HuaweiCloudCatalog.entries.filter { $0.service == service })
      #expect(entries == service.entries)
      all += entries
    }
    #expect(all == HuaweiCloudCatalog.entries)
    #expect(HuaweiCloudCatalog.entries.count == Set(SeedRow.all.map(\.code)).count)
  }

  @Test("services are found by identifier and nothing else", arguments: HuaweiCloudService.allCases)
  func serviceIdentifiers(service: HuaweiCloudService) {
    #expect(HuaweiCloudService(identifier: service.identifier) == service)
    #expect(HuaweiCloudService(identifier: service.identifier.uppercased()) == nil)
    #expect(service.description == service.identifier)
    #expect(
      service.entries.allSatisfy { entry in
        service.codePrefixes.contains { entry.code.hasPrefix($0) } || entry.code.allSatisfy(\.isNumber)
      })
  }

  @Test("the services are in the order of their identifiers")
  func serviceList() {
    let identifiers = HuaweiCloudService.allCases.map(\.identifier)
    #expect(identifiers == identifiers.sorted())
    #expect(HuaweiCloudService.allCases == HuaweiCloudService.allCases.sorted())
    #expect(Set(identifiers).isSuperset(of: ["organizations", "iam", "projectman", "cbc", "apigw"]))
    #expect(HuaweiCloudService(identifier: "") == nil)
    #expect(HuaweiCloudService(identifier: "no-such-service") == nil)
  }
}
