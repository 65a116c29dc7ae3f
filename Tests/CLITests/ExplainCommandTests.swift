import Foundation
import HuaweiCloudErrors
import Testing

@Suite("huaweicloud-errors explain")
struct ExplainCommandTests {
  static func explainJSON(_ arguments: [String], body: String) throws -> [String: Any] {
    let run = ToolRun(["explain"] + arguments + ["--json"], input: Array(body.utf8))
    #expect(run.status == 0)
    #expect(run.outputLines.count == 1)
    return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
  }

  @Test("--json prints the error in the documented shape")
  func jsonShape() throws {
    let object = try Self.explainJSON(
      ["--status", "403", "--header", "X-Request-Id: req-9"],
      body: #"{"error_code": "CBC.0150", "error_msg": "Invalid operation."}"#)
    #expect(
      Set(object.keys) == [
        "isError", "status", "code", "message", "requestId", "encodedAuthorizationMessage", "details", "service",
        "resolution", "category", "retry", "retryAfter", "entry", "candidates", "similarTexts", "arguments",
      ])
    #expect(object["isError"] as? Bool == true)
    #expect(object["status"] as? Int == 403)
    #expect(object["code"] as? String == "CBC.0150")
    #expect(object["message"] as? String == "Invalid operation.")
    #expect(object["requestId"] as? String == "req-9")
    let entry = try #require(object["entry"] as? [String: Any])
    #expect(entry["code"] as? String == "CBC.0150")
    #expect(entry["solution"] is NSNull)
    #expect(object["arguments"] as? [String: String] == [:])
    #expect(object["category"] as? String == "authorization")
    #expect(object["retry"] as? String == "no")
    #expect(object["retryAfter"] is NSNull)
  }

  @Test(
    "--json gives the advice for this error, and retryAfter in seconds from either header or the text",
    arguments: [
      (["Retry-After: 30"], #"{"error_code":"APIGW.0308","error_msg":"x"}"#, 429, "backoff", 30.0),
      (["Retry-After-Ms: 1500"], #"{"error_code":"APIGW.0308","error_msg":"x"}"#, 429, "backoff", 1.5),
      (
        [],
        #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: "#
          + #"policy user over ratelimit,limit:5,time:1 second"}"#, 429, "backoff", 1.0
      ),
      (
        [], #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: token expires"}"#,
        401, "reauthenticate", nil
      ),
      (
        [],
        #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}"#,
        401, "no", nil
      ),
      ([], #"{"error_code":"NOT.0001","error_msg":"x"}"#, 503, "backoff", nil),
    ])
  func advice(headers: [String], body: String, status: Int, retry: String, seconds: Double?) throws {
    let object = try Self.explainJSON(
      ["--status", String(status)] + headers.flatMap { ["--header", $0] }, body: body)
    #expect(object["retry"] as? String == retry)
    if let seconds {
      #expect(object["retryAfter"] as? Double == seconds)
    } else {
      #expect(object["retryAfter"] is NSNull)
    }
    let text = ToolRun(
      ["explain", "--status", String(status)] + headers.flatMap { ["--header", $0] }, input: Array(body.utf8))
    #expect(text.output.contains("  Retry        \(retry): "))
  }

  @Test("a numeric code is its decimal string; plain text is the message with no code")
  func numericAndText() throws {
    let keystone = try Self.explainJSON(
      ["--status", "401", "--host", "iam.myhuaweicloud.com"],
      body: #"{"error": {"code": 401, "message": "The token has expired.", "title": "Unauthorized"}}"#)
    #expect(keystone["code"] as? String == "401")
    #expect((keystone["entry"] as? [String: Any])?["code"] as? String == "IAM.0066")
    let text = try Self.explainJSON(["--status", "502"], body: "  Bad Gateway \n")
    #expect(text["code"] is NSNull)
    #expect(text["message"] as? String == "Bad Gateway")
    #expect(text["entry"] is NSNull)
    #expect(text["requestId"] is NSNull)
  }

  @Test("arguments come back from a documented message")
  func arguments() throws {
    let object = try Self.explainJSON(
      ["--status", "403"],
      body: #"{"error_code": "IAM.0080", "error_msg": "The user u1 with access key k1 is disabled."}"#)
    #expect(object["arguments"] as? [String: String] == ["0": "u1", "1": "k1"])
  }

  @Test("a 200 with an error code is an error; CBC.0000 and an empty 200 are not")
  func successes() throws {
    let error = try Self.explainJSON(
      ["--status", "200"], body: #"{"error_code": "CBC.3002", "error_msg": "The resource has been locked."}"#)
    #expect(error["isError"] as? Bool == true)
    let success = try Self.explainJSON(
      ["--status", "200"], body: #"{"error_code": "CBC.0000", "error_msg": "SUCCESS"}"#)
    #expect(success["isError"] as? Bool == false)
    #expect(try Self.explainJSON(["--status", "200"], body: "")["isError"] as? Bool == false)
  }

  @Test("a file body, and the human output")
  func fileAndHuman() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("explain-\(UUID()).json")
    try Data(#"{"error_code": "IAM.0066", "error_msg": "The token has expired."}"#.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let run = ToolRun(["explain", "--status", "401", url.path])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("HTTP 401 · error · IAM.0066"))
    #expect(run.output.contains("IAMErrorCode.tokenExpired"))
    #expect(ToolRun(["explain", "--status", "401", "/nonexistent/file"]).status == 1)
  }

  @Test(
    "bad usage exits 2",
    arguments: [
      ["explain"], ["explain", "--status", "x"], ["explain", "--status", "400", "--header", "NoColon"],
      ["explain", "--status", "400", "a", "b"], ["explain", "--status", "400", "--header", ": v"],
    ])
  func badUsage(arguments: [String]) {
    let run = ToolRun(arguments)
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
  }

  @Test("binary and huge bodies give a defined result")
  func hostileBodies() throws {
    let binary = ToolRun(
      ["explain", "--status", "500", "--json"], input: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    #expect(binary.status == 0)
    #expect(try JSONSerialization.jsonObject(with: Data(binary.output.utf8)) is [String: Any])
    let huge = ToolRun(
      ["explain", "--status", "400", "--json"],
      input: Array(("{\"error_code\": \"IAM.0011\", \"x\": \"" + String(repeating: "a", count: 3 << 20)).utf8))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(huge.output.utf8)) as? [String: Any])
    #expect(object["code"] as? String == "IAM.0011")
  }
}
