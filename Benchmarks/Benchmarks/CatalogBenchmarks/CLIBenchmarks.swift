import Benchmark
import Foundation
import HuaweiCloudErrors

/// The command line against its library and against `grep`: each runs the release binary as a
/// process over a file written once, so the figures include reading, writing and start-up
/// (amortized over 200,000 messages and a 45 MB log). Build the binary first:
/// `swift build -c release --product huaweicloud-errors` at the package root, or set
/// `HUAWEICLOUD_ERRORS_CLI` to one. Without it these benchmarks are not registered.
enum CLIInputs {
  static let binary: String? = {
    let path =
      ProcessInfo.processInfo.environment["HUAWEICLOUD_ERRORS_CLI"]
      ?? FileManager.default.currentDirectoryPath + "/../.build/release/huaweicloud-errors"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }()

  static let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "huaweicloud-errors-benchmarks-\(ProcessInfo.processInfo.processIdentifier)")

  /// The mixed messages, repeated to 200,000, as `match --stdin` lines and as strings.
  static let messages: [String] = {
    var messages: [String] = []
    while messages.count < 200_000 { messages += Inputs.messages }
    return Array(messages.prefix(200_000))
  }()

  static let matchInput: URL = {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var text = ""
    for message in messages {
      text += #"{"message":"# + quoted(message) + "}\n"
    }
    let url = directory.appendingPathComponent("messages.jsonl")
    try! Data(text.utf8).write(to: url)
    return url
  }()

  /// A 45 MB log as services write them: ordinary lines with timestamps, dotted numbers, paths and
  /// `key=value` pairs (most), and one line in fifty each of: the mixed responses' bodies in JSON
  /// lines (two in a hundred), the Python SDK's exceptions, codes quoted in text, long lines and
  /// lines of random bytes.
  static let log: URL = {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var generator = SplitMix(seed: 45)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(46 << 20)
    let bodies = Inputs.responses.map(\.body).filter { $0.first == UInt8(ascii: "{") }
    let codes = HuaweiCloudCatalog.entries.map(\.code)
    var line = 0
    while bytes.count < 45 << 20 {
      line += 1
      let stamp = "2025-11-20T10:\(10 + line % 50):\(10 + line % 49).\(100 + line % 900)Z "
      switch line % 100 {
      case 0, 1:
        bytes += Array((stamp + "ERROR call failed: status=400 body=").utf8) + bodies[line % bodies.count]
      case 2:
        let code = codes[line % codes.count]
        bytes += Array(
          (stamp
            + "WARN ClientRequestException - {status_code:400,request_id:8e1f\(line),error_code:\(code),error_msg:Invalid operation.,encoded_authorization_message:None }")
            .utf8)
      case 3:
        bytes += Array(
          (stamp + "ERROR HttpException: request failed, [\(codes[(line * 7) % codes.count])] see log").utf8)
      case 4:
        bytes += Array(
          (stamp + "DEBUG " + String(repeating: "payload chunk 1.2.3 of 4.5.6 processed in 7.89 ms; ", count: 40)).utf8)
      case 5, 6:
        for _ in 0..<120 { bytes.append(UInt8.random(in: 0x20...0x7E, using: &generator)) }
      default:
        bytes += Array(
          (stamp
            + "INFO GET /v1/0970dd7a1300f5672ff2c003c60ae115/servers?limit=50 200 12.5 ms version 1.2.\(line % 10) host=10.0.\(line % 256).\(line % 200)")
            .utf8)
      }
      bytes.append(UInt8(ascii: "\n"))
    }
    let url = directory.appendingPathComponent("service.log")
    try! Data(bytes).write(to: url)
    return url
  }()

  static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 {
          output += String(format: "\\u%04x", scalar.value)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }

  /// Runs `executable` with `arguments`, standard input from `input`, output discarded; returns
  /// its exit status.
  @discardableResult
  static func run(_ executable: String, _ arguments: [String], input: URL? = nil) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let input { process.standardInput = try! FileHandle(forReadingFrom: input) }
    // A pipe drained to the end, not the null device: tools that detect /dev/null (GNU grep)
    // would stop early.
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try! process.run()
    let reader = pipe.fileHandleForReading
    while !reader.availableData.isEmpty {}
    process.waitUntilExit()
    return process.terminationStatus
  }
}

func registerCLIBenchmarks() {
  guard let binary = CLIInputs.binary else { return }
  // The inputs are written on first use (in the warm-up iteration), only in the process that runs
  // a CLI benchmark, and removed when it exits: every benchmark runs in a process of its own.
  atexit { try? FileManager.default.removeItem(at: CLIInputs.directory) }
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 5)

  Benchmark("match --stdin: CLI process (200000 messages)", configuration: configuration) { _ in
    CLIInputs.run(binary, ["match", "--stdin"], input: CLIInputs.matchInput)
  }
  Benchmark("match --stdin: library matches(for:) (200000 messages)", configuration: configuration) { _ in
    for message in CLIInputs.messages { blackHole(HuaweiCloudCatalog.matches(for: message)) }
  }
  Benchmark("scan: CLI process --json (45 MB log)", configuration: configuration) { _ in
    CLIInputs.run(binary, ["scan", "--json", CLIInputs.log.path])
  }
  // `-n` makes grep print every matching line with its number, as `scan` reports every error (to
  // a null device grep stops at the first match, so its output is kept but discarded here).
  Benchmark("scan: baseline grep -nE (45 MB log)", configuration: configuration) { _ in
    CLIInputs.run("/usr/bin/env", ["grep", "-nE", #"(IAM|CBC|APIGW|PM|Organizations)\.[0-9]+"#, CLIInputs.log.path])
  }
}
