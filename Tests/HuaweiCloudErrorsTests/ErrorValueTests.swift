import HuaweiCloudErrorsTesting
import Testing

@testable import HuaweiCloudErrors

/// An error keeps its values in one shared box; these check that it still behaves as a value.
@Suite("An error is a value")
struct ErrorValueTests {
  static let entries = HuaweiCloudCatalog.entries.filter { !$0.isSuccess }

  @Test("a changed copy leaves the original as it was")
  func copyOnWrite() throws {
    let original = try #require(
      HuaweiCloudError(
        status: 401, headers: [(name: "X-Request-Id", value: "req-1")],
        body: Array(#"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#.utf8)))
    var copy = original
    #expect(copy == original)
    copy.message = "changed"
    copy.requestIDs.body = "body-1"
    copy.details = [HuaweiCloudError.Detail(code: "X", message: nil)]
    #expect(original.message == "The token has expired.")
    #expect(original.requestIDs.body == nil)
    #expect(original.details.isEmpty)
    #expect(copy.message == "changed" && copy.requestIDs.body == "body-1" && copy.details.count == 1)
    #expect(copy != original)
  }

  /// The box's copy, equality and hashing each list its fields by hand: a field one of them
  /// missed would survive a change unseen, or be lost from a copy.
  @Test("every stored field takes part in equality, and a copy keeps all the others")
  func everyFieldCounts() throws {
    let original = try #require(
      HuaweiCloudError(
        status: 401, headers: [(name: "X-Request-Id", value: "req-1"), (name: "Retry-After", value: "3")],
        body: Array(#"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#.utf8)))
    let other = try #require(Self.entries.first { $0 != original.entry })
    let similar = HuaweiCloudCatalog.matches(for: "The token has expired.")
    var changes: [(String, (inout HuaweiCloudError) -> Void)] = []
    func change<Value: Equatable>(_ name: String, _ path: WritableKeyPath<HuaweiCloudError, Value>, _ value: Value) {
      #expect(original[keyPath: path] != value, "\(name) is changed to a new value")
      changes.append((name, { $0[keyPath: path] = value }))
      changes.append(("\(name) restored", { $0[keyPath: path] = original[keyPath: path] }))
    }
    change("code", \.code, "IAM.0001")
    change("message", \.message, "changed")
    change("request ids", \.requestIDs.body, "body-1")
    change("encoded authorization message", \.encodedAuthorizationMessage, "encoded")
    change("entry", \.entry, other)
    change("documented row", \.documentedRow, other.row)
    change("arguments", \.arguments, ["key": "value"])
    change("resolution", \.resolution, .ambiguous)
    change("candidates", \.candidates, [other])
    change("similar texts", \.similarTexts, Array(similar.prefix(1)))
    change("service", \.service, other.service)
    change("body format", \.bodyFormat, .xml)
    change("truncation", \.isBodyTruncated, true)
    change("retry after", \.retryAfter, .seconds(9))
    change("details", \.details, [HuaweiCloudError.Detail(code: "X", message: nil)])
    for pair in stride(from: 0, to: changes.count, by: 2) {
      let (name, apply) = changes[pair]
      var copy = original
      apply(&copy)
      #expect(copy != original, "\(name)")
      changes[pair + 1].1(&copy)
      #expect(copy == original, "\(name): the copy kept every other field")
      #expect(copy.hashValue == original.hashValue, "\(name)")
    }
  }

  /// A shared code's candidates are looked up again from the code when asked for, rather than
  /// kept: they must compare, hash and survive a change of the code as kept ones do.
  @Test("candidates looked up by the code behave as candidates kept")
  func candidatesOfTheCode() throws {
    let code = try #require(
      HuaweiCloudCatalog.entries.lazy.map(\.code).first {
        let entries = HuaweiCloudCatalog.entries(code: $0)
        return entries.count > 2 && !entries.contains(where: \.isSuccess)
      })
    let error = HuaweiCloudError(status: 400, code: HuaweiCloudErrorCode(code))
    #expect(error.resolution == .ambiguous)
    #expect(error.candidates == HuaweiCloudCatalog.entries(code: code))
    var kept = error
    kept.candidates = error.candidates
    #expect(kept == error)
    #expect(kept.hashValue == error.hashValue)
    kept.candidates = Array(error.candidates.dropLast())
    #expect(kept != error)
    var recoded = error
    recoded.code = "IAM.0001"
    #expect(recoded.candidates == error.candidates)
    recoded.code = error.code
    #expect(recoded == error)
    #expect(recoded.hashValue == error.hashValue)
  }

  @Test("an empty list set and a list never set are the same value")
  func emptyListsAreEqual() {
    let plain = HuaweiCloudError(status: 400)
    var set = plain
    set.details = []
    set.candidates = []
    set.similarTexts = []
    #expect(set == plain)
    #expect(set.hashValue == plain.hashValue)
  }

  /// The fields few errors have are kept apart, and dropped when none is left.
  @Test("a rarer field set and then cleared leaves the same value as one never set")
  func clearedRareFieldsAreEqual() {
    let plain = HuaweiCloudError(status: 400, code: "IAM.0066", requestID: "req-1")
    var changed = plain
    changed.encodedAuthorizationMessage = "encoded"
    changed.requestIDs.obs = "obs-1"
    changed.requestIDs.iamTrace = "trace-1"
    changed.requestIDs.otherHeaders = [.init(name: "X-Apig-Request-Id", value: "apig-1")]
    #expect(changed != plain)
    #expect(changed.requestIDs.obs == "obs-1" && changed.requestIDs.iamTrace == "trace-1")
    #expect(changed.requestID == "req-1")
    changed.encodedAuthorizationMessage = nil
    changed.requestIDs.obs = nil
    #expect(changed != plain)
    changed.requestIDs.iamTrace = nil
    changed.requestIDs.otherHeaders = []
    #expect(changed == plain)
    #expect(changed.hashValue == plain.hashValue)
    #expect(changed.requestIDs == plain.requestIDs)
  }

  @Test("errors read from the same response are equal and hash alike", arguments: entries)
  func sameResponseSameValue(entry: CatalogEntry) {
    let fixture = ErrorResponseFixture(entry: entry, arguments: ["0": "a1", "1": "b2"])
    let first = HuaweiCloudError(status: fixture.status, headers: fixture.headers, body: fixture.body)
    let second = HuaweiCloudError(status: fixture.status, headers: fixture.headers, body: fixture.body)
    #expect(first != nil)
    #expect(first == second)
    #expect(first.hashValue == second.hashValue)
  }

  /// Several services' entries for one code are told apart by how the message fits each; an
  /// entry's own plain text is fitted without a search, and must fit as the search would.
  @Test("an entry's own plain text fits as the search finds, whatever the status", arguments: entries)
  func ownPlainMatchAgreesWithSearch(entry: CatalogEntry) {
    guard let message = entry.row.message else { return }
    let index = CatalogStorage.messageIndex
    let fast = index.ownPlainMatch(message, of: entry)
    #expect((fast != nil) == (index.ownPlainRow(message, of: entry) != nil))
    guard let fast else { return }
    for status in Set(entry.rows.flatMap(\.statuses) + [400, 500]) {
      #expect(fast == entry.match(message, status: status), "\(entry.code) \(status)")
    }
  }

  /// A response whose message is its entry's own text is answered from the entry's record in the
  /// message index, where the text's bytes follow the record: every entry's record must hold its
  /// own text and row, and nothing else may compare equal.
  @Test("an entry's own plain text is found by its record, and a message a byte off is not", arguments: entries)
  func ownPlainRowIsTheRecordsText(entry: CatalogEntry) {
    guard let message = entry.row.message else { return }
    let index = CatalogStorage.messageIndex
    let found = index.ownPlainRow(message, of: entry)
    // A text with no placeholders that no variant repeats is the entry's own plain text. (With a
    // variant that has placeholders, the record decides by the variant's first literal.)
    if !MessageTemplate(message).hasPlaceholders, !message.allSatisfy({ $0 == " " || $0 == "." }),
      entry.variants.allSatisfy({ $0.message.map { !MessageTemplate($0).hasPlaceholders && $0 != message } ?? true })
    {
      #expect(found == entry.row, "\(entry.code)")
    }
    guard found != nil else { return }
    #expect(found == entry.row, "\(entry.code)")
    var bytes = Array(message.utf8)
    bytes[bytes.count - 1] ^= 0x01
    #expect(index.ownPlainRow(String(decoding: bytes, as: UTF8.self), of: entry) == nil, "\(entry.code)")
    #expect(index.ownPlainRow(message + " ", of: entry) == nil, "\(entry.code)")
    #expect(index.ownPlainRow(String(message.dropLast()), of: entry) == nil, "\(entry.code)")
    // Another entry's record does not hold this text, unless that entry documents it too.
    let other = Self.entries[(Self.entries.firstIndex(of: entry)! + 1) % Self.entries.count]
    if other.row.message != message { #expect(index.ownPlainRow(message, of: other) == nil, "\(entry.code)") }
  }

  /// An error's service, when it has no entry, is the code's one service, read without the list.
  @Test("a code's sole service is the one service its list holds, for every code and for prefixes alone")
  func soleServiceAgreesWithServices() {
    let codes =
      Set(HuaweiCloudCatalog.entries.map(\.code)).map(HuaweiCloudErrorCode.init(rawValue:))
      + ["DBS.999999", "CBC.9999", "ECS.0000x", "NoSuchPrefix.1", "", " iam.0066 "]
    for code in codes {
      let services = code.services
      let sole = services.first.flatMap { first in services.allSatisfy { $0 == first } ? first : nil }
      #expect(code.soleService == sole, "\(code.rawValue)")
    }
  }

  /// Whether a response names a retry window is decided from a flag kept apart from the rows.
  @Test("the throttling flag agrees with the category, for every row and every undocumented status")
  func throttlingFlagAgreesWithCategory() {
    for entry in Self.entries {
      for row in entry.rows {
        let error = HuaweiCloudError(
          status: row.status ?? 400, code: HuaweiCloudErrorCode(rawValue: entry.code), message: row.message,
          service: entry.service)
        #expect(error.isThrottling == (error.category == .throttling), "\(entry.code)")
      }
    }
    for status in [200, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 599] {
      let error = HuaweiCloudError(status: status)
      #expect(error.isThrottling == (error.category == .throttling), "\(status)")
    }
  }

  /// The message that is exactly a row's text is resolved without matching; it must give what
  /// matching would.
  @Test("a documented text resolves to the row matching finds", arguments: entries)
  func ownTextAgreesWithMatching(entry: CatalogEntry) {
    for row in entry.rows {
      guard let message = row.message else { continue }
      let status = row.status ?? 400
      let error = HuaweiCloudError(
        status: status, code: HuaweiCloudErrorCode(rawValue: entry.code), message: message, service: entry.service)
      #expect(error.entry == entry)
      let expected = entry.match(message, status: status)?.row ?? entry.row(status: status) ?? entry.row
      #expect(error.documentedRow == expected, "\(entry.code) row \(row.index)")
    }
  }
}
