/// A template compiled for matching: the literal byte runs between its placeholders.
///
/// Matching is anchored at both ends and linear in the message: the first and last literals are
/// compared in place, and each literal in between is found by Knuth–Morris–Pratt at its leftmost
/// position after the previous one, which is where any match can put it (each placeholder takes
/// at least one character, and taking less leaves the rest of the template the most room). No
/// step ever goes back over the message.
struct LiteralPattern: Sendable {
  /// `placeholderCount + 1` literals; the first and last may be empty.
  let literals: [[UInt8]]
  /// KMP failure tables of the middle literals (index 0 and the last are unused and empty).
  private let failures: [[Int]]

  init(literals: [[UInt8]]) {
    self.literals = literals
    failures = literals.indices.map { index in
      index == 0 || index == literals.count - 1 ? [] : Self.failureTable(literals[index])
    }
  }

  var placeholderCount: Int { literals.count - 1 }

  /// The total length of the literals.
  var literalLength: Int { literals.reduce(0) { $0 + $1.count } }

  /// The byte ranges of the placeholder values in `message`, or `nil` when it does not fit.
  func match(_ message: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
    let first = literals[0]
    guard placeholderCount > 0 else {
      return Bytes.equal(first, message) ? [] : nil
    }
    let last = literals[literals.count - 1]
    guard message.count >= first.count + last.count + placeholderCount,
      Bytes.hasPrefix(message, first, at: 0), Bytes.hasPrefix(message, last, at: message.count - last.count)
    else { return nil }
    let end = message.count - last.count
    var values: [Range<Int>] = []
    values.reserveCapacity(placeholderCount)
    var position = first.count
    for index in 1..<(literals.count - 1) {
      // The value before this literal takes at least one whole character.
      let searchStart = Self.nextCharacter(message, after: position)
      guard let found = search(literal: index, in: message, from: searchStart, to: end) else { return nil }
      values.append(position..<found)
      position = found + literals[index].count
    }
    guard position < end else { return nil }
    values.append(position..<end)
    return values
  }

  /// The leftmost start of literal `index` within `message[from..<to]`.
  private func search(literal index: Int, in message: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    let needle = literals[index]
    guard !needle.isEmpty else { return from < to ? from : nil }
    let failure = failures[index]
    var matched = 0
    var position = from
    while position < to {
      let byte = message[position]
      while matched > 0 && needle[matched] != byte { matched = failure[matched - 1] }
      if needle[matched] == byte { matched += 1 }
      position += 1
      if matched == needle.count { return position - needle.count }
    }
    return nil
  }

  private static func failureTable(_ needle: [UInt8]) -> [Int] {
    var table = [Int](repeating: 0, count: needle.count)
    var length = 0
    var index = 1
    while index < needle.count {
      if needle[index] == needle[length] {
        length += 1
        table[index] = length
        index += 1
      } else if length > 0 {
        length = table[length - 1]
      } else {
        index += 1
      }
    }
    return table
  }

  /// The offset of the character after the one starting at `position` (UTF-8 continuation bytes
  /// skipped), so that a one-character value never splits a character.
  private static func nextCharacter(_ message: UnsafeBufferPointer<UInt8>, after position: Int) -> Int {
    var next = position + 1
    while next < message.count, message[next] & 0xC0 == 0x80 { next += 1 }
    return next
  }
}
