import Foundation
import HuaweiCloudErrors
import HuaweiCloudErrorsTesting
import Testing

/// Parses a raw body with a status and optional headers.
func parse(
  _ status: Int, _ body: String, headers: [(name: String, value: String)] = [], service: HuaweiCloudService? = nil,
  options: HuaweiCloudError.ParsingOptions = .init()
) -> HuaweiCloudError? {
  HuaweiCloudError(status: status, headers: headers, body: Array(body.utf8), service: service, options: options)
}

@Suite("Failed responses to typed errors: every documented entry, every body shape")
struct FixtureRoundTripTests {
  static let values = ["AKIA3X9Q", "prod key 42", "名前😀", "a:b.c/d"]

  @Test(
    "every entry's fixture response, in every body style, parses back to that entry",
    arguments: HuaweiCloudCatalog.entries)
  func roundTrip(entry: CatalogEntry) throws {
    for style in ErrorResponseFixture.BodyStyle.allStyles {
      for row in entry.rows {
        let arguments = TemplateArguments(
          (row.template?.keys ?? []).enumerated().map { ($0.element, Self.values[$0.offset % 4]) })
        let response = ErrorResponseFixture(
          entry: entry, arguments: arguments, row: row, requestID: "req-\(entry.code)", style: style)
        #expect(response.status == row.status ?? 400)
        #expect(response.service == entry.service)
        let error = HuaweiCloudError(response)
        if entry.isSuccess {
          #expect(error == nil)
          continue
        }
        let parsed = try #require(error, "\(entry.code) \(style)")
        #expect(parsed.statusCode == row.status ?? 400)
        #expect(parsed.code?.rawValue == entry.code)
        #expect(parsed.message == row.template?.render(arguments))
        #expect(parsed.requestID == "req-\(entry.code)")
        #expect(parsed.entry == entry)
        #expect(parsed.resolution == .code)
        #expect(parsed.arguments == arguments, "\(entry.code) \(style)")
        #expect(parsed.bodyFormat == .json)
        #expect(parsed.service == entry.service)
        // The row sent, or one with the same text.
        #expect(parsed.documentedRow?.message == row.message, "\(entry.code) \(style)")
        #expect(parsed.failureReason == parsed.documentedRow?.description)
      }
    }
  }

  @Test("a fixture for a code reads back with its enum case")
  func fixtureByCode() throws {
    let error = try #require(HuaweiCloudError(ErrorResponseFixture(IAMErrorCode.tokenExpired, requestID: "r1")))
    #expect(error.code == .iam(.tokenExpired))
    #expect(error.requestID == "r1")
    #expect(ErrorResponseFixture(CBCErrorCode.success).status == 200)
    #expect(HuaweiCloudError(ErrorResponseFixture(CBCErrorCode.success)) == nil)
  }
}

@Suite("Body shapes the services send")
struct BodyShapeTests {
  @Test("error_code and error_msg")
  func errorCodeMessage() throws {
    let error = try #require(parse(403, #"{"error_code": "CBC.0150", "error_msg": "Invalid operation."}"#))
    #expect(error.code == "CBC.0150")
    #expect(error.message == "Invalid operation.")
    #expect(error.entry?.code == "CBC.0150")
    #expect(error.resolution == .code)
  }

  @Test("errorCode and errorMsg, and code and message")
  func otherNamings() throws {
    let camel = try #require(parse(404, #"{"errorCode": "Organizations.1100", "errorMsg": "Organization not found."}"#))
    #expect(camel.entry?.code == "Organizations.1100")
    let plain = try #require(parse(400, #"{"code": "PM.02152001", "message": "Invalid parameter."}"#))
    #expect(plain.entry?.code == "PM.02152001")
    #expect(plain.message == "Invalid parameter.")
  }

  @Test("IAM's Keystone-style error one level down, with a numeric code")
  func keystone() throws {
    let body =
      #"{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}"#
    let error = try #require(parse(401, body, headers: [(name: "X-Request-Id", value: "ks-1")]))
    #expect(error.code == "401")
    #expect(error.message == "The request you have made requires authentication.")
    #expect(error.entry?.code == "IAM.0001")
    #expect(error.resolution == .message)
    #expect(error.requestID == "ks-1")
    #expect(error.bodyFormat == .json)
  }

  @Test("a nested error object under any key, at any depth, as the SDKs search")
  func nestedAnywhere() throws {
    let error = try #require(
      parse(
        400, #"{"result": {"detail": {"error_code": "IAM.0011", "error_msg": "Request body is invalid."}}, "x": [1]}"#))
    #expect(error.code == "IAM.0011")
    #expect(error.entry?.code == "IAM.0011")
  }

  @Test("a pair at the top level wins over a nested one, and error_code pairs over code pairs")
  func precedence() throws {
    let top = try #require(
      parse(
        400,
        #"{"error": {"code": "X.1", "message": "inner"}, "error_code": "IAM.0011", "error_msg": "Request body is invalid."}"#
      ))
    #expect(top.code == "IAM.0011")
    let pairs = try #require(
      parse(400, #"{"code": "X.1", "message": "m", "error_code": "IAM.0011", "error_msg": "Request body is invalid."}"#)
    )
    #expect(pairs.code == "IAM.0011")
    #expect(pairs.message == "Request body is invalid.")
  }

  @Test("encoded_authorization_message is kept, at the top or one level down")
  func encodedAuthorization() throws {
    let top = try #require(
      parse(
        403,
        #"{"error_code": "IAM.0002", "error_msg": "You are not authorized to perform the requested action.", "encoded_authorization_message": "Egpjbi1ub*****GoxMzgrcA=="}"#
      ))
    #expect(top.encodedAuthorizationMessage == "Egpjbi1ub*****GoxMzgrcA==")
    #expect(top.entry?.code == "IAM.0002")
    let nested = try #require(
      parse(403, #"{"error": {"code": "IAM.0002", "message": "m", "encoded_authorization_message": "abc"}}"#))
    #expect(nested.encodedAuthorizationMessage == "abc")
    #expect(nested.code == "IAM.0002")
  }

  @Test("a code without a message and a message without a code are both read")
  func halfPairs() throws {
    let codeOnly = try #require(parse(403, #"{"error_code": "CBC.0151"}"#))
    #expect(codeOnly.code == "CBC.0151")
    #expect(codeOnly.message == nil)
    #expect(codeOnly.entry?.code == "CBC.0151")
    // IAM and the dedicated gateway both document the text: the service that answered decides.
    let messageOnly = try #require(parse(401, #"{"message": "The token has expired."}"#, service: .iam))
    #expect(messageOnly.code == nil)
    #expect(messageOnly.entry?.code == "IAM.0066")
    #expect(messageOnly.resolution == .message)
    let unhinted = try #require(parse(401, #"{"message": "The token has expired."}"#))
    #expect(unhinted.entry == nil)
    #expect(unhinted.resolution == .ambiguous)
    #expect(unhinted.candidates.contains(IAMErrorCode.tokenExpired.entry))
  }

  @Test("RDS's errCode and externalMessage are read")
  func rdsKeys() throws {
    let error = try #require(parse(404, #"{"errCode":"DBS.280001","externalMessage":"Instance not found."}"#))
    #expect(error.code == "DBS.280001")
    #expect(error.message == "Instance not found.")
    #expect(error.entry == nil)
  }

  @Test("an empty code is no code")
  func emptyCode() throws {
    let error = try #require(parse(401, #"{"error_code": "", "error_msg": "The token has expired."}"#, service: .iam))
    #expect(error.code == nil)
    #expect(error.entry?.code == "IAM.0066")
    #expect(error.resolution == .message)
  }

  @Test("values that are not strings: null and objects give nothing, numbers their text")
  func valueKinds() throws {
    let error = try #require(parse(400, #"{"error_code": null, "error_msg": {"x": 1}, "code": 1.5e3}"#))
    #expect(error.code == "1.5e3")
    #expect(error.message == nil)
  }

  /// Bodies whose keys repeat or are escaped, with the code and message that a JSON decoder
  /// (every SDK's, and Foundation's: the last value of a key wins, escapes are decoded) leaves.
  static let repeatedAndEscapedKeyBodies: [(body: String, code: String?, message: String?)] = [
    // A nested error object replaced by a later value under the same key.
    (#"{"a":{"b":{"error_code":"IAM.0010","error_msg":"m"}},"a":"r"}"#, nil, nil),
    (#"{"error":{"code":"IAM.0001","message":"m"},"error":{}}"#, nil, nil),
    (#"{"error":{"code":"IAM.0001","message":"m"},"error":"invalid_request"}"#, "invalid_request", nil),
    (#"{"error":"invalid_request","error":{"code":"IAM.0001","message":"m"}}"#, "IAM.0001", "m"),
    // A later nested object under the same key is the one read.
    (#"{"a":{"code":"X.1","message":"one"},"a":{"code":"X.2","message":"two"}}"#, "X.2", "two"),
    // The same key written plainly and with escapes, or in two Unicode forms of one string.
    (#"{"\u0061":{"code":"X.1","message":"one"},"a":2}"#, nil, nil),
    (#"{"a":{"code":"X.1","message":"one"},"\u0061":2}"#, nil, nil),
    ("{\"\u{E9}\":{\"code\":\"X.1\",\"message\":\"one\"},\"e\u{301}\":2}", nil, nil),
    (#"{"a":{"code":"X.1","message":"one"},"b":2,"ab":3}"#, "X.1", "one"),
    // A nested object under another key stays.
    (#"{"a":{"code":"X.1","message":"one"},"b":1,"a":2,"c":{"code":"X.3","message":"three"}}"#, "X.3", "three"),
    // A field written twice: its last value.
    (#"{"error_code":"X.1","error_msg":"one","error_code":"X.2"}"#, "X.2", "one"),
    (#"{"error_code":"X.1","error_msg":"one","error_code":null}"#, nil, "one"),
    // Escaped keys are the keys they spell.
    (#"{"error\u005fcode":"X.1","error_msg":"one"}"#, "X.1", "one"),
    (#"{"error_code":"X.1","error_msg":"one","error\u005fcode":{}}"#, nil, "one"),
    (#"{"co\u0064e":"X.1","\u006dessage":"one"}"#, "X.1", "one"),
    // Past eight nested objects their keys are indexed: replacing one still retires it.
    (manyNested + #","k11":1}"#, "X.10", "m10"),
    (manyNested + #","k5":{"code":"X.99","message":"m99"}}"#, "X.99", "m99"),
    (manyNested + #","k5":1,"k5":{"code":"X.98","message":"m98"},"k11":[]}"#, "X.98", "m98"),
  ]

  /// Twelve nested objects with a pair each, `k0` … `k11`, the closing brace left off.
  static let manyNested =
    "{" + (0..<12).map { #""k\#($0)":{"code":"X.\#($0)","message":"m\#($0)"}"# }.joined(separator: ",")

  @Test(
    "a key written twice keeps its last value, and escaped keys are the keys they spell, as JSON decoders read them",
    arguments: repeatedAndEscapedKeyBodies.indices)
  func repeatedAndEscapedKeys(index: Int) throws {
    let (body, code, message) = Self.repeatedAndEscapedKeyBodies[index]
    // The table itself agrees with Foundation's decoder about which values survive.
    let decoded = try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    var strings: [String] = []
    var pending: [Any] = [decoded]
    while let value = pending.popLast() {
      if let text = value as? String { strings.append(text) }
      if let object = value as? [String: Any] { pending.append(contentsOf: object.values) }
    }
    for value in [code, message].compactMap({ $0 }) { #expect(strings.contains(value), "\(value) in \(body)") }
    let error = try #require(parse(400, body))
    #expect(error.code?.rawValue == code, "\(body)")
    if code != nil || message != nil { #expect(error.message == message, "\(body)") }
    if let message = error.message, message != body { #expect(strings.contains(message), "\(body)") }
  }

  @Test("the request id header is found in any letter case; the body's request_id is kept too")
  func requestIDs() throws {
    for name in ["X-Request-Id", "x-request-id", "X-REQUEST-ID"] {
      #expect(parse(500, "{}", headers: [(name: name, value: "abc")])?.requestID == "abc")
    }
    let both = try #require(
      parse(
        401, #"{"error_code": "APIGW.0301", "error_msg": "m", "request_id": "body-id"}"#,
        headers: [(name: "x-request-id", value: "hdr-id")]))
    #expect(both.requestID == "hdr-id")
    #expect(both.requestIDs.body == "body-id")
    let bodyOnly = try #require(parse(401, #"{"error_code": "APIGW.0301", "error_msg": "m", "request_id": "body-id"}"#))
    #expect(bodyOnly.requestID == "body-id")
  }

  @Test("an unknown code is kept and has no entry; its message's likenesses within its service are apart")
  func unknownCode() throws {
    let error = try #require(parse(400, #"{"error_code": "NOSUCH.0001", "error_msg": "Invalid token."}"#))
    #expect(error.code == "NOSUCH.0001")
    #expect(!error.code!.isDocumented)
    #expect(error.resolution == HuaweiCloudError.Resolution.none)
    #expect(error.entry == nil)
    #expect(error.similarTexts.isEmpty)
    let cbc = try #require(parse(400, #"{"error_code": "CBC.0156", "error_msg": "Invalid email address."}"#))
    #expect(cbc.service == .cbc)
    #expect(cbc.entry == nil)
    #expect(!cbc.similarTexts.isEmpty && cbc.similarTexts.allSatisfy { $0.entry.service == .cbc })
    #expect(cbc.similarTexts.first?.entry.message == "Invalid email address.")
    let none = try #require(parse(400, #"{"error_code": "CBC.0156", "error_msg": "Invalid token."}"#))
    #expect(none.entry == nil)
    #expect(none.similarTexts.isEmpty)
    #expect(none.service == .cbc)
    #expect(none.resolution == .none)
  }

  @Test("a documented code whose message has placeholders gives their values")
  func argumentsFromMessage() throws {
    let error = try #require(
      parse(403, #"{"error_code": "IAM.0080", "error_msg": "The user alice with access key AKIA is disabled."}"#))
    #expect(error.arguments == ["0": "alice", "1": "AKIA"])
    let mismatch = try #require(parse(403, #"{"error_code": "IAM.0080", "error_msg": "Something else."}"#))
    #expect(mismatch.entry?.code == "IAM.0080")
    #expect(mismatch.arguments.isEmpty)
  }
}

@Suite("Success and errors below 400")
struct StatusRuleTests {
  @Test(
    "a 2xx is an error exactly when its body has a documented code that is not a success",
    arguments: [
      (
        200, #"{"error_code": "CBC.3106", "error_msg": "The order status has changed and no payment can be made."}"#,
        true
      ),
      (200, #"{"error_code": "CBC.0000", "error_msg": "SUCCESS", "data": [{"code": "x"}]}"#, false),
      (200, #"{"error_code": "CBC.0000", "error_msg": "Success."}"#, false),
      (200, #"{"total_count": 1, "customers": [{"code": "CBC.0150", "message": "m"}]}"#, false),
      (200, #"{"id": "abc"}"#, false), (200, "", false), (204, "", false), (200, "OK", false),
      (200, #"{"error_code": "CBC.9999", "error_msg": "Unknown failure."}"#, false),
      (201, #"{"error_code": "PM.02152001", "error_msg": "Invalid parameter."}"#, true),
      (302, "", false), (400, "", true), (500, "{}", true), (404, #"{"error_code": "CBC.0000"}"#, true),
    ] as [(Int, String, Bool)])
  func statusRule(status: Int, body: String, isError: Bool) {
    #expect((parse(status, body) != nil) == isError)
  }
}

@Suite("Bad bodies end in a defined value")
struct BadBodyTests {
  @Test(
    "any body gives an error value with what could be read",
    arguments: [
      ("", HuaweiCloudError.BodyFormat.empty, nil as String?), ("   \n\t ", .empty, nil),
      ("Internal Server Error", .text, "Internal Server Error"),
      ("  Service Unavailable \n", .text, "Service Unavailable"),
      (
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
        .html, "502 Bad Gateway"
      ),
      ("<!DOCTYPE html><HTML><BODY><H1>Request Rejected</H1></BODY></HTML>", .html, "Request Rejected"),
      ("<html><title></title></html>", .html, nil), ("<", .html, nil),
      (#""Internal error""#, .jsonValue, "Internal error"), ("[1, 2]", .jsonValue, "[1, 2]"),
      ("null", .jsonValue, "null"), ("42", .jsonValue, "42"),
      (#"{"error_code": "CBC.0150", "error_msg": "Acc"#, .malformedJSON, nil),
      (#"{"error_code": "CBC.0150""#, .malformedJSON, nil),
      // JSON that breaks off gives no message; a body that only looks like JSON is its own
      // message, as the SDKs report a body they cannot decode.
      ("{", .malformedJSON, nil), (#"{"a": "#, .malformedJSON, nil), (#"{"a": }"#, .malformedJSON, #"{"a": }"#),
      (#"{"error_msg": "x"} trailing"#, .malformedJSON, "x"),
      ("{'error_code': 'x'}", .malformedJSON, "{'error_code': 'x'}"),
      (" {broken body} \n", .malformedJSON, "{broken body}"),
      (#"{"a": 1} trailing"#, .malformedJSON, #"{"a": 1} trailing"#), ("\u{FEFF}Bad request", .text, "Bad request"),
      ("\u{FEFF}{\"error_msg\": \"Invalid token.\"}", .json, "Invalid token."),
      (
        "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>0001</RequestId></Error>",
        .xml, "Access Denied"
      ),
    ] as [(String, HuaweiCloudError.BodyFormat, String?)])
  func badBodies(body: String, format: HuaweiCloudError.BodyFormat, message: String?) throws {
    let error = try #require(parse(502, body))
    #expect(error.bodyFormat == format)
    #expect(error.message == message)
    #expect(error.statusCode == 502)
  }

  @Test("truncated JSON keeps the fields read before the break")
  func truncatedKeepsFields() throws {
    let error = try #require(parse(403, #"{"error_code": "CBC.0150", "error_msg": "Access den"#))
    #expect(error.code == "CBC.0150")
    #expect(error.entry?.code == "CBC.0150")
    #expect(error.bodyFormat == .malformedJSON)
  }

  @Test("invalid UTF-8 is repaired, never trusted")
  func invalidUTF8() throws {
    var body = Array(#"{"error_code": "IAM.0011", "error_msg": "bad "#.utf8)
    body += [0xFF, 0xC3, 0x28]
    body += Array(#""}"#.utf8)
    let error = try #require(HuaweiCloudError(status: 400, headers: [:], body: body))
    #expect(error.code == "IAM.0011")
    #expect(error.message == "bad \u{FFFD}\u{FFFD}(")
    let text = try #require(HuaweiCloudError(status: 400, headers: [:], body: [0xFF, 0xFE, 0x41]))
    #expect(text.message == "\u{FFFD}\u{FFFD}A")
  }

  @Test("deep nesting is refused without recursing without bound")
  func deepNesting() throws {
    let deep = "{\"a\":" + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}"
    let error = try #require(parse(400, deep))
    #expect(error.bodyFormat == .malformedJSON)
    let deepObjects = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
    #expect(parse(400, deepObjects)?.bodyFormat == .malformedJSON)
    let fieldsFirst =
      #"{"error_code": "IAM.0011", "error_msg": "Request body is invalid.", "x": "# + String(repeating: "[", count: 100)
    #expect(parse(400, fieldsFirst)?.entry?.code == "IAM.0011")
  }

  @Test("a body over the size limit is read only that far, and says so")
  func sizeLimit() throws {
    let padding = String(repeating: " ", count: 2 << 20)
    let big = #"{"error_code": "IAM.0011", "error_msg": "Request body is invalid.", "pad": ""# + padding + "\"}"
    let error = try #require(parse(400, big))
    #expect(error.isBodyTruncated)
    #expect(error.code == "IAM.0011")
    #expect(error.bodyFormat == .malformedJSON)
    let small = try #require(parse(400, #"{"error_code": "IAM.0011"}"#, options: .init(maximumBodySize: 10)))
    #expect(small.isBodyTruncated)
    #expect(small.code == nil)
    let zero = try #require(parse(400, "x", options: .init(maximumBodySize: 0)))
    #expect(zero.isBodyTruncated)
    #expect(zero.bodyFormat == .empty)
    #expect(parse(400, "x", options: .init(maximumBodySize: Int.max))?.message == "x")
  }

  @Test("bodies as Data, as a non-contiguous collection, and headers as a dictionary")
  func inputTypes() throws {
    let body = #"{"error_code": "IAM.0066", "error_msg": "The token has expired."}"#
    let data = try #require(HuaweiCloudError(status: 401, headers: ["x-request-id": "d1"], body: Data(body.utf8)))
    #expect(data.entry?.code == "IAM.0066")
    #expect(data.requestID == "d1")
    let lazy = try #require(HuaweiCloudError(status: 401, headers: [:], body: body.utf8.lazy.map { $0 }))
    #expect(lazy.entry?.code == "IAM.0066")
    let set = try #require(HuaweiCloudError(status: 401, headers: [:], body: Set(body.utf8).sorted()))
    #expect(set.statusCode == 401)
  }

  /// Each header field the error reads, with the field a value of it sets (`Date` with an HTTP-date
  /// `Retry-After` beside it): what ``headerNames(_:)`` checks per name.
  static let readHeaders: [(name: String, value: String, read: @Sendable (HuaweiCloudError) -> String?)] = [
    ("x-request-id", "r1", { $0.requestIDs.header }), ("x-obs-request-id", "o1", { $0.requestIDs.obs }),
    ("x-amz-request-id", "a1", { $0.requestIDs.amz }), ("x-iam-trace-id", "t1", { $0.requestIDs.iamTrace }),
    ("retry-after", "7", { $0.retryAfter.map { "\($0)" } }),
    ("retry-after-ms", "1500", { $0.retryAfter.map { "\($0)" } }),
    ("x-ms-retry-after-ms", "1500", { $0.retryAfter.map { "\($0)" } }),
    // Without `Date`, the HTTP date is taken as relative to now, long past: not the seven seconds.
    ("date", "Sun, 06 Nov 1994 08:49:37 GMT", { $0.retryAfter == .seconds(7) ? "7 seconds" : nil }),
  ]

  /// Names are compared a word at a time with only the letters' case allowed to differ: every
  /// spelling in any case is read, and a name one byte off (a hyphen sent as a carriage return,
  /// which differs from it in the case bit alone, a letter or hyphen changed) is not.
  @Test("each header the error reads is found in any letter case, and a name one byte off is not", arguments: 0..<8)
  func headerNames(_ index: Int) throws {
    let (name, value, read) = Self.readHeaders[index]
    // `Date` only counts beside an HTTP-date `Retry-After`, seven seconds after it.
    let companion = name == "date" ? [(name: "Retry-After", value: "Sun, 06 Nov 1994 08:49:44 GMT")] : []
    func readValue(as sent: String) throws -> String? {
      let error = try #require(parse(503, "{}", headers: [(name: sent, value: value)] + companion))
      return read(error)
    }
    let expected = try readValue(as: name)
    #expect(expected != nil, "\(name)")
    let alternating = String(
      name.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element })
    for spelling in [name.uppercased(), alternating, name.capitalized] {
      #expect(try readValue(as: spelling) == expected, "\(spelling)")
    }
    for offset in name.utf8.indices {
      var bytes = Array(name.utf8)
      let position = name.utf8.distance(from: name.utf8.startIndex, to: offset)
      let original = bytes[position]
      for changed in [original == UInt8(ascii: "-") ? 0x0D : original ^ 0x01, original &+ 0x40] {
        bytes[position] = changed
        let near = String(decoding: bytes, as: UTF8.self)
        #expect(try readValue(as: near) == nil, "\(near.debugDescription)")
      }
    }
    #expect(try readValue(as: name + "x") == nil)
    #expect(try readValue(as: String(name.dropLast())) == nil)
  }

  /// An array of header fields is read in place; any other sequence one field at a time.
  @Test(
    "header fields read alike from an array and from any other sequence: first of repeats, any case, at most 8 others")
  func headerSequences() throws {
    let others = (1...10).map { (name: "X-Service\($0)-Request-Id", value: "s\($0)") }
    let fields: [(name: String, value: String)] =
      [
        (name: "Content-Type", value: "application/json"), (name: "x-request-id", value: "r1"),
        (name: "X-Request-Id", value: "r2"), (name: "X-OBS-REQUEST-ID", value: "o1"),
        (name: "x-amz-request-id", value: "a1"), (name: "X-Iam-Trace-Id", value: "t1"),
        (name: "X-Apig-Request-Id", value: "g1"), (name: "x-apig-request-id", value: "g2"),
        (name: "Retry-After", value: "3"), (name: "Retry-After", value: "9"), (name: "Retry-After-Ms", value: "1500"),
      ] + others
    let body = Array(#"{"error_code":"IAM.0066","error_msg":"The token has expired.","request_id":"b1"}"#.utf8)
    let array = try #require(HuaweiCloudError(status: 401, headers: fields, body: body))
    let sequence = try #require(HuaweiCloudError(status: 401, headers: AnySequence(fields), body: body))
    #expect(array == sequence)
    let ids = array.requestIDs
    #expect(ids.header == "r1" && ids.obs == "o1" && ids.amz == "a1" && ids.iamTrace == "t1" && ids.body == "b1")
    #expect(ids.otherHeaders.map(\.name) == ["X-Apig-Request-Id"] + others.prefix(7).map(\.name))
    #expect(ids.otherHeaders.first?.value == "g1")
    #expect(array.retryAfter == .seconds(3))
    let none = try #require(HuaweiCloudError(status: 401, headers: AnySequence([]), body: body))
    #expect(none.requestID == "b1" && none.retryAfter == nil && none.requestIDs.otherHeaders.isEmpty)
  }
}
