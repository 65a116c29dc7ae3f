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
    #expect(findings.map(\.status) == [nil, 403, nil, 404, 429])
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
