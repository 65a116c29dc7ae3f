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
  /// Bytes read and not yet returned start at `start`: a line is taken by moving `start`, so that
  /// the rest of the buffer is not moved for every line. The buffer is compacted only when it
  /// must grow, which moves each byte at most once more.
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// Whether reading stopped on an error rather than at the end (a directory, a device error).
  private(set) var failed = false
  /// How many bytes have been read from the descriptor.
  private(set) var bytesRead = 0

  /// The size of one `read`.
  private static let chunkSize = 1 << 16

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

  /// The size of a regular file, or `nil` for a pipe, a terminal or what `fstat` cannot read.
  var fileSize: Int? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int(status.st_size)
  }

  /// Whether a whole line is read and waiting, so that taking the next line does not wait for
  /// input (at the end of the input there is nothing to wait for either).
  var hasLineWaiting: Bool {
    atEnd || buffer.withUnsafeBufferPointer { memchrIndex(UInt8(ascii: "\n"), in: $0, from: start) != nil }
  }

  /// The next line without its line break (`\n` or `\r\n`), or `nil` at the end. A line longer
  /// than `limit` bytes comes back cut at `limit` with `truncated` set; the rest of it is read
  /// past without being kept.
  mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)? {
    var line: (bytes: [UInt8], truncated: Bool)? = nil
    _ = withNextLine(limit: limit) { bytes, truncated in line = (Array(bytes), truncated) }
    return line
  }

  /// Calls `body` with the next line's bytes (valid only during the call) and whether it was cut
  /// at `limit`; returns `false` at the end of the input. The bytes are the buffer's own: no copy.
  mutating func withNextLine(
    limit: Int, _ body: (UnsafeBufferPointer<UInt8>, _ truncated: Bool) -> Void
  ) -> Bool {
    // How far past `start` the line's end has been searched for (`fill` may move `start`).
    var searched = 0
    var truncated = false
    while true {
      let from = start + searched
      let newline = buffer.withUnsafeBufferPointer { memchrIndex(UInt8(ascii: "\n"), in: $0, from: from) }
      if let newline {
        let lineStart = start
        start = newline + 1
        buffer.withUnsafeBufferPointer { all in
          var end = newline
          if end > lineStart, all[end - 1] == UInt8(ascii: "\r"), !truncated { end -= 1 }
          let cut = truncated || end - lineStart > limit
          body(UnsafeBufferPointer(rebasing: all[lineStart..<min(end, lineStart + limit)]), cut)
        }
        return true
      }
      // Longer than `limit` even if its last byte is a `\r` that will be dropped: keep its first
      // `limit` bytes at `start`, and drop what follows as it comes.
      if buffer.count - start > limit + 1 {
        truncated = true
        buffer.removeSubrange((start + limit)...)
      }
      searched = buffer.count - start
      guard fill() else {
        guard start < buffer.count else {
          buffer = []
          start = 0
          return false
        }
        let lineStart = start
        start = buffer.count
        buffer.withUnsafeBufferPointer { all in
          var end = all.count
          if !truncated, end > lineStart, all[end - 1] == UInt8(ascii: "\r") { end -= 1 }
          let cut = truncated || end - lineStart > limit
          body(UnsafeBufferPointer(rebasing: all[lineStart..<min(end, lineStart + limit)]), cut)
        }
        return true
      }
    }
  }

  /// The rest of the input, at most `limit` bytes; the flag says whether more was left.
  mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    while buffer.count - start <= limit, fill() {}
    defer {
      buffer = []
      start = 0
    }
    let rest = buffer[start...]
    return rest.count > limit ? (Array(rest.prefix(limit)), true) : (Array(rest), false)
  }

  /// Closes a file opened by `init(path:)`; reading then finds the end.
  mutating func close() {
    guard !atEnd else { return }
    atEnd = true
    if ownsDescriptor { systemClose(descriptor) }
  }

  /// Reads more input onto the end of the buffer, first dropping the bytes already returned when
  /// they are at least half of it; returns `false` at the end or on an error.
  private mutating func fill() -> Bool {
    guard !atEnd else { return false }
    if start > 0, start >= buffer.count / 2 {
      buffer.removeSubrange(..<start)
      start = 0
    }
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + old, Self.chunkSize) }
      if count < 0, errno == EINTR { continue }
      buffer.removeSubrange((old + max(count, 0))...)
      guard count > 0 else {
        failed = count < 0
        close()
        return false
      }
      bytesRead += count
      return true
    }
  }
}

/// The position of the first `byte` at or after `from`, found with `memchr`.
private func memchrIndex(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
  guard from < bytes.count, let base = bytes.baseAddress else { return nil }
  guard let found = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
  return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}

// The C functions under names that the methods above do not shadow.
private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) {
  _ = close(descriptor)
}
