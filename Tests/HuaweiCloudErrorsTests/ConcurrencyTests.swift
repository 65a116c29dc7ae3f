import HuaweiCloudErrors
import HuaweiCloudErrorsTesting
import Testing

/// The catalog is immutable shared state: every lookup from many tasks at once must give what
/// the same lookup gives alone. `.ci/run` also runs the suite under ThreadSanitizer.
@Suite("Concurrent use")
struct ConcurrencyTests {
  struct Expectation: Sendable {
    var code: String
    var entry: CatalogEntry?
    var status: Int?
    var byStatus: [CatalogEntry]
    var message: String?
    var matched: [String]
    var response: ErrorResponseFixture
    var parsed: HuaweiCloudError?
  }

  static func expectations() -> [Expectation] {
    HuaweiCloudCatalog.entries.map { entry in
      let message = entry.render(["0": "AKIA3X9Q", "1": "prod-key"])
      let response = ErrorResponseFixture(entry: entry, arguments: ["0": "AKIA3X9Q"])
      return Expectation(
        code: entry.code, entry: HuaweiCloudCatalog.entry(code: entry.code), status: entry.status,
        byStatus: HuaweiCloudCatalog.entries(status: entry.status ?? 0), message: message,
        matched: HuaweiCloudCatalog.matches(for: message ?? "").map(\.entry.code), response: response,
        parsed: HuaweiCloudError(response))
    }
  }

  @Test("lookups, matching and parsing from 32 tasks at once agree with the same calls alone")
  func hammer() async {
    let expectations = Self.expectations()
    let mismatches = await withTaskGroup(of: Int.self, returning: Int.self) { group in
      for task in 0..<32 {
        group.addTask {
          var mismatches = 0
          for round in 0..<3 {
            for (offset, expected) in expectations.enumerated() where (offset + task + round) % 4 == 0 {
              if HuaweiCloudCatalog.entry(code: expected.code) != expected.entry { mismatches += 1 }
              if HuaweiCloudErrorCode(expected.code).entry != expected.entry { mismatches += 1 }
              if HuaweiCloudCatalog.entries(status: expected.status ?? 0) != expected.byStatus { mismatches += 1 }
              if HuaweiCloudCatalog.matches(for: expected.message ?? "").map(\.entry.code) != expected.matched {
                mismatches += 1
              }
              if HuaweiCloudError(expected.response) != expected.parsed { mismatches += 1 }
            }
          }
          return mismatches
        }
      }
      return await group.reduce(0, +)
    }
    #expect(mismatches == 0)
  }
}
