import HuaweiCloudErrors
import Testing

/// A body from an official SDK's own tests, and what that SDK asserts it extracts.
struct SDKOwnCase: Sendable, CustomTestStringConvertible {
  /// The SDK's test file: `owner/repo@commit:path`, and the test's name.
  var source: String
  var status: Int
  var requestIDHeader: String
  var body: String
  var code: String?
  var message: String
  var encodedAuthorizationMessage: String?

  var testDescription: String { source.split(separator: ":").last.map(String.init) ?? source }

  static let go =
    "huaweicloud/huaweicloud-sdk-go-v3@3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862:core/sdkerr/errors_test.go"
  static let java =
    "huaweicloud/huaweicloud-sdk-java-v3@44028da664e760789bb37c29aca5948566a20607:"
    + "core/src/test/java/com/huaweicloud/sdk/core/TestExtractErrorMessage.java"
  static let python =
    "huaweicloud/huaweicloud-sdk-python-v3@07c7aba20027e9c5d64993a4ce128f8a5c227489:"
    + "huaweicloud-sdk-core/tests/test_extract_error_message.py"

  /// The five bodies the Go, Java and Python SDKs test with the same assertions (each SDK's test
  /// names them 1 to 5; Go's cases check no authorization message).
  static let all: [SDKOwnCase] = {
    let encoded = "Egpjbi1ub*****GoxMzgrcA=="
    let bodies: [(body: String, code: String?, message: String, encoded: String?)] = [
      (
        #"{"error_code":"XXX.0001","error_msg":"Some errors occurred.","encoded_authorization_message":"\#(encoded)"}"#,
        "XXX.0001", "Some errors occurred.", encoded
      ),
      (
        #"{"error":{"code":"XXX.0001","message":"Some errors occurred.","encoded_authorization_message":"\#(encoded)"}}"#,
        "XXX.0001", "Some errors occurred.", encoded
      ),
      (
        #"{"error":{"code":"XXX.0001","message":"Some errors occurred."},"error_code":"XXX.0001","error_msg":"Some errors occurred.","encoded_authorization_message":"\#(encoded)"}"#,
        "XXX.0001", "Some errors occurred.", encoded
      ),
      (#"{"invalid_key":"invalid_value"}"#, nil, #"{"invalid_key":"invalid_value"}"#, nil),
      ("invalid json data", nil, "invalid json data", nil),
    ]
    let tests = [
      (go, "TestNewServiceResponseError"), (java, "testExtractErrorMessage"), (python, "test_extract_error_message"),
    ]
    return tests.flatMap { file, name in
      bodies.enumerated().map { index, body in
        let suffix = name == "TestNewServiceResponseError" && index == 0 ? "" : String(index + 1)
        return SDKOwnCase(
          source: "\(file) \(name)\(suffix)", status: 400, requestIDHeader: "97e2***11df", body: body.body,
          code: body.code, message: body.message, encodedAuthorizationMessage: body.encoded)
      }
    }
  }()
}

@Suite("The official SDKs' own tests, passed by this library")
struct SDKOwnTestsParityTests {
  @Test("each SDK test's body gives what the SDK asserts", arguments: SDKOwnCase.all)
  func sdkCase(sample: SDKOwnCase) throws {
    let error = try #require(
      HuaweiCloudError(
        status: sample.status, headers: [(name: "X-Request-Id", value: sample.requestIDHeader)],
        body: Array(sample.body.utf8)))
    #expect(error.statusCode == sample.status)
    #expect(error.code?.rawValue == sample.code)
    #expect(error.message == sample.message)
    #expect(error.requestID == sample.requestIDHeader)
    #expect(error.encodedAuthorizationMessage == sample.encodedAuthorizationMessage)
  }

  /// huaweicloud/huaweicloud-sdk-net-v3@164feb60da8fa9f9a3c83b3c8aad429806ad022c:Core/Exception/SdkError.cs maps
  /// an XML error document's `Code`, `Message`, `RequestId` and `EncodedAuthorizationMessage`.
  @Test("an XML error document gives what the .NET SDK's SdkError reads from it")
  func dotNetXML() throws {
    let body =
      #"<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message>"#
      + "<RequestId>0000018A</RequestId><EncodedAuthorizationMessage>Egpjbi1ub</EncodedAuthorizationMessage></Error>"
    let error = try #require(HuaweiCloudError(status: 403, headers: [String: String](), body: Array(body.utf8)))
    #expect(error.code == "AccessDenied")
    #expect(error.message == "Access Denied")
    #expect(error.requestIDs.body == "0000018A")
    #expect(error.encodedAuthorizationMessage == "Egpjbi1ub")
  }

  @Test(
    "every field pair an SDK or service uses, a code with its own pair's message",
    arguments: [
      (#"{"error_code":"A.1","error_msg":"m1"}"#, "A.1", "m1"),
      (#"{"code":"A.1","message":"m1"}"#, "A.1", "m1"),
      (#"{"errorCode":"A.1","errorMsg":"m1"}"#, "A.1", "m1"),
      (#"{"errorCode":"A.1","errorMessage":"m1"}"#, "A.1", "m1"),
      (#"{"errCode":"A.1","errMsg":"m1"}"#, "A.1", "m1"),
      (#"{"error_code":"A.1","error_message":"m1"}"#, "A.1", "m1"),
      (#"{"error":{"errCode":"A.1","errMsg":"m1"}}"#, "A.1", "m1"),
      (#"{"result":{"detail":{"errorCode":"A.1","errorMessage":"m1"}}}"#, "A.1", "m1"),
      // A complete pair wins over a code or message of another pair.
      (#"{"code":"B.2","errorCode":"A.1","errorMessage":"m1"}"#, "A.1", "m1"),
      (#"{"message":"other","errCode":"A.1","errMsg":"m1"}"#, "A.1", "m1"),
      (#"{"error_msg":"m0","code":"A.1","message":"m1"}"#, "A.1", "m1"),
      // A description stands in for a missing message.
      (#"{"error":"invalid_grant","error_description":"m1"}"#, "invalid_grant", "m1"),
    ])
  func fieldPairs(body: String, code: String, message: String) throws {
    let error = try #require(HuaweiCloudError(status: 400, headers: [String: String](), body: Array(body.utf8)))
    #expect(error.code?.rawValue == code)
    #expect(error.message == message)
  }

  @Test("details are kept, element by element, with the pair each element has")
  func details() throws {
    let body = #"""
      {"error_code":"APIG.2012","error_msg":"Invalid parameter.","details":[{"error_code":"APIG.2012","error_msg":"name too long"},{"code":"X.1","message":"m"},"plain text",42,{"other":1}]}
      """#
    let error = try #require(HuaweiCloudError(status: 400, headers: [String: String](), body: Array(body.utf8)))
    #expect(error.code == "APIG.2012")
    #expect(error.details.map(\.code) == ["APIG.2012", "X.1", nil])
    #expect(error.details.map(\.message) == ["name too long", "m", "plain text"])
    let many =
      "{\"code\":\"A.1\",\"message\":\"m\",\"details\":["
      + Array(repeating: "\"d\"", count: 500).joined(
        separator: ",") + "]}"
    let bounded = try #require(HuaweiCloudError(status: 400, headers: [String: String](), body: Array(many.utf8)))
    #expect(bounded.details.count == 64)
  }
}

@Suite("Cut-off bodies never invent a value")
struct CutOffBodyTests {
  static let bodies = [
    #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"5f2a7c0e9d"}"#,
    #"{"error":{"code":"IAM.0066","message":"The token has expired.","encoded_authorization_message":"Egpjbi1ub"},"request_id":"r-1"}"#,
    #"{"errCode":"DBS.200823","errMsg":"The DB instance does not exist.","details":[{"code":"X.1","message":"first detail"}]}"#,
    #"{"status_code":429,"request_id":"go-1","error_code":"IAM.0012","error_message":"Threshold: 10 times per 60 seconds"}"#,
    "{\"error_code\":\"CBC.0150\",\"error_msg\":\"Acc\\u00e8s refus\\u00e9 \\\"quoted\\\" – ünïcode\",\"request_id\":\"abc\"}",
  ]

  @Test("at every byte a body is cut at, each value read is the whole value or none", arguments: bodies)
  func everyCut(body: String) throws {
    let bytes = Array(body.utf8)
    let whole = try #require(HuaweiCloudError(status: 400, headers: [String: String](), body: bytes))
    let wholeDetails = Set(whole.details)
    for cut in 0..<bytes.count {
      let error = try #require(HuaweiCloudError(status: 400, headers: [String: String](), body: Array(bytes[..<cut])))
      #expect(error.code == nil || error.code?.rawValue == whole.code?.rawValue, "cut at \(cut)")
      #expect(error.message == nil || error.message == whole.message, "cut at \(cut): \(error.message ?? "")")
      #expect(error.requestIDs.body == nil || error.requestIDs.body == whole.requestIDs.body, "cut at \(cut)")
      #expect(
        error.encodedAuthorizationMessage == nil
          || error.encodedAuthorizationMessage == whole.encodedAuthorizationMessage, "cut at \(cut)")
      #expect(error.details.allSatisfy { wholeDetails.contains($0) }, "cut at \(cut)")
      if cut > 0 { #expect(error.bodyFormat == .malformedJSON, "cut at \(cut)") }
    }
  }
}
