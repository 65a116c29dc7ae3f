import Foundation
import HuaweiCloudErrors
import Testing

@Suite("huaweicloud-errors match and render")
struct MatchCommandTests {
  static func json(_ line: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  @Test("match --json gives the matches with code, service, status and arguments")
  func matchJSON() throws {
    let run = ToolRun(["match", "The user AKIA3X9Q with access key prod-key is disabled.", "--json"])
    #expect(run.status == 0)
    #expect(run.outputLines.count == 1)
    let object = try Self.json(run.outputLines[0])
    let matches = try #require(object["matches"] as? [[String: Any]])
    #expect(Set(matches[0].keys) == ["code", "service", "status", "kind", "arguments"])
    #expect(matches[0]["code"] as? String == "IAM.0080")
    #expect(matches[0]["service"] as? String == "iam")
    #expect(matches[0]["status"] as? Int == 403)
    #expect(matches[0]["arguments"] as? [String: String] == ["0": "AKIA3X9Q", "1": "prod-key"])
    #expect(run.output.contains(#""arguments":{"0":"AKIA3X9Q","1":"prod-key"}"#))
  }

  @Test("match prints each entry with its arguments; an unmatched message exits 1")
  func matchHuman() {
    let run = ToolRun(["match", "Could", "not", "find", "user:", "42."])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("IAM.0004 · HTTP 404"))
    #expect(run.output.contains("target = \"user\""))
    #expect(run.output.contains("target_id = \"42\""))
    let none = ToolRun(["match", "The quantum widget exploded"])
    #expect(none.status == 1)
    #expect(none.output.isEmpty)
    #expect(none.errors.contains("no documented message fits"))
    let noneJSON = ToolRun(["match", "The quantum widget exploded", "--json"])
    #expect(noneJSON.status == 1)
    #expect(noneJSON.output == "{\"matches\":[]}\n")
  }

  @Test("the hints order the matches")
  func hints() throws {
    let run = ToolRun(["match", "Incorrect password.", "--status", "401", "--json"])
    let matches = try #require(try Self.json(run.outputLines[0])["matches"] as? [[String: Any]])
    #expect(matches.map { $0["code"] as? String } == ["IAM.0062", "1103"])
  }

  @Test("match --stdin answers every line in order and keeps going after bad ones")
  func stdinLines() throws {
    let input = [
      #"{"message": "The user AKIA3X9Q with access key prod-key is disabled."}"#,
      "not json",
      #"{"message": "Incorrect password.", "status": 401}"#,
      "",
      #"{"message": 5}"#,
      #"["message"]"#,
      #"{"message": "Invalid email address.", "service": "cbc"}"#,
      #"{"message": "x", "service": "no-such-service"}"#,
      #"{"message": "x", "status": "401"}"#,
      #"{"message": "x", "status": 99999}"#,
      "{\"message\": \"The quantum widget exploded\"}\r",
      String(decoding: [0x7B, 0xFF, 0xFE, 0x7D], as: UTF8.self),
      #"{"message": "The token has expired.", "service": "iam"}"#,
    ].joined(separator: "\n")
    let run = ToolRun(["match", "--stdin"], input: Array(input.utf8) + [0x0A, 0xFF, 0x00, 0x0A])
    #expect(run.status == 0)
    let lines = run.outputLines
    #expect(lines.count == 14)
    let objects = try lines.map(Self.json)
    func codes(_ index: Int) -> [String]? {
      (objects[index]["matches"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
    }
    #expect(codes(0)?.first == "IAM.0080")
    for index in [1, 3, 4, 5, 7, 8, 9, 11, 13] {
      #expect(objects[index]["error"] is String, "line \(index + 1): \(lines[index])")
      #expect(objects[index].count == 1)
    }
    #expect(codes(2) == ["IAM.0062", "1103"])
    #expect(codes(6)?.prefix(2).allSatisfy { $0.hasPrefix("CBC.") } == true)
    #expect(codes(10) == [])
    #expect(codes(12)?.first == "IAM.0066")
  }

  @Test("a line over the limit gets an error line and the next line is still answered")
  func longLine() throws {
    let long = "{\"message\": \"" + String(repeating: "a", count: 5 << 20) + "\"}"
    let run = ToolRun(["match", "--stdin"], input: Array((long + "\n{\"message\": \"Invalid token.\"}\n").utf8))
    let lines = run.outputLines
    #expect(lines.count == 2)
    #expect(try Self.json(lines[0])["error"] is String)
    #expect(try Self.json(lines[1])["matches"] is [Any])
  }

  @Test(
    "render substitutes values by key",
    arguments: [
      (
        ["render", "IAM.0080", "0=AKIA3X9Q", "1=prod-key"], "The user AKIA3X9Q with access key prod-key is disabled.\n"
      ),
      (["render", "IAM.0004", "target=user", "target_id=a=b"], "Could not find user: a=b.\n"),
      (["render", "IAM.1002", "input length=70"], "The length 70 of the display name exceeds 64 characters.\n"),
      (["render", "IAM.0080", "1=only-second"], "The user %s with access key only-second is disabled.\n"),
      (["render", "IAM.0066"], "The token has expired.\n"),
    ] as [([String], String)])
  func render(arguments: [String], expected: String) {
    let run = ToolRun(arguments)
    #expect(run.status == 0)
    #expect(run.output == expected)
  }

  @Test(
    "render refuses what it cannot do",
    arguments: [
      (["render"], 2), (["render", "IAM.0080", "novalue"], 2), (["render", "IAM.0080", "2=x"], 2),
      (["render", "IAM.0066", "0=x"], 2), (["render", "IAM.0080", "0=a", "0=b"], 2), (["render", "NOSUCH.0001"], 1),
    ] as [([String], Int32)])
  func renderErrors(arguments: [String], status: Int32) {
    let run = ToolRun(arguments)
    #expect(run.status == status)
    #expect(run.output.isEmpty)
    #expect(!run.errors.isEmpty)
  }

  @Test("match with neither a message nor --stdin, or with both, is bad usage")
  func matchUsage() {
    #expect(ToolRun(["match"]).status == 2)
    #expect(ToolRun(["match", "--stdin", "message"]).status == 2)
    #expect(ToolRun(["match", "x", "--status", "abc"]).status == 2)
  }
}
