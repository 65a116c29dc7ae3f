import HuaweiCloudErrorsCLI

/// Runs the tool in-process with captured output and a given standard input.
struct ToolRun {
  var status: Int32
  var output: String
  var errors: String

  init(_ arguments: [String], input: [UInt8] = []) {
    var io = MemoryIO(input: input)
    status = HuaweiCloudErrorsTool.run(arguments, io: &io)
    output = io.output
    errors = io.errors
  }

  var outputLines: [String] {
    output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }
}

struct MemoryIO: ToolIO {
  var input: [UInt8]
  var output = ""
  var errors = ""

  mutating func write(_ text: String) { output += text }
  mutating func writeError(_ text: String) { errors += text }

  mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)? {
    guard !input.isEmpty else { return nil }
    let end = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
    defer { input.removeSubrange(..<min(end + 1, input.endIndex)) }
    var line = Array(input[..<end])
    if line.last == UInt8(ascii: "\r") { line.removeLast() }
    return (Array(line.prefix(limit)), line.count > limit)
  }

  mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    defer { input = [] }
    return (Array(input.prefix(limit)), input.count > limit)
  }
}
