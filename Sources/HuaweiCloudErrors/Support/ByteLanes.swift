/// Tests on the eight bytes of a word at once. Each but `firstEqual` returns the bytes that pass as
/// their high bit (0x80), exactly, with no borrow from one byte into the next, so that the results
/// of several tests can be combined byte by byte.
enum ByteLanes {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080
  private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The eight bytes at `offset`, the first in the lowest byte.
  @inline(__always)
  static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// The bytes equal to `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let zeroed = word ^ (ones &* UInt64(byte))
    // A byte's low seven bits plus 0x7F reach the high bit unless all are zero; no byte carries.
    return ~(((zeroed & lows) &+ lows) | zeroed) & highs
  }

  /// Non-zero exactly when some byte equals `byte`, and then its lowest flag is the first such
  /// byte; flags above it may be wrong (a borrow). Cheaper than `equal`, for finding the first.
  @inline(__always)
  static func firstEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let zeroed = word ^ (ones &* UInt64(byte))
    return (zeroed &- ones) & ~zeroed & highs
  }

  /// The ASCII bytes from `low` through `high` (both below 0x80).
  @inline(__always)
  static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
    let seven = word & lows
    let atLeastLow = seven &+ ones &* UInt64(0x80 - low)
    let pastHigh = seven &+ ones &* UInt64(0x80 - high - 1)
    return atLeastLow & ~pastHigh & ~word & highs
  }

  /// The ASCII letters, either case.
  @inline(__always)
  static func letters(_ word: UInt64) -> UInt64 {
    // Setting bit 5 lowers `A`–`Z` and moves no other byte into `a`–`z`.
    inRange(word | (ones &* 0x20), UInt8(ascii: "a"), UInt8(ascii: "z"))
  }

  /// The ASCII digits.
  @inline(__always)
  static func digits(_ word: UInt64) -> UInt64 {
    inRange(word, UInt8(ascii: "0"), UInt8(ascii: "9"))
  }
}
