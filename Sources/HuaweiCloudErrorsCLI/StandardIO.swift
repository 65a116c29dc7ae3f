#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's own standard input, output and error, read and written as raw bytes so that
/// binary input cannot trip a text decoder.
package struct StandardIO: ToolIO, Sendable {
  private var input = DescriptorReader(descriptor: 0)
  /// Standard output's bytes not yet written: written when 64 KiB gather, before anything goes
  /// to standard error, before waiting for more input, and on `flush()`. So a program that feeds
  /// `match --stdin` a line at a time, or `tail -f … | huaweicloud-errors scan`, gets each answer
  /// before the tool waits for the next line, while piped bulk input is still written in blocks.
  private var output: [UInt8] = []
  private static let outputLimit = 1 << 16

  package init() {
    output.reserveCapacity(Self.outputLimit + 4096)
  }

  package mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { output.append(contentsOf: $0) }
    if output.count >= Self.outputLimit { flush() }
  }

  package mutating func write(bytes: [UInt8]) {
    output.append(contentsOf: bytes)
    if output.count >= Self.outputLimit { flush() }
  }

  package mutating func writeError(_ text: String) {
    flush()
    var text = text
    text.withUTF8 { Self.write($0, to: 2) }
  }

  package mutating func flush() {
    guard !output.isEmpty else { return }
    output.withUnsafeBufferPointer { Self.write($0, to: 1) }
    output.removeAll(keepingCapacity: true)
  }

  package var errorIsTerminal: Bool { isatty(2) == 1 }

  private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return  // a closed pipe: nothing more can be said
      }
      offset += written
    }
  }

  package mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)? {
    if !input.hasLineWaiting { flush() }
    return input.readLine(limit: limit)
  }

  package mutating func withNextLine(
    limit: Int, _ body: (UnsafeBufferPointer<UInt8>, _ truncated: Bool) -> Void
  ) -> Bool {
    if !input.hasLineWaiting { flush() }
    return input.withNextLine(limit: limit, body)
  }

  package mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    input.readAll(limit: limit)
  }
}

// The C functions under names that the methods above do not shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
