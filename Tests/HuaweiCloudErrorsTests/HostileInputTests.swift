import Foundation
import HuaweiCloudErrors
import Testing

/// The limits the README's table states, each tested at and beyond its edge.
@Suite("Limits and hostile input")
struct HostileInputTests {
  @Test("largest body parsed: 1 MiB by default, configurable; beyond it the error says it was cut")
  func bodyLimit() throws {
    let fields = #"{"error_code": "IAM.0011", "error_msg": "Request body is invalid.", "pad": ""#
    let exact = fields + String(repeating: "a", count: (1 << 20) - fields.utf8.count - 2) + "\"}"
    #expect(exact.utf8.count == 1 << 20)
    let whole = try #require(parse(400, exact))
    #expect(!whole.isBodyTruncated)
    #expect(whole.bodyFormat == .json)
    let over = try #require(parse(400, exact + " "))
    #expect(over.isBodyTruncated)
    #expect(over.code == "IAM.0011")
    #expect(HuaweiCloudError.ParsingOptions().maximumBodySize == 1 << 20)
    #expect(HuaweiCloudError.ParsingOptions(maximumBodySize: -5).maximumBodySize == 0)
    // A negative size set through the property reads no body, as through `init`, and never traps.
    for size in [-1, Int.min] {
      var options = HuaweiCloudError.ParsingOptions()
      options.maximumBodySize = size
      #expect(options.maximumBodySize == 0)
      let none = try #require(parse(400, exact, options: options))
      #expect(none.isBodyTruncated)
      #expect(none.bodyFormat == .empty)
      #expect(none.code == nil)
    }
  }

  @Test("deepest JSON nesting: 64 levels; deeper is malformed, fields read before it are kept")
  func nestingLimit() throws {
    func nested(_ depth: Int) -> String {
      #"{"error_code": "IAM.0011", "x": "# + String(repeating: "[", count: depth - 1)
        + String(repeating: "]", count: depth - 1) + "}"
    }
    #expect(parse(400, nested(64))?.bodyFormat == .json)
    let deeper = try #require(parse(400, nested(65)))
    #expect(deeper.bodyFormat == .malformedJSON)
    #expect(deeper.code == "IAM.0011")
    #expect(HuaweiCloudError.ParsingOptions.maximumJSONDepth == 64)
  }

  @Test("longest message matched: 4 MiB; a longer one matches nothing")
  func messageLimit() {
    let message = "Invalid token."
    let padding = String(repeating: " ", count: (4 << 20) - message.utf8.count)
    let expected = HuaweiCloudCatalog.matches(for: message).count
    #expect(expected >= 2)
    #expect(HuaweiCloudCatalog.matches(for: message + padding).count == expected)
    #expect(HuaweiCloudCatalog.matches(for: message + padding + " ").isEmpty)
  }

  @Test("longest code looked up: 128 bytes; longer strings are never codes")
  func codeLimit() throws {
    let longest = try #require(HuaweiCloudCatalog.entries.max { $0.code.utf8.count < $1.code.utf8.count })
    #expect(longest.code.utf8.count <= 128)
    // Codes over 24 bytes are found too (OBS's word codes), spaces and letter case aside.
    let long = HuaweiCloudCatalog.entries.filter { $0.code.utf8.count > 24 }
    #expect(long.count >= 10)
    for entry in long {
      #expect(HuaweiCloudCatalog.entry(code: entry.code.uppercased(), service: entry.service) == entry)
    }
    #expect(HuaweiCloudCatalog.entry(code: "Organizations.1001" + String(repeating: "0", count: 7)) == nil)
    #expect(HuaweiCloudCatalog.entries(code: String(repeating: "a", count: 129)).isEmpty)
    #expect(HuaweiCloudErrorCode(String(repeating: "x", count: 1 << 20)).entry == nil)
  }

  @Test("invalid UTF-8 in a body, a header value and a message gives defined results")
  func invalidUTF8() throws {
    let garbage: [UInt8] = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE]
    let header = String(decoding: garbage, as: UTF8.self)
    let error = try #require(
      HuaweiCloudError(status: 400, headers: [(name: "X-Request-Id", value: header)], body: garbage))
    #expect(error.requestID == header)
    #expect(error.bodyFormat == .text)
    #expect(error.message == String(decoding: garbage, as: UTF8.self))
    #expect(HuaweiCloudCatalog.matches(for: header).isEmpty)
    var json = Array(#"{"error_code": "IAM.0066", "error_msg": ""#.utf8) + garbage + Array("\"}".utf8)
    #expect(HuaweiCloudError(status: 401, headers: [], body: json)?.entry?.code == "IAM.0066")
    json = Array(#"{"error_code": ""#.utf8) + garbage + Array("\"}".utf8)
    #expect(HuaweiCloudError(status: 401, headers: [], body: json)?.entry == nil)
  }

  /// Bodies built to hurt, by name (the names keep the test log short).
  static let hostileBodies: [String: String] = [
    "a flood of keys": "{" + String(repeating: #""k":1,"#, count: 100_000) + #""error_code":"IAM.0011"}"#,
    "a long escaped message": #"{"error_msg": ""# + String(repeating: "\\u0041", count: 100_000) + "\"}",
    "endless backslashes": #"{"error_msg": ""# + String(repeating: "\\", count: 100_001),
    "a huge number": "{\"code\": " + String(repeating: "9", count: 500_000) + "}",
    "unclosed objects": String(repeating: "{\"a\":", count: 200_000),
    "unclosed title tags": "<html>" + String(repeating: "<title", count: 100_000),
    "nested XML codes": "<Error>" + String(repeating: "<Code>", count: 100_000),
    "NUL bytes": String(repeating: "\0", count: 100_000),
  ]

  @Test("bodies built to hurt give an error value", arguments: hostileBodies.keys.sorted())
  func hostileBody(name: String) throws {
    let error = try #require(parse(500, Self.hostileBodies[name]!))
    #expect(error.statusCode == 500)
  }

  @Test("a flood of header fields costs one pass")
  func headerFlood() {
    let headers =
      (0..<100_000).map { (name: "X-Filler-\($0)", value: String($0)) } + [(name: "x-request-id", value: "r")]
    #expect(HuaweiCloudError(status: 500, headers: headers, body: [])?.requestID == "r")
  }

  @Test(
    "inputs the fuzzers found stay fixed",
    arguments: try! FileManager.default.contentsOfDirectory(
      atPath: PackagePaths.fixtures.appendingPathComponent("fuzz-regressions").path
    ).sorted())
  func fuzzRegressions(file: String) throws {
    let bytes = Array(try Data(contentsOf: PackagePaths.fixtures.appendingPathComponent("fuzz-regressions/\(file)")))
    if file.hasPrefix("match-") {
      let message = String(decoding: bytes.dropFirst(), as: UTF8.self)
      for match in HuaweiCloudCatalog.matches(for: message) {
        for (_, value) in match.arguments {
          #expect(Data(message.utf8).range(of: Data(value.utf8)) != nil)
        }
        let rendered = match.row.template?.render(match.arguments)
        #expect(match.isLenient || match.kind == .detail || rendered == message)
      }
    } else if file.hasPrefix("scan-") {
      let text = String(decoding: bytes, as: UTF8.self)
      for finding in HuaweiCloudLogScanner.findings(in: text) {
        if let code = finding.code { #expect(!code.rawValue.isEmpty && text.contains(code.rawValue)) }
      }
    } else if file.hasPrefix("response-") {
      _ = HuaweiCloudError(status: 400, headers: [], body: bytes)
    }
  }
}
