#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's own standard input, output and error, read and written as raw bytes so that
/// binary input cannot trip a text decoder.
public struct StandardIO: ToolIO {
  private var buffer: [UInt8] = []
  private var atEnd = false

  public init() {}

  public mutating func write(_ text: String) {
    Self.write(text, to: 1)
  }

  public mutating func writeError(_ text: String) {
    Self.write(text, to: 2)
  }

  private static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
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
  }

  /// Reads more input into the buffer; returns `false` at the end.
  private mutating func fill() -> Bool {
    guard !atEnd else { return false }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(0, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count <= 0 {
        atEnd = true
        return false
      }
      buffer += chunk[..<count]
      return true
    }
  }

  public mutating func readLine(limit: Int) -> (bytes: [UInt8], truncated: Bool)? {
    var searched = 0
    var truncated = false
    var kept: [UInt8] = []
    while true {
      if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
        if !truncated { kept = Array(buffer[..<newline]) }
        buffer.removeSubrange(...newline)
        if kept.last == UInt8(ascii: "\r") { kept.removeLast() }
        return (kept, truncated)
      }
      if !truncated, buffer.count > limit {
        // Keep the first `limit` bytes, drop the rest of the line as it arrives.
        kept = Array(buffer[..<limit])
        truncated = true
      }
      if truncated { buffer.removeAll(keepingCapacity: true) }
      searched = buffer.count
      if !fill() {
        guard truncated || !buffer.isEmpty else { return nil }
        if !truncated { kept = buffer }
        buffer = []
        return (kept, truncated)
      }
    }
  }

  public mutating func readAll(limit: Int) -> (bytes: [UInt8], truncated: Bool) {
    while buffer.count <= limit, fill() {}
    if buffer.count > limit {
      let bytes = Array(buffer[..<limit])
      buffer = []
      return (bytes, true)
    }
    defer { buffer = [] }
    return (buffer, false)
  }
}

extension StandardIO {
  /// The first `limit` bytes of a file, or `nil` when it cannot be opened or read.
  static func readFile(_ path: String, limit: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count < limit {
      let wanted = min(chunk.count, limit - bytes.count)
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
      if count < 0, errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { break }
      bytes += chunk[..<count]
    }
    return bytes
  }
}

/// A file read line by line, each line at most `limit` bytes (the rest of a longer line is
/// skipped), without loading the file whole.
struct FileLines {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var atEnd = false

  init?(path: String) {
    descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
  }

  mutating func next(limit: Int) -> [UInt8]? {
    var kept: [UInt8]? = nil
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = kept ?? Array(buffer[..<min(newline, limit)])
        buffer.removeSubrange(...newline)
        return line
      }
      if kept == nil, buffer.count > limit { kept = Array(buffer[..<limit]) }
      if kept != nil { buffer.removeAll(keepingCapacity: true) }
      guard !atEnd, fill() else {
        if descriptor >= 0 { close(descriptor) }
        atEnd = true
        if let kept { return kept }
        guard !buffer.isEmpty else { return nil }
        defer { buffer = [] }
        return buffer
      }
    }
  }

  private mutating func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return false }
      buffer += chunk[..<count]
      return true
    }
  }
}

// The C functions under names that the methods above do not shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

private func systemRead(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, bytes, count)
}
