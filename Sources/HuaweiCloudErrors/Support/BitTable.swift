/// One bit per position, packed 64 to a word: a flag the response path asks of every entry or row
/// fits in about a kilobyte, which stays in a processor's nearest caches where a table of records
/// would not.
struct BitTable: Sendable {
  private let words: [UInt64]

  /// The bits of `count` positions, set where `isSet` holds.
  init(count: Int, _ isSet: (Int) -> Bool) {
    var words = [UInt64](repeating: 0, count: (count + 63) / 64)
    for position in 0..<count where isSet(position) {
      words[position >> 6] |= 1 << UInt64(position & 63)
    }
    self.words = words
  }

  /// Whether the bit at `position` is set; `false` outside the table.
  subscript(position: Int) -> Bool {
    guard position >= 0, position >> 6 < words.count else { return false }
    return (words[position >> 6] >> UInt64(position & 63)) & 1 != 0
  }
}
