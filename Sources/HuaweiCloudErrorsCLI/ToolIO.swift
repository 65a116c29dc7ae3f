/// Where the tool reads and writes; the real process and the tests each provide one.
package protocol ToolIO {
  /// Writes to standard output (perhaps buffered: see `flush()`).
  mutating func write(_ text: String)
  /// Writes UTF-8 bytes to standard output, as `write(_:)` writes text.
  mutating func write(bytes: [UInt8])
  /// Writes to standard error, after what was written to standard output before.
  mutating func writeError(_ text: String)
  /// The next line of standard input without its line break, or `nil` at the end. A line longer
  /// than `limit` bytes comes back cut at `limit` with `truncated` set, the rest of it skipped.
  mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)?
  /// Calls `body` with the next line of standard input (bytes valid during the call only) and
  /// whether it was cut at `limit`; `false` at the end.
  mutating func withNextLine(limit: Int, _ body: (UnsafeBufferPointer<UInt8>, _ truncated: Bool) -> Void) -> Bool
  /// The rest of standard input, at most `limit` bytes; the flag says whether more was left.
  mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool)
  /// Writes out what standard output holds.
  mutating func flush()
  /// Whether standard error is a terminal, where progress is shown.
  var errorIsTerminal: Bool { get }
}

extension ToolIO {
  package mutating func write(bytes: [UInt8]) {
    write(String(decoding: bytes, as: UTF8.self))
  }

  package mutating func withNextLine(
    limit: Int, _ body: (UnsafeBufferPointer<UInt8>, _ truncated: Bool) -> Void
  ) -> Bool {
    guard let (bytes, truncated) = readLine(limit: limit) else { return false }
    bytes.withUnsafeBufferPointer { body($0, truncated) }
    return true
  }

  package mutating func flush() {}

  package var errorIsTerminal: Bool { false }
}
