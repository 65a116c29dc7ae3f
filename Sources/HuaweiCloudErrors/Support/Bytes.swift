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

  /// The first position at or after `start` where `buffer` holds `needle`; with `ignoringCase`,
  /// the buffer's ASCII letters are compared lowered (the needle is written in lower case).
  /// `nil` when there is none. Candidates are found by `memchr` for the needle's first byte (both
  /// its cases), so a search reads the buffer once, without allocating.
  static func firstIndex(
    of needle: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, ignoringCase: Bool = false
  ) -> Int? {
    let count = needle.utf8CodeUnitCount
    guard count > 0, start >= 0, count <= buffer.count - start else { return nil }
    let needleBytes = UnsafeBufferPointer(start: needle.utf8Start, count: count)
    let first = needleBytes[0]
    let capital = ignoringCase && first &- UInt8(ascii: "a") < 26 ? first &- 0x20 : first
    var nextFirst = firstIndex(of: first, in: buffer, from: start)
    var nextCapital = capital == first ? nil : firstIndex(of: capital, in: buffer, from: start)
    while true {
      let candidate: Int
      switch (nextFirst, nextCapital) {
      case (let a?, let b?): candidate = min(a, b)
      case (let a?, nil): candidate = a
      case (nil, let b?): candidate = b
      case (nil, nil): return nil
      }
      guard candidate <= buffer.count - count else { return nil }
      var offset = 1
      if ignoringCase {
        while offset < count, LenientText.lowercased(buffer[candidate + offset]) == needleBytes[offset] { offset += 1 }
      } else if equal(buffer.baseAddress.map { $0 + candidate + 1 }, needleBytes.baseAddress! + 1, count: count - 1) {
        offset = count
      }
      if offset == count { return candidate }
      if candidate == nextFirst { nextFirst = firstIndex(of: first, in: buffer, from: candidate + 1) }
      if candidate == nextCapital { nextCapital = firstIndex(of: capital, in: buffer, from: candidate + 1) }
    }
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

  /// The order of two byte strings, as `lexicographicallyPrecedes` orders them, by `memcmp`:
  /// negative when `a` comes first, zero when they are equal, positive otherwise. The indexes
  /// sort tens of thousands of keys when first used.
  static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
    let common = min(a.count, b.count)
    let order = a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        common == 0 ? 0 : Int(memcmp(a.baseAddress!, b.baseAddress!, common))
      }
    }
    return order != 0 ? order : a.count - b.count
  }

  /// Whether `buffer` holds exactly `bytes`.
  static func equal(_ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == buffer.count else { return false }
    return bytes.withUnsafeBufferPointer { equal($0.baseAddress, buffer.baseAddress, count: buffer.count) }
  }
}
