import Foundation
import HuaweiCloudErrors
import HuaweiCloudErrorsTesting

/// The inputs every benchmark and its baseline share, built once. Each set mixes what real
/// traffic mixes, interleaved so that no kind runs in a long streak.
enum Inputs {
  /// A deterministic shuffle, so that every run and every harness sees the same order.
  static func interleaved<T>(_ items: [T]) -> [T] {
    var generator = SplitMix(seed: 0x5EED)
    var items = items
    items.shuffle(using: &generator)
    return items
  }

  /// Every catalog code; then, a third as many again: unknown codes of known families, codes in
  /// another letter case or with surrounding spaces, garbled and long strings, empty ones.
  static let codes: [String] = {
    let known = HuaweiCloudCatalog.entries.map(\.code)
    var others: [String] = []
    for (index, code) in known.enumerated() where index % 3 == 0 {
      switch index % 5 {
      case 0: others.append(code.lowercased())
      case 1: others.append(code + "9")  // an unknown code of a known family
      case 2: others.append(" " + code + " ")
      case 3: others.append(String(code.reversed()))  // garbled
      default: others.append(index % 2 == 0 ? "" : String(repeating: code, count: 8))  // empty or long
      }
    }
    return interleaved(known + others)
  }()

  /// The statuses looked up: every documented one and a few that are not.
  static let statuses: [Int] =
    Array(Set(HuaweiCloudCatalog.entries.flatMap { $0.rows.flatMap(\.statuses) })).sorted()
    + [201, 302, 418, 503]

  /// Every documented text rendered with values (exact), then as logs garble them (other letter
  /// case, doubled spaces, no final period), with detail after it, messages no text fits, and a
  /// few long ones (2 KB).
  static let messages: [String] = {
    let values = ["AKIA3X9Q", "prod-key", "user 42", "cn-north-4"]
    var messages: [String] = []
    for (index, row) in HuaweiCloudCatalog.entries.flatMap(\.rows).enumerated() {
      guard let template = row.template else { continue }
      let arguments = TemplateArguments(
        template.keys.enumerated().map { ($0.element, values[$0.offset % values.count]) })
      let rendered = template.render(arguments)
      switch index % 6 {
      case 0, 1, 2: messages.append(rendered)
      case 3: messages.append(rendered.uppercased())
      case 4:
        var lenient = rendered.replacingOccurrences(of: " ", with: "  ")
        if lenient.hasSuffix(".") { lenient.removeLast() }
        messages.append(lenient)
      default: messages.append(rendered + ": request 5f2a7c0e failed after 3 attempts")
      }
    }
    let unknown = [
      "Internal Server Error", "Bad Gateway", "The security token included in the request is invalid.", "Rate exceeded",
      "Connection reset by peer", "java.lang.NullPointerException at com.example.Service.call(Service.java:42)",
      "Quota exceeded for resource type: instances.", "请求参数无效", "Service temporarily unavailable, please retry later.",
      "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
    ]
    let unknownCount = messages.count / 8
    messages += (0..<unknownCount).map { unknown[$0 % unknown.count] }
    let long = String(repeating: "The request failed because the backend returned an unexpected answer. ", count: 29)
    messages += (0..<(messages.count / 200)).map { long + String($0) }
    return interleaved(messages)
  }()

  /// Every 25th message: the set the per-template regular expression baseline runs over (it takes
  /// about 10,000 expressions per message), with the catalog over the same set.
  static let messageSample: [String] = stride(from: 0, to: messages.count, by: 25).map { messages[$0] }

  /// A message built to make a backtracking matcher explode: the separator of IAM.0080's template
  /// repeated, `bytes` long.
  static func hostileMessage(bytes: Int) -> String {
    let separator = " with access key "
    return "The user " + String(repeating: separator, count: bytes / separator.utf8.count) + " is disabled."
  }

  static let hostile100K = hostileMessage(bytes: 100_000)
  static let hostile1M = hostileMessage(bytes: 1_000_000)
  // Both above glibc's threshold for serving allocations with mmap (128 KiB), so that the pair
  // compares the matcher alone, not two regimes of the allocator.
  static let hostile400K = hostileMessage(bytes: 400_000)
  static let hostile4M = hostileMessage(bytes: 4_000_000)

  typealias Response = (status: Int, headers: [(name: String, value: String)], body: [UInt8])

  /// A mixed corpus of failure responses: each documented error's fixture in one of the four body
  /// styles (two in three), the same bodies cut off (one in six), and one in six of the other
  /// shapes services and gateways send: Keystone-style and nested JSON, S3-style XML, an HTML
  /// page, plain text, an empty body, a JSON object without error fields, a JSON array.
  static let responses: [Response] = {
    var responses: [Response] = []
    let styles = ErrorResponseFixture.BodyStyle.allStyles
    let others: [(Int, String)] = [
      (
        401,
        #"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#
      ),
      (400, #"{"result":{"detail":{"error_code":"IAM.0011","error_msg":"Request body is invalid."}},"items":[1,2,3]}"#),
      (
        403,
        #"<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>00000186F2D1</RequestId></Error>"#
      ),
      (
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
      ),
      (500, "Internal Server Error"), (503, ""), (400, #"{"items":[],"total":0}"#), (400, "[1,2,3]"),
    ]
    for (offset, entry) in HuaweiCloudCatalog.entries.enumerated() where !entry.isSuccess {
      let fixture = ErrorResponseFixture(
        entry: entry, arguments: ["0": "AKIA3X9Q", "1": "prod-key"], style: styles[offset % styles.count])
      switch offset % 6 {
      case 0:
        responses.append((fixture.status, fixture.headers, Array(fixture.body.prefix(fixture.body.count / 2))))
      case 1:
        let (status, body) = others[(offset / 6) % others.count]
        responses.append((status, [(name: "X-Request-Id", value: "5f2a7c0e")], Array(body.utf8)))
      default:
        responses.append((fixture.status, fixture.headers, fixture.body))
      }
    }
    return interleaved(responses)
  }()
}

/// SplitMix64: a small seeded generator, for the same shuffle everywhere.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// What a user without this library would keep per code: the baseline's entry.
struct BaselineEntry {
  var code: String
  var service: String
  var status: Int?
  var message: String?
  var description: String?
  var solution: String?

  init(_ entry: CatalogEntry) {
    code = entry.code
    service = entry.service.identifier
    status = entry.status
    message = entry.message
    description = entry.description
    solution = entry.solution
  }
}

enum Baseline {
  static let entries: [BaselineEntry] = HuaweiCloudCatalog.entries.map(BaselineEntry.init)
  static let byCode: [String: BaselineEntry] = Dictionary(
    entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

  /// One anchored, case-insensitive regular expression per documented text, placeholders as
  /// lazy groups: what a user would write to match messages back.
  static let expressions: [(entry: BaselineEntry, expression: NSRegularExpression)] = HuaweiCloudCatalog.entries.flatMap
  {
    entry in
    entry.rows.compactMap { row -> (entry: BaselineEntry, expression: NSRegularExpression)? in
      guard let template = row.template else { return nil }
      var pattern = "^"
      for segment in template.segments {
        switch segment {
        case .literal(let literal): pattern += NSRegularExpression.escapedPattern(for: literal)
        case .placeholder: pattern += "(.+?)"
        }
      }
      pattern += "$"
      let expression = try! NSRegularExpression(
        pattern: pattern, options: [.caseInsensitive, .dotMatchesLineSeparators])
      return (BaselineEntry(entry), expression)
    }
  }

  /// Every text the message fits, with its captured values, tried in turn.
  static func matches(_ message: String) -> [(BaselineEntry, [String])] {
    let range = NSRange(message.startIndex..., in: message)
    var found: [(BaselineEntry, [String])] = []
    for (entry, expression) in expressions {
      guard let result = expression.firstMatch(in: message, options: [], range: range) else { continue }
      let values = (1..<max(result.numberOfRanges, 1)).compactMap { index in
        Range(result.range(at: index), in: message).map { String(message[$0]) }
      }
      found.append((entry, values))
    }
    return found
  }

  /// The error body as a Swift user would declare it for `JSONDecoder`: the SDKs' three pairs, and
  /// the same one level down under `error`.
  struct ErrorBody: Decodable {
    struct Nested: Decodable {
      var code: FlexibleCode?
      var message: String?
    }
    var errorCodeSnake: FlexibleCode?
    var errorMsgSnake: String?
    var errorCode: FlexibleCode?
    var errorMsg: String?
    var code: FlexibleCode?
    var message: String?
    var error: Nested?

    enum CodingKeys: String, CodingKey {
      case errorCodeSnake = "error_code", errorMsgSnake = "error_msg", errorCode, errorMsg, code, message, error
    }
  }

  /// A code sent as a string or as a number (Keystone's `"code": 401`).
  struct FlexibleCode: Decodable {
    var text: String
    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) {
        self.text = text
      } else {
        text = String(try container.decode(Int.self))
      }
    }
  }

  static let decoder = JSONDecoder()

  /// The error fields with `JSONDecoder` and the struct above, then a dictionary lookup of the code.
  static func decode(status: Int, body: [UInt8]) -> (code: String?, message: String?, entry: BaselineEntry?) {
    guard let decoded = try? decoder.decode(ErrorBody.self, from: Data(body)) else {
      return (nil, String(decoding: body, as: UTF8.self), nil)
    }
    let code = (decoded.errorCodeSnake ?? decoded.errorCode ?? decoded.code ?? decoded.error?.code)?.text
    let message = decoded.errorMsgSnake ?? decoded.errorMsg ?? decoded.message ?? decoded.error?.message
    return (code, message, code.flatMap { byCode[$0] })
  }

  /// The error fields the way a user would read them: decode the body with JSONSerialization,
  /// take the known keys (one level down too), and look the code up in a dictionary.
  static func parse(status: Int, body: [UInt8]) -> (code: String?, message: String?, entry: BaselineEntry?) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
      return (nil, String(decoding: body, as: UTF8.self), nil)
    }
    func fields(_ object: [String: Any]) -> (String?, String?) {
      let code = object["error_code"] ?? object["errorCode"] ?? object["code"]
      let message = object["error_msg"] ?? object["errorMsg"] ?? object["message"]
      return (code.map { "\($0)" }, message as? String)
    }
    var (code, message) = fields(object)
    if code == nil, let nested = object["error"] as? [String: Any] { (code, message) = fields(nested) }
    return (code, message, code.flatMap { byCode[$0] })
  }
}
