import Foundation
import HuaweiCloudErrors
import Testing
import TinyJSON

@Suite("huaweicloud-errors scan, and lookups by status")
struct ScanCommandTests {
  static let log = """
    2025-11-20T10:01:02Z INFO starting
    2025-11-20T10:01:03Z ERROR body={"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"5f2a7c0e9d"}
    2025-11-20T10:01:04Z WARN ClientRequestException - {status_code:403,request_id:8e1f22,error_code:CBC.0150,error_msg:Invalid operation.,encoded_authorization_message:None }
    2025-11-20T10:01:05Z INFO done
    """

  @Test("scan --json writes one JSON line per error found, with the entry and arguments")
  func scanJSON() throws {
    let run = ToolRun(["scan", "--json"], input: Array(Self.log.utf8))
    #expect(run.status == 0)
    let objects = try run.outputLines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.count == 2)
    #expect(
      Set(objects[0].keys) == [
        "line", "format", "status", "code", "message", "requestId", "encodedAuthorizationMessage", "details",
        "service", "entry", "candidates", "similarTexts", "arguments",
      ])
    #expect(objects.map { $0["line"] as? Int } == [2, 3])
    #expect(objects.map { $0["format"] as? String } == ["json", "pythonSDK"])
    #expect(objects.map { $0["code"] as? String } == ["APIGW.0301", "CBC.0150"])
    #expect(objects[0]["arguments"] as? [String: String] == ["detail": "verify aksk signature fail"])
    #expect(objects[1]["status"] as? Int == 403)
    // The row that fits comes first in the entry object: CBC.0150's second documented text.
    #expect((objects[1]["entry"] as? [String: Any])?["message"] as? String == "Invalid operation.")
  }

  /// Lines that reach every part of a finding's JSON: details, candidates (a code several services
  /// document), similar texts (an unknown code of a known family), arguments, escapes.
  static let everyField = """
    {"error_code":"VPC.0002","error_msg":"x"}
    {"error_code":"IAM.9999","error_msg":"The token has expired."}
    {"error_code":"IAM.1101","error_msg":"The request body size 42 is invalid."}
    {"error_code":"IAM.0001","error_msg":"a \\"quoted\\" \\\\ path\\twith\\u0001 control and é"}
    """

  @Test("scan --json writes every finding's fields, in the documented order")
  func findingJSONFields() throws {
    let text = String(decoding: ParallelScanTests.log, as: UTF8.self) + "\n" + Self.everyField + "\n" + Self.log
    let findings = HuaweiCloudLogScanner.findings(in: text)
    let run = ToolRun(["scan", "--json"], input: Array(text.utf8))
    #expect(run.outputLines.count == findings.count)
    for (line, finding) in zip(run.outputLines, findings) {
      let object = try #require(try JSONValue.parse(line).objectValue)
      #expect(
        object.keys == [
          "line", "format", "status", "code", "message", "requestId", "encodedAuthorizationMessage", "details",
          "service", "entry", "candidates", "similarTexts", "arguments",
        ])
      #expect(object["line"] == .int(finding.line))
      #expect(object["format"] == .string(finding.format.rawValue))
      #expect(object["status"] == finding.status.map(JSONValue.int) ?? .null)
      #expect(object["code"] == .string(orNull: finding.code?.rawValue))
      #expect(object["message"] == .string(orNull: finding.message))
      #expect(object["requestId"] == .string(orNull: finding.requestID))
      #expect(object["encodedAuthorizationMessage"] == .string(orNull: finding.encodedAuthorizationMessage))
      #expect(
        object["details"]
          == .array(
            finding.details.map { .object(["code": .string(orNull: $0.code), "message": .string(orNull: $0.message)]) }
          ))
      #expect(object["service"] == .string(orNull: finding.service?.identifier))
      let entry = object["entry"]?.objectValue
      #expect(entry?["code"] == finding.entry.map { .string($0.code) })
      #expect(entry?["service"] == finding.entry.map { .string($0.service.identifier) })
      #expect(entry?["message"] == finding.documentedRow.map { .string(orNull: $0.message) })
      func pairs(_ entries: [CatalogEntry]) -> JSONValue {
        .array(entries.map { .object(["code": .string($0.code), "service": .string($0.service.identifier)]) })
      }
      #expect(object["candidates"] == pairs(finding.candidates))
      #expect(object["similarTexts"] == pairs(finding.similarTexts.map(\.entry)))
      #expect(
        object["arguments"]
          == .object(JSONObject(finding.arguments.map { (key: $0.key, value: JSONValue.string($0.value)) })))
    }
    #expect(findings.contains { !$0.details.isEmpty })
    #expect(findings.contains { !$0.candidates.isEmpty })
    #expect(findings.contains { !$0.similarTexts.isEmpty })
    #expect(findings.contains { !$0.arguments.isEmpty })
    #expect(findings.contains { $0.message?.contains("\u{1}") == true })
    #expect(findings.contains { $0.entry == nil })
  }

  @Test("scan reads a file, prints readable blocks, and exits 1 when it finds nothing")
  func scanFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID()).log")
    try Data(Self.log.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let run = ToolRun(["scan", url.path])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("line 2 · json · APIGW.0301"))
    #expect(run.output.contains("detail = \"verify aksk signature fail\""))
    let none = ToolRun(["scan"], input: Array("nothing to see\n".utf8))
    #expect(none.status == 1)
    #expect(none.errors.contains("no Huawei Cloud error found"))
    #expect(ToolRun(["scan", "/nonexistent/log"]).status == 1)
    // A directory opens but does not read: an error, not "nothing found".
    let directory = ToolRun(["scan", FileManager.default.temporaryDirectory.path])
    #expect(directory.status == 1)
    #expect(directory.errors.contains("cannot read"))
    #expect(ToolRun(["scan", "a", "b"]).status == 2)
  }

  @Test("--stats ends with lines, errors by service and the top codes on standard error")
  func stats() throws {
    let run = ToolRun(["scan", "--stats", "--json"], input: Array(Self.log.utf8))
    #expect(run.status == 0)
    #expect(run.outputLines.count == 2)
    #expect(run.errors.contains("scanned 4 lines: 2 Huawei Cloud errors"))
    #expect(run.errors.contains("  apigw  1") && run.errors.contains("  cbc  1"))
    #expect(run.errors.contains("top codes:\n  APIGW.0301  1\n  CBC.0150  1"))
  }

  @Test("a line longer than the limit is scanned up to it and counted on standard error")
  func longLine() throws {
    let limit = HuaweiCloudLogScanner.maximumLineLength
    let early = #"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#
    let late = #"{"error_code":"CBC.0150","error_msg":"Invalid operation."}"#
    let line = early + String(repeating: " ", count: limit) + late
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(UUID().uuidString)").path
    try Data((line + "\nIAM.0001 second line\n").utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = ToolRun(["scan", "--json", path])
    #expect(run.status == 0)
    #expect(run.outputLines.count == 2)
    #expect(run.outputLines[0].contains("IAM.0066") && !run.output.contains("CBC.0150"))
    #expect(run.errors.contains("1 line(s) longer than \(limit) bytes were scanned only up to \(limit) bytes"))
    #expect(run.errors.contains("(the first: line 1)"))
  }

  @Test("a bare code needs the shape of its family: random bytes give no PM.9")
  func codeShape() {
    #expect(HuaweiCloudLogScanner.findings(in: "x PM.9 y IAM.1 z APIGW.03011").isEmpty)
    #expect(
      HuaweiCloudLogScanner.findings(in: "failed: PM.02153001 and iam.0066").map(\.code?.rawValue) == [
        "PM.02153001", "iam.0066",
      ])
  }

  @Test("scan reads any bytes")
  func scanBinary() {
    let run = ToolRun(
      ["scan"],
      input: (0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 131) }
        + Array("\n[IAM.0066] The token has expired.".utf8))
    #expect(run.status == 0)
    #expect(run.output.contains("IAM.0066"))
  }

  @Test("lookup with a status gives that row, and refuses a status the code does not have")
  func lookupByStatus() throws {
    let run = ToolRun(["lookup", "APIGW.0201", "--status", "504", "--json"])
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect(object["status"] as? Int == 504)
    #expect(object["message"] as? String == "Backend timeout.")
    #expect((object["variants"] as? [[String: Any]])?.map { $0["status"] as? Int } == [400, 413, 414, 494, 502])
    let missing = ToolRun(["lookup", "APIGW.0201", "--status", "500"])
    #expect(missing.status == 1)
    #expect(missing.errors.contains("400, 413, 414, 494, 502, 504"))
  }

  @Test("explain picks the gateway row by status and shows it first")
  func explainRow() throws {
    let run = ToolRun(
      ["explain", "--status", "502", "--json"],
      input: Array(#"{"error_code":"APIGW.0201","error_msg":"Backend unavailable."}"#.utf8))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    #expect((object["entry"] as? [String: Any])?["status"] as? Int == 502)
    // The text shows the same row.
    let row = try #require(HuaweiCloudCatalog.entry(code: "APIGW.0201")?.row(status: 502))
    let text = ToolRun(
      ["explain", "--status", "502"],
      input: Array(#"{"error_code":"APIGW.0201","error_msg":"Backend unavailable."}"#.utf8))
    #expect(text.output.contains("APIGW.0201 · HTTP 502 · API Gateway"))
    #expect(text.output.contains("Description  \(row.description!)"))
  }
}
