import Foundation
import HuaweiCloudErrors
import HuaweiCloudErrorsCLI
import Testing

/// `scan FILE` reads a file in parts scanned at once; these tests compare every way of cutting a
/// log into parts with the same log read line by line from standard input.
@Suite("scan reads a file in parts at once, with the output of reading it line by line")
struct ParallelScanTests {
  /// A log whose errors span lines: Java SDK blocks (with details), terraform's status on the line
  /// before its body, and an unclosed block at the end, between ordinary and error lines. Repeated
  /// with the blocks shifted, so that every kind of line falls on a part's first and last line.
  static let log: [UInt8] = {
    let pieces = [
      "2025-11-20T10:01:02Z INFO GET /v1/servers 200 12.5 ms version 1.2.3 host=10.0.1.2",
      #"2025-11-20T10:01:03Z ERROR body={"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"5f2a7c0e9d"}"#,
      "com.huaweicloud.sdk.core.exception.ClientRequestException {",
      "    httpStatusCode: 404",
      "    errorCode: Organizations.1100",
      "    details: [",
      "      {",
      "        errorCode: IAM.0001",
      "        errorMsg: nested",
      "      }",
      "    ]",
      "    errorMsg: Organization not found.",
      "    requestId: 77aa",
      "}",
      "Error: Expected HTTP response code [200] when accessing [POST https://rds.myhuaweicloud.com/v3/p/instances], but got 400 instead.",
      #"{"error_code":"DBS.280001","error_msg":"Invalid parameter."}"#,
      "2025-11-20T10:01:04Z WARN ClientRequestException - {status_code:403,request_id:8e1f22,error_code:CBC.0150,error_msg:Invalid operation.,encoded_authorization_message:None }",
      "",
      "2025-11-20T10:01:05Z ERROR HttpException: request failed, [IAM.0012] see log",
    ]
    var lines: [String] = []
    for shift in 0..<pieces.count { lines += pieces[shift...] + pieces[..<shift] }
    lines.append("com.huaweicloud.sdk.core.exception.ClientRequestException {")
    lines.append("    errorCode: IAM.0001")
    return Array(lines.joined(separator: "\n").utf8)
  }()

  static let layouts: [ParallelScan.Layout] =
    [1, 2, 3, 5].flatMap { workers in
      [1, 40, 150, 700, 1 << 20].map { ParallelScan.Layout(workers: workers, partSize: $0) }
    }

  @Test("every layout of parts gives the line-by-line output, in --json and as text", arguments: layouts)
  func sameAsLineByLine(layout: ParallelScan.Layout) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID()).log")
    try Data(Self.log).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    for options in [["--json"], [], ["--stats"]] {
      let lineByLine = ToolRun(["scan"] + options, input: Self.log)
      var io = MemoryIO(input: [])
      let status = HuaweiCloudErrorsTool.run(["scan"] + options + [url.path], io: &io, scanParts: layout)
      #expect(status == lineByLine.status)
      #expect(io.output == lineByLine.output, "\(options) \(layout.workers) × \(layout.partSize)")
      #expect(io.errors == lineByLine.errors, "\(options) \(layout.workers) × \(layout.partSize)")
    }
  }

  @Test(
    "lines longer than the limit, CRLF line ends and a last line without a break read as line by line",
    arguments: [ParallelScan.Layout(workers: 1, partSize: 1 << 20), ParallelScan.Layout(workers: 3, partSize: 100)])
  func longAndCRLFLines(layout: ParallelScan.Layout) throws {
    let limit = HuaweiCloudLogScanner.maximumLineLength
    var log = Array("ERROR [IAM.0001] first\r\n".utf8)
    // Cut at the limit: the code after it is not read; the code before it is.
    log +=
      Array("[IAM.0012] early ".utf8) + Array(repeating: UInt8(ascii: "x"), count: limit) + Array(" [IAM.0001]\n".utf8)
    log += Array("ERROR [APIGW.0301] crlf\r\n\r\n".utf8)
    // A line of exactly the limit and a `\r`: not cut.
    log += Array("[IAM.0011] ".utf8) + Array(repeating: UInt8(ascii: "y"), count: limit - 12) + Array(".\r\n".utf8)
    log += Array("last [CBC.0150] without a break".utf8)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("long-\(UUID()).log")
    try Data(log).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let lineByLine = ToolRun(["scan", "--json"], input: log)
    var io = MemoryIO(input: [])
    let status = HuaweiCloudErrorsTool.run(["scan", "--json", url.path], io: &io, scanParts: layout)
    #expect(lineByLine.outputLines.count == 5)
    #expect(lineByLine.errors.contains("1 line(s) longer than"))
    #expect(status == lineByLine.status)
    #expect(io.output == lineByLine.output)
    #expect(io.errors == lineByLine.errors)
  }

  @Test("random logs of error lines, block lines and random bytes read in parts as line by line", arguments: 0..<12)
  func randomLogs(seed: Int) throws {
    let fragments: [[UInt8]] =
      (Self.log.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map(Array.init)) + [
        Array("\r".utf8), [], Array("but got 429 instead.".utf8), Array("    errorCode: IAM.0012".utf8),
      ]
    var generator = SeededGenerator(seed: UInt64(seed))
    var log: [UInt8] = []
    for _ in 0..<300 {
      if Int.random(in: 0..<8, using: &generator) == 0 {
        log += (0..<Int.random(in: 0..<200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
        }
      } else {
        log += fragments.randomElement(using: &generator)!
      }
      log.append(UInt8(ascii: "\n"))
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("random-\(UUID()).log")
    try Data(log).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let lineByLine = ToolRun(["scan", "--json"], input: log)
    for layout in [ParallelScan.Layout(workers: 3, partSize: 64), ParallelScan.Layout(workers: 2, partSize: 2_000)] {
      var io = MemoryIO(input: [])
      let status = HuaweiCloudErrorsTool.run(["scan", "--json", url.path], io: &io, scanParts: layout)
      #expect(status == lineByLine.status)
      #expect(io.output == lineByLine.output, "seed \(seed), \(layout.workers) × \(layout.partSize)")
      #expect(io.errors == lineByLine.errors)
    }
  }

  @Test("the log has what the layouts are meant to cut through")
  func logHasMultiLineErrors() {
    let run = ToolRun(["scan", "--json"], input: Self.log)
    // Nearly every shift of the pieces keeps its Java block and its two-line terraform error
    // whole (parts of one line cut through each of them), and the block left open at the end is
    // reported.
    #expect(run.outputLines.filter { $0.contains(#""format":"javaSDK""#) }.count > 15)
    #expect(run.outputLines.filter { $0.contains(#""code":"DBS.280001""#) && $0.contains(#""status":400"#) }.count > 15)
    #expect(run.outputLines.last?.contains(#""format":"javaSDK""#) == true)
  }
}

extension ParallelScan.Layout: CustomTestStringConvertible {
  public var testDescription: String { "\(workers) parts of \(partSize) bytes" }
}

/// A linear congruential generator (Knuth's MMIX constants): the same logs for a seed on every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    // The low bits of an LCG repeat quickly: two steps' high halves make one value.
    let high = state >> 32
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return high << 32 | state >> 32
  }
}
