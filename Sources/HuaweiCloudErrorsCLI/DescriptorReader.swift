#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered reading of standard input or a file, as raw bytes: line by line with a length limit,
/// or all at once up to a limit. A file opened here is closed when its end is reached or on
/// `close()`.
struct DescriptorReader {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8] = []
  private var atEnd = false
  /// Whether reading stopped on an error rather than at the end (a directory, a device error).
  private(set) var failed = false

  /// Reads an open descriptor, such as standard input (0), without ever closing it.
  init(descriptor: Int32) {
    self.descriptor = descriptor
    ownsDescriptor = false
  }

  /// Opens a file for reading, or `nil` when it cannot be opened.
  init?(path: String) {
    descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    ownsDescriptor = true
  }

  /// The next line without its line break (`\n` or `\r\n`), or `nil` at the end. A line longer
  /// than `limit` bytes comes back cut at `limit` with `truncated` set; the rest of it is read
  /// past without being kept.
  mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)? {
    var searched = 0
    // The line's first `limit` bytes, once the line is known to be longer.
    var kept: [UInt8]? = nil
    while true {
      if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
        defer { buffer.removeSubrange(...newline) }
        return kept.map { ($0, true) } ?? Self.cut(Array(buffer[..<newline]), limit: limit)
      }
      // Longer than `limit` even if its last byte is a `\r` that will be dropped.
      if kept == nil, buffer.count > limit + 1 { kept = Array(buffer[..<limit]) }
      if kept != nil { buffer.removeAll(keepingCapacity: true) }
      searched = buffer.count
      guard fill() else {
        defer { buffer = [] }
        if let kept { return (kept, true) }
        return buffer.isEmpty ? nil : Self.cut(buffer, limit: limit)
      }
    }
  }

  /// The rest of the input, at most `limit` bytes; the flag says whether more was left.
  mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    while buffer.count <= limit, fill() {}
    defer { buffer = [] }
    return buffer.count > limit ? (Array(buffer[..<limit]), true) : (buffer, false)
  }

  /// Closes a file opened by `init(path:)`; reading then finds the end.
  mutating func close() {
    guard !atEnd else { return }
    atEnd = true
    if ownsDescriptor { systemClose(descriptor) }
  }

  /// A line without its `\r`, cut at `limit`.
  private static func cut(_ line: [UInt8], limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    var line = line
    if line.last == UInt8(ascii: "\r") { line.removeLast() }
    return line.count > limit ? (Array(line[..<limit]), true) : (line, false)
  }

  /// Reads more input into the buffer; returns `false` at the end or on an error.
  private mutating func fill() -> Bool {
    guard !atEnd else { return false }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        failed = count < 0
        close()
        return false
      }
      buffer += chunk[..<count]
      return true
    }
  }
}

// The C functions under names that the methods above do not shadow.
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) {
  _ = close(descriptor)
}
