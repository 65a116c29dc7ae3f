import Foundation
import Testing

@Suite("The command line under hostile input")
struct HostileCLITests {
  /// Calls that must fail, by name (the names keep the test log short), with their status.
  static let badCalls: [String: ([String], Int32)] = [
    "a megabyte code": (["lookup", String(repeating: "A", count: 1 << 20)], 1),
    "a binary code": (["lookup", "\u{0}\u{1}\u{7F}\u{FFFD}"], 1),
    "a message over the limit": (["match", String(repeating: "x", count: 5 << 20)], 1),
    "a huge render key": (["render", "IAM.0080", String(repeating: "0", count: 100_000) + "=v"], 2),
    "an unknown option": (["--frobnicate"], 2), "lookup of --": (["lookup", "--"], 2),
    "a negative status": (["list", "--status", "-1"], 2),
    "an enormous status": (["list", "--status", "99999999999999999999999"], 2),
    "explain without a status value": (["explain", "--status"], 2),
    "an empty service": (["match", "--service", "", "x"], 2), "empty words": (["", ""], 2),
  ]

  @Test(
    "huge, binary and odd arguments give one clear line on stderr and a non-zero status",
    arguments: badCalls.keys.sorted())
  func badArguments(name: String) {
    let (arguments, status) = Self.badCalls[name]!
    let run = ToolRun(arguments)
    #expect(run.status == status)
    #expect(run.output.isEmpty)
    #expect(run.errors.hasPrefix("huaweicloud-errors: "))
    #expect(run.errors.count < 1_000, "the message stays short")
  }

  /// A body whose every field a terminal would act on: escape sequences, a bell, a line
  /// separator, a right-to-left override.
  static let hostileBody =
    #"{"error_code":"X\u001b[31m.1\u202e","error_msg":"m\u0007\u2028x","request_id":"r\u001b[2J\u202eid","#
    + #""details":[{"code":"d\u001bc","message":"dm\u001b"},"just text"],"encoded_authorization_message":"e\u001b"}"#

  @Test(
    "explain and scan show a response's hostile fields escaped, never as terminal controls",
    arguments: [["explain", "--status", "400"], ["scan"]])
  func hostileFieldsEscaped(command: [String]) {
    // `explain` reads the body itself; `scan` a log line that holds it.
    let input = command == ["scan"] ? "status=400 " + Self.hostileBody + "\n" : Self.hostileBody
    let run = ToolRun(command, input: Array(input.utf8))
    #expect(run.status == 0)
    let controls = run.output.unicodeScalars.filter {
      ($0.properties.generalCategory == .control && $0 != "\n") || $0.value == 0x2028 || $0.value == 0x202E
    }
    #expect(controls.isEmpty, "no control reaches the terminal")
    for shown in [#"X\u{1B}[31m.1\u{202E}"#, #"r\u{1B}[2J\u{202E}id"#, #""m\u{07}\u{2028}x""#] {
      #expect(run.output.contains(shown))
    }
    // What the body carried beside its code and message is shown too, quoted as received.
    #expect(run.output.contains(#"  Auth message "e\u{1B}""#))
    #expect(run.output.contains(#"  Detail       d\u{1B}c · "dm\u{1B}""#))
    #expect(run.output.contains(#"  Detail       "just text""#))
    // So does the summary of `scan --stats`, on standard error.
    if command == ["scan"] {
      let stats = ToolRun(["scan", "--stats"], input: Array(input.utf8))
      #expect(stats.errors.contains(#"  X\u{1B}[31m.1\u{202E}  1"#))
      #expect(!stats.errors.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }
  }

  @Test("match --stdin reads binary, junk and empty lines and keeps going")
  func stdinJunk() throws {
    var input: [UInt8] = []
    input += Array("\u{FEFF}{\"message\": \"Invalid token.\"}\n".utf8)
    input += (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7) }.filter { $0 != 0x0A } + [0x0A]
    input += Array(String(repeating: "[", count: 10_000).utf8) + [0x0A]
    input += Array("{\"message\": \"The token has expired.\"}".utf8)  // no final newline
    let run = ToolRun(["match", "--stdin"], input: input)
    #expect(run.status == 0)
    let lines = run.outputLines
    #expect(lines.count == 4)
    for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
    #expect(lines[1].hasPrefix("{\"error\":"))
    #expect(lines[2].hasPrefix("{\"error\":"))
    #expect(lines[3].contains("IAM.0066"))
  }

  @Test("explain reads binary standard input and says what it found")
  func explainBinary() throws {
    let run = ToolRun(["explain", "--status", "502"], input: [0xFF, 0x00, 0xFE, 0x3C, 0x68])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("HTTP 502 · error"))
  }
}
