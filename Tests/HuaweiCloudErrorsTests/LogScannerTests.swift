import Foundation
import HuaweiCloudErrors
import Testing

@Suite("Finding errors in logs")
struct LogScannerTests {
  static let log = """
    2025-11-20T10:01:02Z INFO starting sync of 42 customers
    2025-11-20T10:01:03Z ERROR call failed: status=401 body={"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"5f2a7c0e9d"}
    2025-11-20T10:01:04Z WARN ClientRequestException - {status_code:403,request_id:8e1f22,error_code:CBC.0150,error_msg:Access denied. The customer does not belong to the website you are now at.,encoded_authorization_message:None }
    2025-11-20T10:01:05Z ERROR HttpException: Request failed with status code 401, [APIGW.0308] The throttling threshold has been reached.
    com.huaweicloud.sdk.core.exception.ClientRequestException {
        httpStatusCode: 404
        errorCode: Organizations.1100
        errorMsg: Organization not found.
        requestId: 77aa
    }
    2025-11-20T10:01:07Z ERROR {"status_code":429,"request_id":"go-1","error_code":"IAM.0012","error_message":"The throttling threshold has been reached. Threshold: 10 times per 60 seconds"}
    2025-11-20T10:01:08Z INFO done, version 1.2.3, {"ok": true}
    """

  @Test("a mixed log gives each error once, in order, resolved")
  func mixedLog() throws {
    let findings = HuaweiCloudLogScanner.findings(in: Self.log)
    #expect(findings.map(\.line) == [2, 3, 4, 5, 11])
    #expect(findings.map(\.format) == [.json, .pythonSDK, .code, .javaSDK, .json])
    #expect(
      findings.map(\.code?.rawValue) == ["APIGW.0301", "CBC.0150", "APIGW.0308", "Organizations.1100", "IAM.0012"])
    #expect(findings.map(\.entry?.code) == ["APIGW.0301", "CBC.0150", "APIGW.0308", "Organizations.1100", "IAM.0012"])
    #expect(findings.map(\.requestID) == ["5f2a7c0e9d", "8e1f22", nil, "77aa", "go-1"])
    // The JSON body and the free-text code take their status from the line around them.
    #expect(findings.map(\.status) == [401, 403, 401, 404, 429])
    #expect(findings[0].arguments == ["detail": "verify aksk signature fail"])
    #expect(findings[1].message == "Access denied. The customer does not belong to the website you are now at.")
    #expect(findings[2].message == "The throttling threshold has been reached.")
    #expect(findings[4].arguments == ["0": "10", "1": "60"])
  }

  @Test("text without Huawei Cloud errors gives nothing")
  func nothing() {
    let text = "INFO ok\nversion 1.2.3 of ECS.sdk\n{\"ok\": true}\n{\"status\": \"IAM\"}\nfoo.1234 bar.5678"
    #expect(HuaweiCloudLogScanner.findings(in: text).isEmpty)
  }

  @Test("an unclosed Java block is reported at the end of the text")
  func unclosedJavaBlock() {
    let findings = HuaweiCloudLogScanner.findings(
      in: "ServiceResponseException {\n    errorCode: IAM.0066\n    errorMsg: The token has expired.")
    #expect(findings.map(\.entry?.code) == ["IAM.0066"])
  }

  @Test("hostile lines are scanned in linear time (they would hang otherwise)", arguments: [0, 1, 2, 3, 4])
  func hostileLines(kind: Int) {
    let line: String
    switch kind {
    case 0: line = String(repeating: "{\"", count: 300_000)
    case 1: line = String(repeating: "{status_code:", count: 80_000)
    case 2: line = String(repeating: "IAM.", count: 250_000)
    case 3: line = String(repeating: "{\"error_code\":\"IAM.0011\",\"x\":{\"", count: 30_000)
    default: line = String(repeating: "a", count: 2 << 20) + " IAM.0066 The token has expired."
    }
    _ = HuaweiCloudLogScanner.findings(in: line + "\n" + line)
  }
}

@Suite("The lines SDKs and tools print")
struct LogLineFormatTests {
  static func only(_ text: String) throws -> HuaweiCloudLogScanner.Finding {
    let findings = HuaweiCloudLogScanner.findings(in: text)
    #expect(findings.count == 1, "\(findings.map(\.format))")
    return try #require(findings.first)
  }

  @Test("the Java SDK's exception block, with its details list and authorization message")
  func javaBlock() throws {
    let finding = try Self.only(
      """
      com.huaweicloud.sdk.core.exception.ClientRequestException {
          httpStatusCode: 400
          errorCode: VPC.0101
          errorMsg: The parameter is invalid.
          requestId: 0aa6
          encodedAuthorizationMessage: Egpjbi1ub
          details: [
              {
                   errorCode: VPC.0102
                   errorMsg: cidr is invalid
              }
              {
                   errorCode: null
                   errorMsg: second
              }
          ]
      }
      """)
    #expect(finding.format == .javaSDK)
    #expect(finding.line == 1)
    #expect(finding.status == 400)
    #expect(finding.code == "VPC.0101")
    #expect(finding.requestID == "0aa6")
    #expect(finding.encodedAuthorizationMessage == "Egpjbi1ub")
    #expect(finding.details.map(\.code) == ["VPC.0102", nil])
    #expect(finding.details.map(\.message) == ["cidr is invalid", "second"])
  }

  @Test("Java's ObsException with its embedded XML error document")
  func obsException() throws {
    let finding = try Self.only(
      #"com.obs.services.exception.ObsException: Error message:Request Error.OBS servcie Error Message. -- ResponseCode: 403, ResponseStatus: Forbidden, XML Error Message: <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>00000186F2D1</RequestId><HostId>HbJmcz</HostId></Error>"#
    )
    #expect(finding.format == .xml)
    #expect(finding.status == 403)
    #expect(finding.code == "AccessDenied")
    #expect(finding.message == "Access Denied")
    #expect(finding.requestID == "00000186F2D1")
    // S3-style codes are documented by several services: without a hint, each is a candidate.
    #expect(finding.entry?.service == .obs || finding.candidates.contains { $0.service == .obs })
    #expect(finding.encodedAuthorizationMessage == nil)
    // An XML document's authorization message is kept, as a response's is.
    let document =
      "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><EncodedAuthorizationMessage>Egpjbi1ub</EncodedAuthorizationMessage></Error>"
    let denied = try Self.only("ObsException: XML Error Message: " + document)
    #expect(denied.encodedAuthorizationMessage == "Egpjbi1ub")
    #expect(
      denied.encodedAuthorizationMessage
        == HuaweiCloudError(status: 403, headers: [], body: Array(document.utf8))?.encodedAuthorizationMessage)
  }

  @Test("the Go OBS SDK's error string")
  func goOBS() throws {
    let finding = try Self.only(
      "2025/01/02 10:00:00 obs: service returned error: Status=404 Not Found, Code=NoSuchKey, Message=The specified key does not exist., RequestId=0000018A2B"
    )
    #expect(finding.format == .goOBSSDK)
    #expect(finding.status == 404)
    #expect(finding.code == "NoSuchKey")
    #expect(finding.message == "The specified key does not exist.")
    #expect(finding.requestID == "0000018A2B")
    #expect(finding.candidates.count + (finding.entry == nil ? 0 : 1) >= 1)
  }

  @Test("the Go SDK's error string, a JSON object with status_code and error_message")
  func goSDK() throws {
    let finding = try Self.only(
      #"error: {"status_code":401,"request_id":"9f1c","error_code":"IAM.0066","error_message":"The token has expired.","encoded_authorization_message":""}"#
    )
    #expect(finding.format == .json)
    #expect(finding.status == 401)
    #expect(finding.entry?.code == "IAM.0066")
    #expect(finding.message == "The token has expired.")
    #expect(finding.requestID == "9f1c")
  }

  @Test("the Python SDK's exception")
  func python() throws {
    let finding = try Self.only(
      "huaweicloudsdkcore.exceptions.exceptions.ClientRequestException: ClientRequestException - {status_code:404,request_id:7d2e,error_code:Organizations.1100,error_msg:Organization not found.,encoded_authorization_message:None }"
    )
    #expect(finding.format == .pythonSDK)
    #expect((finding.status, finding.requestID, finding.code?.rawValue) == (404, "7d2e", "Organizations.1100"))
    #expect(finding.message == "Organization not found.")
    #expect(finding.encodedAuthorizationMessage == nil)
  }

  @Test("the Python SDK's exceptions keep their authorization messages, each its own")
  func pythonAuthorizationMessage() {
    let line =
      "ClientRequestException - {status_code:403,request_id:a1,error_code:IAM.0002,error_msg:You are not authorized to perform the requested action.,encoded_authorization_message:Egpjbi1ub*****GoxMzgrcA== } "
      + "retry: ClientRequestException - {status_code:403,request_id:a2,error_code:IAM.0002,error_msg:Denied {again}.,encoded_authorization_message:None }"
    let findings = HuaweiCloudLogScanner.findings(in: line)
    #expect(findings.map(\.format) == [.pythonSDK, .pythonSDK])
    #expect(findings.map(\.requestID) == ["a1", "a2"])
    #expect(findings.map(\.message) == ["You are not authorized to perform the requested action.", "Denied {again}."])
    #expect(findings.map(\.encodedAuthorizationMessage) == ["Egpjbi1ub*****GoxMzgrcA==", nil])
  }

  /// Bodies with every field a response keeps beside its code and message.
  static let fullBodies = [
    #"{"error":{"message":"Invalid request.","code":"Ecs.0005","details":[{"code":"Ecs.0319","message":"quota"},"text"]},"request_id":"r1"}"#,
    #"{"error_code":"IAM.0002","error_msg":"You are not authorized to perform the requested action.","encoded_authorization_message":"Egpjbi1ub*****GoxMzgrcA=="}"#,
    #"{"error":{"code":"IAM.0002","message":"Some errors occurred.","encoded_authorization_message":"Egpjbi1ub"}}"#,
    #"{"code":"VPC.0101","message":"Invalid parameter.","details":[{"error_code":"VPC.0102","error_msg":"cidr is invalid"}]}"#,
    #"{"status_code":401,"request_id":"9f1c","error_code":"IAM.0066","error_message":"The token has expired.","encoded_authorization_message":""}"#,
  ]

  @Test("a JSON body in a log line gives what the same body gives as a response", arguments: fullBodies)
  func jsonBodyAsResponse(body: String) throws {
    let finding = try Self.only("2025-11-20T10:01:04Z ERROR request failed: " + body)
    let response = try #require(HuaweiCloudError(status: 400, headers: [], body: Array(body.utf8)))
    #expect(finding.format == .json)
    #expect(finding.code == response.code)
    #expect(finding.message == response.message)
    #expect(finding.requestID == response.requestID)
    #expect(finding.encodedAuthorizationMessage == response.encodedAuthorizationMessage)
    #expect(finding.details == response.details)
    #expect(finding.entry == response.entry)
  }

  @Test(
    "terraform-provider-huaweicloud's wrappers: status and request id outside the JSON",
    arguments: [
      (
        #"Error: error creating VPC: Bad request with: [POST https://vpc.cn-north-4.myhuaweicloud.com/v1/0970/vpcs], request_id: 3f7a9c, error message: {"code":"VPC.0101","message":"Invalid parameter."}"#,
        400
      ),
      (
        #"Error: Resource not found: [GET https://ecs.ap-southeast-1.myhuaweicloud.com/v1/p/cloudservers/x], request_id: 3f7a9c, error message: {"error":{"message":"Instance[x] could not be found.","code":"Ecs.0114"}}"#,
        404
      ),
      (
        #"Error: Expected HTTP response code [200] when accessing [DELETE https://dns.myhuaweicloud.com/v2/zones/z], but got 409 instead. request_id: 3f7a9c, error message: {"code":"DNS.0016","message":"Record set exists."}"#,
        409
      ),
    ])
  func terraform(line: String, status: Int) throws {
    let finding = try Self.only(line)
    #expect(finding.status == status)
    #expect(finding.requestID == "3f7a9c")
    #expect(finding.code != nil)
  }

  @Test("terraform's message broken over two lines: the status comes from the line before")
  func terraformTwoLines() throws {
    let finding = try Self.only(
      """
      Error: Expected HTTP response code [200 202] when accessing [POST https://rds.eu-west-101.myhuaweicloud.eu/v3/p/instances], but got 400 instead.
      request_id: 77bb, error message: {"error_code":"DBS.200823","error_msg":"The DB instance does not exist."}
      """)
    #expect(finding.line == 2)
    #expect(finding.status == 400)
    #expect(finding.requestID == "77bb")
  }

  @Test(
    "a status written near the body, in the ways logs write it",
    arguments: [
      (#"status=429 body={"error_code":"IAM.0012","error_msg":"x"}"#, 429),
      (#"status_code: 503 {"error_code":"APIGW.0201","error_msg":"x"}"#, 503),
      (#"HTTP 401 {"error_code":"IAM.0066","error_msg":"x"}"#, 401),
      (#"<- HTTP/1.1 403 Forbidden {"error_code":"IAM.0002","error_msg":"x"}"#, 403),
      (#"statusCode=404 response={"error_code":"Organizations.1100","error_msg":"x"}"#, 404),
      (#"Request failed with status code 400: {"error_code":"CBC.0100","error_msg":"x"}"#, 400),
    ])
  func statusNearBody(line: String, status: Int) throws {
    #expect(try Self.only(line).status == status)
  }

  @Test("numbers that are not statuses are not taken for one")
  func notAStatus() throws {
    let finding = try Self.only(#"pstatus=400 status=ACTIVE http 12345 {"error_code":"IAM.0066","error_msg":"x"}"#)
    #expect(finding.status == nil)
  }
}
