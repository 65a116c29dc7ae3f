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
  /// 64 minus the capacity's bits: the product's top bits are the slot.
  private let shift: UInt64
  /// Keys longer than 24 bytes by their hash, with their entries' range in `postings`.
  private let longKeys: [UInt64: [(key: [UInt8], range: Range<Int>)]]
  /// Bit `n - 1` is set when a key longer than 24 bytes has `n` bytes: a long string of another
  /// length is no code, whatever it holds, and is not hashed.
  private let longKeyLengths: (UInt64, UInt64)
  /// The entries of each key, grouped by key, each group in catalog order.
  private let postings: [CatalogEntry]

  /// An index of `codes[i]`, the code of `entries[i]`.
  init(codes: [UnsafeBufferPointer<UInt8>], entries: [CatalogEntry]) {
    // Codes with the same key are neighbours once sorted by key (then by catalog position).
    let keys = codes.map(Self.key)
    let sorted = keys.indices.sorted { a, b in
      let order = Bytes.compare(keys[a], keys[b])
      return order < 0 || (order == 0 && a < b)
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
    shift = UInt64(64 - capacity.trailingZeroBitCount)
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
      var slot = Self.slot(words, key.count, shift: shift)
      while table[slot * 4 + 3] != 0 { slot = (slot + 1) & mask }
      table[slot * 4] = words.0
      table[slot * 4 + 1] = words.1
      table[slot * 4 + 2] = words.2
      table[slot * 4 + 3] = Self.meta(length: key.count, range: range, first: postings[range.lowerBound])
    }
    self.longKeys = longKeys
    self.postings = postings
    var lengths: (UInt64, UInt64) = (0, 0)
    for (key, _) in groups where key.count > 24 {
      precondition(key.count <= Self.maximumCodeLength, "a code is longer than \(Self.maximumCodeLength) bytes")
      if key.count <= 64 { lengths.0 |= 1 << UInt64(key.count - 1) } else { lengths.1 |= 1 << UInt64(key.count - 65) }
    }
    longKeyLengths = lengths
  }

  /// Whether a key longer than 24 bytes has `length` bytes (1 to 128).
  private func isLongKeyLength(_ length: Int) -> Bool {
    guard length > 24 else { return false }
    let bits = length <= 64 ? longKeyLengths.0 >> UInt64(length - 1) : longKeyLengths.1 >> UInt64(length - 65)
    return bits & 1 != 0
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
    // The lengths are checked on the bytes: a native string's are contiguous.
    if let meta = code.utf8.withContiguousStorageIfAvailable({ lookup(bytes: $0) }) { return meta }
    guard code.utf8.count <= Self.maximumCodeLength else { return 0 }
    return Array(code.utf8).withUnsafeBufferPointer { lookup(bytes: $0) }
  }

  /// What a code given as bytes finds (see `meta`); 0 when no service documents it.
  @inline(__always)
  private func lookup(bytes code: UnsafeBufferPointer<UInt8>) -> UInt64 {
    // The common case, a code of 1 to 24 bytes without spaces or tabs: its words are loaded
    // whole and lowered eight bytes at a time, without a branch that depends on the code, since
    // received codes mix lengths and families in no order a predictor could learn.
    if UInt(bitPattern: code.count &- 1) < 24 {
      let loaded = Self.words(UnsafeRawBufferPointer(code))
      if !Self.hasSpaceOrTab(loaded) {
        return find((Self.lowered(loaded.0), Self.lowered(loaded.1), Self.lowered(loaded.2)), length: code.count)
      }
    }
    return slowLookup(code)
  }

  /// The same for the rest: longer codes, codes with spaces or tabs, and the empty string.
  private func slowLookup(_ code: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard !code.isEmpty, code.count <= Self.maximumCodeLength else { return 0 }
    if code.count <= 24 {
      // Spaces or tabs: below.
    } else if !Self.hasSpaceOrTab(UnsafeRawBufferPointer(code)) {
      // A long string without spaces is a code only if a long key has its length: most are not.
      return isLongKeyLength(code.count) ? longLookup(code) : 0
    }
    // Spaces around a code (` IAM.0001 `) are trimmed first, so that what remains takes the
    // paths above.
    var start = 0
    var end = code.count
    while start < end, code[start] == 0x20 || code[start] == 0x09 { start += 1 }
    while end > start, code[end - 1] == 0x20 || code[end - 1] == 0x09 { end -= 1 }
    if end - start < code.count {
      return start == end ? 0 : lookup(bytes: UnsafeBufferPointer(rebasing: code[start..<end]))
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

  /// What a key given as its words finds; 0 when none. A slot is compared whole, in one test.
  @inline(__always)
  private func find(_ words: Words, length: Int) -> UInt64 {
    var slot = Self.slot(words, length, shift: shift)
    while true {
      let meta = table[slot &* 4 &+ 3]
      let differs =
        (table[slot &* 4] ^ words.0) | (table[slot &* 4 &+ 1] ^ words.1) | (table[slot &* 4 &+ 2] ^ words.2)
        | ((meta ^ UInt64(truncatingIfNeeded: length)) & 0x1F)
      if differs == 0 { return meta }
      // An empty slot's length, 0, differs from every key's.
      if meta == 0 { return 0 }
      slot = (slot &+ 1) & mask
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
      guard isLongKeyLength(length) else { return 0 }
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

  /// The key's bytes as three zero-padded little-endian words, for 1 to 24 bytes. No byte outside
  /// the buffer is read: overlapping loads that end the buffer are shifted down, and a shift by
  /// 64 or more gives 0, so lengths of 8 to 24 take one path with no branch on the length.
  @inline(__always)
  private static func words(_ bytes: UnsafeRawBufferPointer) -> Words {
    let count = bytes.count
    guard count >= 8 else { return (shortWord(bytes), 0, 0) }
    let first = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
    // Bytes 8..<16 (of a key of 16 or more), else the last 8 bytes, whose top `count - 8` are
    // bytes 8..<count.
    let middle = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: min(count, 16) - 8, as: UInt64.self))
    // Bytes 16..<count are the top `count - 16` of the last 8.
    let last = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    return (first, middle >> UInt64(max(0, 16 - count) << 3), last >> UInt64((24 - count) << 3))
  }

  /// A key of 1 to 7 bytes as one zero-padded little-endian word, from overlapping loads.
  @inline(__always)
  private static func shortWord(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let count = bytes.count
    if count >= 4 {
      let first = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
      let last = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
      return first | last << UInt64((count - 4) << 3)
    }
    // One to three bytes: the first, the middle and the last.
    return UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << UInt64((count >> 1) << 3)
      | UInt64(bytes[count - 1]) << UInt64((count - 1) << 3)
  }

  /// Non-zero when a byte of `word` is a space or a tab (the zero bytes that pad a key are neither).
  @inline(__always)
  private static func spacesAndTabs(_ word: UInt64) -> UInt64 {
    ByteLanes.firstEqual(word, 0x20) | ByteLanes.firstEqual(word, 0x09)
  }

  /// Whether a key's words hold a space or a tab byte.
  @inline(__always)
  private static func hasSpaceOrTab(_ words: Words) -> Bool {
    spacesAndTabs(words.0) | spacesAndTabs(words.1) | spacesAndTabs(words.2) != 0
  }

  /// Whether more than 8 bytes hold a space or a tab, read 8 at a time.
  private static func hasSpaceOrTab(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var found: UInt64 = 0
    var offset = 0
    while offset + 8 <= bytes.count {
      found |= spacesAndTabs(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    return found | spacesAndTabs(bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) != 0
  }

  /// A word with its ASCII capitals lowered, eight bytes at once: each gets bit 5.
  @inline(__always)
  private static func lowered(_ word: UInt64) -> UInt64 {
    word | (ByteLanes.inRange(word, UInt8(ascii: "A"), UInt8(ascii: "Z")) >> 2)
  }

  /// The words are folded into one and multiplied by an odd constant; the slot is the product's
  /// top bits, which every bit of the fold reaches (codes of a service differ in their last bytes,
  /// the high bits of a word).
  @inline(__always)
  private static func slot(_ words: Words, _ length: Int, shift: UInt64) -> Int {
    let folded =
      words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F)
      ^ UInt64(truncatingIfNeeded: length)
    return Int(truncatingIfNeeded: (folded &* 0xFF51_AFD7_ED55_8CCD) &>> shift)
  }
}
