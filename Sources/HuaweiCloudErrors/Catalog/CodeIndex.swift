/// Finds the entries of a code in constant time without allocating.
///
/// Codes compare ignoring ASCII letter case and spaces (`iam.0066` is `IAM.0066`, `DCS.4855` is
/// DCS's `DCS. 4855`): a code's key is its bytes with letters lowered and spaces and tabs left
/// out. Nearly every key fits in 24 bytes and is read as three zero-padded little-endian 64-bit
/// words, looked up in an open-addressing table of such words: one mixing hash, then whole-word
/// comparisons; no string is hashed or compared byte by byte. The few longer keys (OBS's
/// `IllegalLocationConstraintException`) are in a dictionary of their own. A received code
/// longer than ``maximumCodeLength`` is no catalog code and is rejected unread.
///
/// This is one of the library's unsafe fast paths. The table is a buffer allocated once, for the
/// life of the process, so that the index is a trivial value a lookup reads without retaining
/// anything; every index into it is `slot * 4 + k` with `slot` masked to the table's capacity and
/// `k < 4`.
struct CodeIndex: @unchecked Sendable {  // the table is written only in `init`
  /// Strings longer than this (in UTF-8 bytes) are never codes: the longest documented code has
  /// 68.
  static let maximumCodeLength = 128

  typealias Words = (UInt64, UInt64, UInt64)

  /// Four words per slot: the key's three words, then what it finds (see `meta`): the key's
  /// length (bits 0…4; 0 marks an empty slot), the number of its entries (bits 5…12), where they
  /// start in `postings` (bits 13…31) and the first of them (bits 32…63), so that the common
  /// lookup, a code one service documents, reads nothing but its slot.
  private let table: UnsafeMutableBufferPointer<UInt64>
  private let mask: Int
  /// Keys longer than 24 bytes by their hash, with their entries' range in `postings`.
  private let longKeys: [UInt64: [(key: [UInt8], range: Range<Int>)]]
  /// The longest key's length: a longer string is no code, whatever it holds.
  private let longestKey: Int
  /// The entries of each key, grouped by key, each group in catalog order.
  private let postings: [CatalogEntry]

  /// An index of `codes[i]`, the code of `entries[i]`.
  init(codes: [UnsafeBufferPointer<UInt8>], entries: [CatalogEntry]) {
    // Codes with the same key are neighbours once sorted by key (then by catalog position).
    let keys = codes.map(Self.key)
    let sorted = keys.indices.sorted { a, b in
      keys[a].lexicographicallyPrecedes(keys[b]) || (keys[a] == keys[b] && a < b)
    }
    var postings: [CatalogEntry] = []
    postings.reserveCapacity(codes.count)
    var groups: [(key: [UInt8], range: Range<Int>)] = []
    var start = 0
    while start < sorted.count {
      var end = start + 1
      while end < sorted.count, keys[sorted[end]] == keys[sorted[start]] { end += 1 }
      for position in start..<end { postings.append(entries[sorted[position]]) }
      groups.append((keys[sorted[start]], start..<end))
      start = end
    }
    var capacity = 16
    // At most about two thirds full: short probes, and half the memory (and cache misses) of a
    // table kept half empty.
    while capacity * 2 < groups.count * 3 { capacity *= 2 }
    mask = capacity - 1
    // Aligned to a cache line, so that a slot (32 bytes) never straddles two: one miss a probe.
    let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * 32, alignment: 64)
    table = UnsafeMutableBufferPointer(
      start: raw.bindMemory(to: UInt64.self, capacity: capacity * 4), count: capacity * 4)
    table.initialize(repeating: 0)
    var longKeys: [UInt64: [(key: [UInt8], range: Range<Int>)]] = [:]
    for (key, range) in groups {
      guard key.count <= 24 else {
        longKeys[CatalogIndexes.hash(key), default: []].append((key, range))
        continue
      }
      let words = key.withUnsafeBytes { Self.words($0) }
      var slot = Self.slot(words, key.count, mask: mask)
      while table[slot * 4 + 3] != 0 { slot = (slot + 1) & mask }
      table[slot * 4] = words.0
      table[slot * 4 + 1] = words.1
      table[slot * 4 + 2] = words.2
      table[slot * 4 + 3] = Self.meta(length: key.count, range: range, first: postings[range.lowerBound])
    }
    self.longKeys = longKeys
    self.postings = postings
    longestKey = groups.map(\.key.count).max() ?? 0
  }

  /// A slot's last word: what a key finds.
  private static func meta(length: Int, range: Range<Int>, first: CatalogEntry) -> UInt64 {
    precondition(
      length < 32 && range.count < 256 && range.lowerBound < 1 << 19, "a code index slot cannot hold \(range)")
    return UInt64(length) | UInt64(range.count) << 5 | UInt64(range.lowerBound) << 13 | UInt64(first.packed) << 32
  }

  /// Where a slot's entries are in `postings`; empty for 0, no entry.
  private static func range(of meta: UInt64) -> Range<Int> {
    let start = Int(truncatingIfNeeded: (meta >> 13) & 0x7FFFF)
    return start..<(start + Int(truncatingIfNeeded: (meta >> 5) & 0xFF))
  }

  /// The entries of `code` (letter case and spaces aside), in catalog order; empty when no
  /// service documents it.
  func entries(code: String) -> ArraySlice<CatalogEntry> {
    postings[Self.range(of: lookup(code: code))]
  }

  /// The entries of a code given as bytes.
  func entries(bytes code: UnsafeBufferPointer<UInt8>) -> ArraySlice<CatalogEntry> {
    postings[Self.range(of: lookup(bytes: code))]
  }

  /// The first entry of `code` (letter case and spaces aside) and how many there are; without
  /// allocating or retaining anything.
  func firstEntry(code: String) -> (entry: CatalogEntry, count: Int)? {
    let meta = lookup(code: code)
    guard meta != 0 else { return nil }
    return (CatalogEntry(packed: UInt32(truncatingIfNeeded: meta >> 32)), Self.range(of: meta).count)
  }

  /// What a code given as a string finds, read in place (see `meta`); 0 when none.
  @inline(__always)
  private func lookup(code: String) -> UInt64 {
    let utf8 = code.utf8
    guard !utf8.isEmpty, utf8.count <= Self.maximumCodeLength else { return 0 }
    return utf8.withContiguousStorageIfAvailable { lookup(bytes: $0) }
      ?? Array(utf8).withUnsafeBufferPointer { lookup(bytes: $0) }
  }

  /// What a code given as bytes finds (see `meta`); 0 when no service documents it.
  private func lookup(bytes code: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard !code.isEmpty, code.count <= Self.maximumCodeLength else { return 0 }
    // The common case, a code of up to 24 bytes without spaces or tabs: its words are loaded
    // whole and lowered eight bytes at a time.
    if code.count <= 24 {
      let loaded = Self.words(UnsafeRawBufferPointer(code))
      if !Self.hasSpaceOrTab(loaded.0), !Self.hasSpaceOrTab(loaded.1), !Self.hasSpaceOrTab(loaded.2) {
        return find((Self.lowered(loaded.0), Self.lowered(loaded.1), Self.lowered(loaded.2)), length: code.count)
      }
    }
    // Otherwise lowered and packed into the words as they are read, little-endian, as `words(_:)`
    // loads them, with no buffer, spaces and tabs left out.
    var words: Words = (0, 0, 0)
    var length = 0
    for byte in code where byte != 0x20 && byte != 0x09 {
      guard length < 24 else { return longLookup(code) }
      let shifted = UInt64(LenientText.lowercased(byte)) << UInt64((length & 7) << 3)
      switch length >> 3 {
      case 0: words.0 |= shifted
      case 1: words.1 |= shifted
      default: words.2 |= shifted
      }
      length += 1
    }
    guard length > 0 else { return 0 }
    return find(words, length: length)
  }

  /// What a key given as its words finds; 0 when none.
  @inline(__always)
  private func find(_ words: Words, length: Int) -> UInt64 {
    var slot = Self.slot(words, length, mask: mask)
    while true {
      let meta = table[slot * 4 + 3]
      if meta == 0 { return 0 }
      if meta & 0x1F == UInt64(length), table[slot * 4] == words.0, table[slot * 4 + 1] == words.1,
        table[slot * 4 + 2] == words.2
      {
        return meta
      }
      slot = (slot + 1) & mask
    }
  }

  /// The same for a key longer than 24 bytes (length 31 in what it finds: no slot holds one).
  private func longLookup(_ code: UnsafeBufferPointer<UInt8>) -> UInt64 {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumCodeLength) { buffer in
      var length = 0
      for byte in code where byte != 0x20 && byte != 0x09 {
        buffer[length] = LenientText.lowercased(byte)
        length += 1
      }
      guard length > 0, length <= longestKey else { return 0 }
      let key = UnsafeBufferPointer(rebasing: buffer[..<length])
      let candidates = longKeys[CatalogIndexes.hash(key)] ?? []
      guard let range = candidates.first(where: { Bytes.equal($0.key, key) })?.range else { return 0 }
      return Self.meta(length: 31, range: range, first: postings[range.lowerBound])
    }
  }

  /// A code's key: letters lowered, spaces and tabs left out.
  static func key(_ code: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    code.filter { $0 != 0x20 && $0 != 0x09 }.map(LenientText.lowercased)
  }

  /// Whole words are loaded as they are; the last partial word is loaded from the 8 bytes that
  /// end the key and shifted down, so that no byte outside the buffer is read.
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

  /// Whether a word holds a space or a tab byte (the zero bytes that pad a key are neither): a
  /// byte equal to one of them is a zero byte of the word xor that byte repeated.
  @inline(__always)
  private static func hasSpaceOrTab(_ word: UInt64) -> Bool {
    func hasZeroByte(_ value: UInt64) -> Bool {
      (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080 != 0
    }
    return hasZeroByte(word ^ 0x2020_2020_2020_2020) || hasZeroByte(word ^ 0x0909_0909_0909_0909)
  }

  /// A word with its ASCII capitals lowered, eight bytes at once: a byte gets bit 5 when its low
  /// seven bits are at least `A` and below `[`, and its high bit is clear.
  @inline(__always)
  private static func lowered(_ word: UInt64) -> UInt64 {
    let low = word & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F
    let pastZ = low &+ 0x2525_2525_2525_2525
    let capitals = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
    return word | (capitals >> 2)
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
