#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(ucrt)
  import ucrt
#endif

/// Searches and comparisons on byte buffers, by the C library's `memchr` and `memcmp`, which every
/// platform vectorizes: the log scanner's prefilter reads every byte of a log, and matching
/// compares each candidate text's literals with the message.
enum Bytes {
  /// The first position of `byte` in `buffer` at or after `start`; `nil` when there is none.
  @inline(__always)
  static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard start >= 0, start < buffer.count, let base = buffer.baseAddress else { return nil }
    guard let found = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// Whether `buffer` holds `byte`.
  @inline(__always)
  static func contains(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    firstIndex(of: byte, in: buffer) != nil
  }

  /// Whether the `count` bytes at `a` and at `b` are the same.
  @inline(__always)
  static func equal(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, count: Int) -> Bool {
    guard count > 0 else { return true }
    guard let a, let b else { return false }
    return memcmp(a, b, count) == 0
  }

  /// Whether `buffer` holds exactly `bytes`.
  static func equal(_ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == buffer.count else { return false }
    return bytes.withUnsafeBufferPointer { equal($0.baseAddress, buffer.baseAddress, count: buffer.count) }
  }

  /// Whether `buffer` holds `bytes` at `offset`.
  static func hasPrefix(_ buffer: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], at offset: Int) -> Bool {
    guard offset >= 0, offset <= buffer.count, bytes.count <= buffer.count - offset else { return false }
    return bytes.withUnsafeBufferPointer {
      equal($0.baseAddress, buffer.baseAddress.map { $0 + offset }, count: bytes.count)
    }
  }
}
