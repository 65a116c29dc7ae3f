/// Header names compared with the names this package reads, ignoring ASCII letter case, eight
/// bytes at a time: every field of every response is compared, most with one or two names.
enum HeaderName {
  /// Whether `bytes` spell `known` (written in lowercase) but for the case of its letters: every
  /// other byte, hyphens included, must be the same.
  @inline(__always)
  static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ known: StaticString) -> Bool {
    let count = known.utf8CodeUnitCount
    guard bytes.count == count, let base = bytes.baseAddress else { return false }
    let key = known.utf8Start
    func wordMatches(at offset: Int) -> Bool {
      let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let expected = UInt64(littleEndian: UnsafeRawPointer(key).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      // Only bit 5 of a letter, all that tells `X` from `x`, may differ.
      return (word ^ expected) & ~letters(expected) == 0
    }
    if count >= 8 {
      var offset = 0
      while offset + 8 <= count {
        guard wordMatches(at: offset) else { return false }
        offset += 8
      }
      // The last bytes as the last word, which overlaps the one before.
      return offset == count || wordMatches(at: count - 8)
    }
    var offset = 0
    while offset < count {
      let expected = key[offset]
      let mask: UInt8 = expected &- UInt8(ascii: "a") < 26 ? ~0x20 : 0xFF
      guard (base[offset] ^ expected) & mask == 0 else { return false }
      offset += 1
    }
    return true
  }

  /// Bit 5 of each byte of `word` that is a lowercase ASCII letter. Every byte is below 0x80, so
  /// adding `0x80 - "a"` sets a byte's high bit from `a` on, and adding `0x80 - "{"` from past `z`,
  /// without a carry into the next byte.
  @inline(__always)
  static func letters(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let fromA = word &+ ones &* (0x80 - 0x61)
    let pastZ = word &+ ones &* (0x80 - 0x7B)
    return (fromA & ~pastZ & (ones &* 0x80)) >> 2
  }
}
