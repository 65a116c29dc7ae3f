import Foundation
import HuaweiCloudErrors
import HuaweiCloudErrorsTesting

/// The inputs every benchmark and its baseline share, built once.
enum Inputs {
  /// Every catalog code, then codes the catalog does not know (about one in five).
  static let codes: [String] = {
    let known = HuaweiCloudCatalog.entries.map(\.code)
    let unknown = [
      "ECS.0001", "IAM.9999", "iam.0066", "CBC.0156", "PM.00000014", "APIGW.0301", "", "1119", "Organizations.9999",
      "VPC.0101", "DCS.4004", "CBC.99999999", "IAM.00066", "RDS.0001", "SVCSTG.00000001",
    ]
    return known + (0..<(known.count / 4)).map { unknown[$0 % unknown.count] }
  }()

  /// The statuses looked up: every documented one and a few that are not.
  static let statuses: [Int] =
    Array(Set(HuaweiCloudCatalog.entries.flatMap { $0.rows.flatMap(\.statuses) })).sorted()
    + [201, 302, 418, 503]

  /// Every documented text rendered with values, then messages no text fits (about one in ten).
  static let messages: [String] = {
    let values = ["AKIA3X9Q", "prod-key", "user 42", "cn-north-4"]
    var messages: [String] = []
    for entry in HuaweiCloudCatalog.entries {
      for row in entry.rows {
        guard let template = row.template else { continue }
        let arguments = TemplateArguments(
          template.keys.enumerated().map { ($0.element, values[$0.offset % values.count]) })
        messages.append(template.render(arguments))
      }
    }
    let unknown = [
      "Internal Server Error", "Bad Gateway", "The security token included in the request is invalid.", "Rate exceeded",
      "Connection reset by peer", "java.lang.NullPointerException at com.example.Service.call(Service.java:42)",
      "The instance does not exist.", "Quota exceeded for resource type: instances.", "请求参数无效",
      "Service temporarily unavailable, please retry later.",
    ]
    return messages + (0..<(messages.count / 10)).map { unknown[$0 % unknown.count] }
  }()

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

  /// A response of every shape: each entry's fixture in each body style, and the other shapes
  /// services send (Keystone-style, nested, text, HTML, empty, malformed).
  static let responses: [(status: Int, headers: [(name: String, value: String)], body: [UInt8])] = {
    var responses: [(status: Int, headers: [(name: String, value: String)], body: [UInt8])] = []
    let styles = ErrorResponseFixture.BodyStyle.allStyles
    for (offset, entry) in HuaweiCloudCatalog.entries.enumerated() where !entry.isSuccess {
      let fixture = ErrorResponseFixture(
        entry: entry, arguments: ["0": "AKIA3X9Q", "1": "prod-key"], style: styles[offset % styles.count])
      responses.append((fixture.status, fixture.headers, fixture.body))
    }
    let others = [
      (
        401,
        #"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#
      ),
      (400, #"{"result":{"detail":{"error_code":"IAM.0011","error_msg":"Request body is invalid."}},"items":[1,2,3]}"#),
      (
        403,
        #"{"error_code":"IAM.0002","error_msg":"You are not authorized to perform the requested action.","encoded_authorization_message":"Egpjbi1ubm9ydGgtNBIKY2lhbS0wMDAwMRoTMTIzNDU2Nzg5MDEyMzQ1Njc4OQ=="}"#
      ),
      (
        200,
        #"{"error_code":"CBC.0000","error_msg":"SUCCESS","total_count":2,"customers":[{"id":"a","name":"x"},{"id":"b","name":"y"}]}"#
      ),
      (500, "Internal Server Error"),
      (
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
      ),
      (503, ""), (400, #"{"error_code":"CBC.0150","error_msg":"Access den"#),
    ]
    for (status, body) in others {
      for _ in 0..<10 { responses.append((status, [(name: "X-Request-Id", value: "5f2a7c0e")], Array(body.utf8))) }
    }
    return responses
  }()
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
