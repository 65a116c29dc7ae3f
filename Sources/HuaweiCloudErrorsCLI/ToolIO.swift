/// Where the tool reads and writes; the real process and the tests each provide one.
package protocol ToolIO {
  /// Writes to standard output.
  mutating func write(_ text: String)
  /// Writes to standard error.
  mutating func writeError(_ text: String)
  /// The next line of standard input without its line break, or `nil` at the end. A line longer
  /// than `limit` bytes comes back cut at `limit` with `truncated` set, the rest of it skipped.
  mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)?
  /// The rest of standard input, at most `limit` bytes; the flag says whether more was left.
  mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool)
}
