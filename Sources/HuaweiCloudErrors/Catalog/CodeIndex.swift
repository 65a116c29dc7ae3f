/// Finds a code's catalog position in constant time without allocating.
///
/// Every catalog code fits in 24 bytes (the longest, `Organizations.1001`, has 18), so a code is
/// read as three zero-padded little-endian 64-bit words and looked up in an open-addressing table
/// of such words: one mixing hash, then whole-word comparisons; no string is hashed or compared
/// byte by byte. A code longer than 24 bytes is never a catalog code and is rejected unread (the
/// generator refuses codes that would not fit).
///
/// This is the library's one unsafe fast path. The table is a buffer allocated once, for the life
/// of the process, so that the index is a trivial value a lookup reads without retaining
/// anything; every index into it is `slot * 4 + k` with `slot` masked to the table's capacity and
/// `k < 4`. Code bytes are read with `loadUnaligned` inside the bounds of the code's own buffer.
struct CodeIndex: @unchecked Sendable {  // the table is written only in `init`
  /// Codes longer than this are never catalog codes.
  static let maximumCodeLength = 24

  typealias Words = (UInt64, UInt64, UInt64)

  /// Four words per slot: the code's three words, then its length (bits 0…7; 0 marks an empty
  /// slot) and catalog position (bits 8…).
  private let table: UnsafeMutableBufferPointer<UInt64>
  private let mask: Int

  init(codes: [String]) {
    var capacity = 16
    while capacity < codes.count * 2 { capacity *= 2 }
    mask = capacity - 1
    table = .allocate(capacity: capacity * 4)
    table.initialize(repeating: 0)
    for (position, code) in codes.enumerated() {
      guard let (words, length) = Self.key(code) else {
        preconditionFailure("catalog code \(code) is longer than \(Self.maximumCodeLength) bytes")
      }
      var slot = Self.slot(words, length, mask: mask)
      while table[slot * 4 + 3] != 0 { slot = (slot + 1) & mask }
      table[slot * 4] = words.0
      table[slot * 4 + 1] = words.1
      table[slot * 4 + 2] = words.2
      table[slot * 4 + 3] = UInt64(length) | UInt64(position) << 8
    }
  }

  /// The catalog position of `code` spelled exactly as the catalog does, or `nil`.
  func position(of code: String) -> Int? {
    guard let (words, length) = Self.key(code) else { return nil }
    var slot = Self.slot(words, length, mask: mask)
    while true {
      let meta = table[slot * 4 + 3]
      if meta == 0 { return nil }
      if meta & 0xFF == UInt64(length), table[slot * 4] == words.0, table[slot * 4 + 1] == words.1,
        table[slot * 4 + 2] == words.2
      {
        return Int(meta >> 8)
      }
      slot = (slot + 1) & mask
    }
  }

  /// The catalog position of a code whose service prefix differs from the catalog's only in
  /// letter case (`Iam.0004`), or `nil`.
  func position(ofPrefixCaseInsensitive code: String) -> Int? {
    guard code.utf8.count <= Self.maximumCodeLength, let dot = code.utf8.firstIndex(of: UInt8(ascii: ".")) else {
      return nil
    }
    guard let service = HuaweiCloudService(codePrefix: code.utf8[...dot]) else { return nil }
    return position(of: service.codePrefix + String(code[code.utf8.index(after: dot)...]))
  }

  /// The code as words, with its length; `nil` when empty or too long.
  @inline(__always)
  static func key(_ code: String) -> (Words, Int)? {
    let utf8 = code.utf8
    let length = utf8.count
    guard length > 0, length <= maximumCodeLength else { return nil }
    if let words = utf8.withContiguousStorageIfAvailable({ words(UnsafeRawBufferPointer($0)) }) {
      return (words, length)
    }
    return (Array(utf8).withUnsafeBytes(words), length)
  }

  /// Whole words are loaded as they are; the last partial word is loaded from the 8 bytes that
  /// end the code and shifted down, so that no byte outside the buffer is read.
  @inline(__always)
  private static func words(_ bytes: UnsafeRawBufferPointer) -> Words {
    let count = bytes.count
    guard count >= 8 else {
      var word: UInt64 = 0
      for offset in 0..<count { word |= UInt64(bytes[offset]) << UInt64(offset << 3) }
      return (word, 0, 0)
    }
    let last = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    if count == 8 { return (last, 0, 0) }
    let first = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
    if count <= 16 { return (first, last >> UInt64((16 - count) << 3), 0) }
    let second = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    return (first, second, last >> UInt64((24 - count) << 3))
  }

  /// Codes of a service differ in their last bytes, which sit in the high bits of a word, so the
  /// words are folded and then mixed both ways (MurmurHash3's finalizer) before the low bits are
  /// taken.
  @inline(__always)
  private static func slot(_ words: Words, _ length: Int, mask: Int) -> Int {
    var hash = words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
    hash ^= hash >> 33
    hash &*= 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash &*= 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return Int(truncatingIfNeeded: hash) & mask
  }
}
