import HuaweiCloudErrors
import HuaweiCloudErrorsTesting
import Testing

@Suite("The API Gateway's codes")
struct GatewayTests {
  @Test("a code with several rows is one entry whose other rows are variants, each with its status")
  func severalRows() throws {
    let entry = try #require(CatalogEntry(code: "APIGW.0201", service: .apigw))
    #expect(entry.rows.map(\.status) == [400, 413, 414, 494, 502, 504])
    #expect(entry.row(status: 504)?.message == "Backend timeout.")
    #expect(entry.row(status: 502)?.message == "Backend unavailable.")
    #expect(entry.row(status: 500) == nil)
    #expect(CatalogEntry(code: "APIGW.0101", service: .apigw)?.rows.count == 2)
    for status in [400, 413, 414, 494, 502, 504] {
      #expect(HuaweiCloudCatalog.entries(status: status).contains(entry))
    }
  }

  @Test("a response picks the row whose status and message fit", arguments: [400, 413, 414, 494, 502, 504])
  func responseRow(status: Int) throws {
    let entry = try #require(CatalogEntry(code: "APIGW.0201"))
    let row = try #require(entry.row(status: status))
    let body = #"{"error_code":"APIGW.0201","error_msg":""# + row.message! + #"","request_id":"r"}"#
    let error = try #require(parse(status, body))
    #expect(error.documentedRow == row)
    #expect(error.failureReason == row.description)
    #expect(error.recoverySuggestion == row.solution)
    // The status alone picks the row when the message is not documented.
    let bare = try #require(parse(status, #"{"error_code":"APIGW.0201","error_msg":"upstream said no"}"#))
    #expect(bare.documentedRow == row)
  }

  @Test("APIGW.0607's {xxx} placeholder is a named placeholder")
  func namedPlaceholder() throws {
    let entry = try #require(CatalogEntry(code: "APIGW.0607"))
    #expect(entry.template?.keys == ["xxx"])
    let match = try #require(HuaweiCloudCatalog.bestMatch(for: "The following protocol is supported: HTTPS"))
    #expect(match.entry == entry)
    #expect(match.arguments == ["xxx": "HTTPS"])
  }

  @Test("the gateway's codes are served like the others: enum, open code, catch, fixture")
  func servedEverywhere() throws {
    #expect(APIGWErrorCode(rawValue: "APIGW.0301") == .incorrectIAMAuthenticationInformation)
    #expect(HuaweiCloudErrorCode("apigw.0301").entry?.code == "APIGW.0301")
    let error = try #require(HuaweiCloudError(ErrorResponseFixture(APIGWErrorCode.throttlingThresholdReached)))
    #expect(error.statusCode == 429)
    #expect(HuaweiCloudError.apigw(.throttlingThresholdReached) ~= error)
    #expect(HuaweiCloudService.apigw ~= error)
    #expect(error.code == .apigw(.throttlingThresholdReached))
  }
}

@Suite("Messages with detail after the documented text")
struct DetailMatchTests {
  @Test(
    "detail after a colon, a period, a bracket, or a dropped period is returned as `detail`",
    arguments: [
      (
        "Incorrect IAM authentication information: verify aksk signature fail", "APIGW.0301",
        "verify aksk signature fail"
      ),
      (
        "The request you have made requires authentication. (Disable debug mode to suppress these details.)",
        "IAM.0001",
        "(Disable debug mode to suppress these details.)"
      ),
      ("The token has expired. Please obtain a new one", "IAM.0066", "Please obtain a new one"),
      ("Backend timeout: upstream took 60s", "APIGW.0201", "upstream took 60s"),
      ("incorrect app authentication information - app not found", "APIGW.0303", "app not found"),
    ])
  func detail(message: String, code: String, detail: String) throws {
    let matches = HuaweiCloudCatalog.matches(for: message)
    let best = try #require(matches.first)
    // The code's entry is among the best: other services may document the same text.
    let match = try #require(
      matches.first { $0.entry.code == code && $0.kind == best.kind && $0.literalLength == best.literalLength },
      "\(matches)")
    #expect(match.kind == .detail)
    #expect(match.arguments == ["detail": detail])
  }

  @Test("words glued on without a separator are not detail")
  func noSeparator() {
    #expect(HuaweiCloudCatalog.matches(for: "The token has expiredness").isEmpty)
    #expect(HuaweiCloudCatalog.matches(for: "Access deniedness").isEmpty)
  }

  @Test("a detail match never beats a template that fits the whole message")
  func templateBeatsDetail() throws {
    let message = "The throttling threshold has been reached. Threshold: 10 times per 60 seconds"
    let matches = HuaweiCloudCatalog.matches(for: message, status: 429)
    #expect(matches.first?.entry.code == "IAM.0012")
    #expect(matches.first?.kind == .template)
    #expect(matches.first?.arguments == ["0": "10", "1": "60"])
    #expect(matches.dropFirst().allSatisfy { $0.kind == .detail })
    let gateway = try #require(matches.first { $0.entry.code == "APIGW.0308" })
    #expect(gateway.arguments["detail"] == "Threshold: 10 times per 60 seconds")
  }

  @Test("the code in the body decides between them")
  func codeDecides() throws {
    let message = "The throttling threshold has been reached. Threshold: 10 times per 60 seconds"
    let gateway = try #require(parse(429, #"{"error_code":"APIGW.0308","error_msg":""# + message + "\"}"))
    #expect(gateway.entry?.code == "APIGW.0308")
    #expect(gateway.arguments == ["detail": "Threshold: 10 times per 60 seconds"])
    let iam = try #require(parse(429, #"{"error_code":"IAM.0012","error_msg":""# + message + "\"}"))
    #expect(iam.entry?.code == "IAM.0012")
    #expect(iam.arguments == ["0": "10", "1": "60"])
    // Without a code, several services document the text: the service that answered decides.
    let body = #"{"error_msg":"The throttling threshold has been reached. Retry later."}"#
    let bare = try #require(parse(429, body, service: .apigw))
    #expect(bare.entry?.code == "APIGW.0308")
    #expect(bare.resolution == .message)
    let unhinted = try #require(parse(429, body))
    #expect(unhinted.resolution == .ambiguous)
    #expect(unhinted.candidates.contains { $0.code == "APIGW.0308" })
  }
}

@Suite("Error responses as they really arrive")
struct RealResponseTests {
  @Test("the gateway's request_id in the body, X-Request-Id and IAM's X-Iam-Trace-Id are all kept")
  func requestIDs() throws {
    let gateway = try #require(
      parse(
        401,
        #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"body-1"}"#,
        headers: [(name: "X-Request-Id", value: "header-1")]))
    #expect(gateway.requestIDs.header == "header-1")
    #expect(gateway.requestIDs.body == "body-1")
    #expect(gateway.requestIDs.iamTrace == nil)
    #expect(gateway.requestID == "header-1")
    #expect(gateway.arguments == ["detail": "verify aksk signature fail"])
    let iam = try #require(
      parse(
        401, #"{"error":{"code":401,"message":"The token has expired.","title":"Unauthorized"}}"#,
        headers: [(name: "x-iam-trace-id", value: "trace-1")], service: .iam))
    #expect(iam.requestIDs.iamTrace == "trace-1")
    #expect(iam.requestID == "trace-1")
    #expect(iam.entry?.code == "IAM.0066")
  }

  /// Found by the log scanner's fuzzer: `"request_id": ""` was the request id to quote.
  @Test("an empty request id is kept as received but never quoted, nor hides the next")
  func emptyRequestIDs() throws {
    let body = #"{"error_code":"IAM.0066","error_msg":"The token has expired.","request_id":""}"#
    let alone = try #require(parse(401, body))
    #expect(alone.requestIDs.body == "")
    #expect(alone.requestID == nil)
    let traced = try #require(
      parse(
        401, body,
        headers: [
          (name: "X-Request-Id", value: ""), (name: "X-Apig-Request-Id", value: ""),
          (name: "X-Trace-Request-Id", value: "other-1"), (name: "X-Iam-Trace-Id", value: "trace-1"),
        ]))
    #expect(traced.requestIDs.header == "")
    #expect(traced.requestID == "other-1")
    let scanned = HuaweiCloudLogScanner.findings(in: "ERROR 401 " + body)
    #expect(scanned.count == 1)
    #expect(scanned.first?.requestID == nil)
    #expect(scanned.first?.code == "IAM.0066")
    // The id the line gives beside the body is the finding's, as for a body without one.
    let beside = HuaweiCloudLogScanner.findings(in: "ERROR 401 request_id=77cc " + body)
    let besideWithout = HuaweiCloudLogScanner.findings(
      in: "ERROR 401 request_id=77cc " + body.replacingOccurrences(of: #","request_id":"""#, with: ""))
    #expect(besideWithout.first?.requestID == "77cc")
    #expect(beside.first?.requestID == "77cc")
  }

  @Test("error_message and error_description carry the message too; a code may come alone")
  func messageKeys() throws {
    #expect(
      parse(400, #"{"error_code":"IAM.0011","error_message":"Request body is invalid."}"#)?.message
        == "Request body is invalid.")
    let oauth = try #require(parse(400, #"{"error":"invalid_request","error_description":"Invalid token."}"#))
    #expect(oauth.code == "invalid_request")
    #expect(oauth.message == "Invalid token.")
    let alone = try #require(parse(404, #"{"error_code":"APIGW.0101"}"#, service: .apigw))
    #expect(alone.entry?.code == "APIGW.0101")
    #expect(alone.documentedRow?.status == 404)
  }

  @Test("a code whose prefix differs in letter case is the catalog's code, kept as sent")
  func prefixCase() throws {
    let error = try #require(parse(404, #"{"error_code":"Iam.0004","error_msg":"Could not find user: 42."}"#))
    #expect(error.code?.rawValue == "Iam.0004")
    #expect(error.entry?.code == "IAM.0004")
    #expect(error.resolution == .code)
    #expect(error.arguments == ["target": "user", "target_id": "42"])
  }

  @Test(
    "a code the catalog does not list keeps its service",
    arguments: [("CBC.0156", "cbc"), ("PM.00000014", "projectman"), ("ecs.9999", "ecs")])
  func unlistedCode(code: String, service: String) throws {
    let error = try #require(parse(400, #"{"error_code":""# + code + #"","error_msg":"Something else happened."}"#))
    #expect(error.code?.rawValue == code)
    #expect(error.entry == nil)
    #expect(error.service?.identifier == service)
  }

  @Test("a code whose prefix several services have belongs to no one service without a hint")
  func sharedPrefix() throws {
    // The gateway's codes are documented by Tag Management too.
    let error = try #require(parse(400, #"{"error_code":"APIGW.0999","error_msg":"Something else happened."}"#))
    #expect(Set(error.code!.services) == [.apigw, .tms])
    #expect(error.service == nil)
    let hinted = try #require(
      parse(400, #"{"error_code":"APIGW.0999","error_msg":"Something else happened."}"#, service: .apigw))
    #expect(hinted.service == .apigw)
  }

  @Test("CBC success is decided by the code, whatever the text says")
  func cbcSuccess() {
    #expect(
      parse(200, #"{"error_code":"CBC.0000","error_msg":"SUCCESS","customer_infos":[{"id":"1"}],"total_count":1}"#)
        == nil)
    #expect(parse(200, #"{"error_code":"CBC.0000","error_msg":"Failure"}"#) == nil)
    #expect(parse(200, #"{"error_code":"CBC.3002","error_msg":"SUCCESS"}"#) != nil)
  }

  @Test(
    "messages in Chinese or with unfilled placeholders are kept as sent and never matched to a wrong entry",
    arguments: ["请求参数无效。", "The {0} widget of the quantum request exploded", "Token已过期", "参数{0}无效"])
  func unmatchedMessages(message: String) throws {
    let error = try #require(parse(400, #"{"error_code":"XYZ.0001","error_msg":""# + message + "\"}"))
    #expect(error.message == message)
    #expect(error.entry == nil)
    #expect(HuaweiCloudCatalog.matches(for: message).isEmpty)
  }

  @Test("an unfilled placeholder of a documented template still finds its own entry")
  func unfilledOwnTemplate() throws {
    let error = try #require(
      parse(400, #"{"error_code":"PM.02175201","error_msg":"Field {0} has invalid value {1}."}"#))
    #expect(error.message == "Field {0} has invalid value {1}.")
    #expect(error.entry?.code == "PM.02175201")
  }
}
