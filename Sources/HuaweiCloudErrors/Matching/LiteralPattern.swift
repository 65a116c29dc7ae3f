/// A template compiled for matching: the literal byte runs between its placeholders.
///
/// Matching is anchored at both ends and linear in the message: the first and last literals are
/// compared in place, and each literal in between is found by Knuth–Morris–Pratt at its leftmost
/// position after the previous one, which is where any match can put it (each placeholder takes
/// at least one character, or none when empty values are allowed, and taking less leaves the rest
/// of the template the most room). No step ever goes back over the message.
struct LiteralPattern: Sendable {
  /// The literals, one after another, in one array: a candidate is checked with one read of
  /// contiguous memory, not one per literal.
  private let bytes: [UInt8]
  /// Where each literal ends in `bytes`; empty when there is no middle literal, the common case,
  /// since only middle literals are searched for.
  private let ends: [Int32]
  /// KMP failure tables of the middle literals, one after another: the table of the literal at
  /// `bytes[range]` is `failures[range]` shifted down by the first literal's length. Nothing for
  /// the first and last literals, which are compared in place.
  private let failures: [Int32]
  /// The number of placeholders: one less than the literals.
  let placeholderCount: Int
  /// The first literal's length and the last one's start, so that the anchors need no `ends`.
  private let firstCount: Int
  private let lastStart: Int

  init(literals: [[UInt8]]) {
    let hasMiddle = literals.count > 2
    var bytes: [UInt8] = []
    bytes.reserveCapacity(literals.reduce(0) { $0 + $1.count })
    var ends: [Int32] = []
    var failures: [Int32] = []
    for (index, literal) in literals.enumerated() {
      bytes += literal
      if hasMiddle { ends.append(Int32(bytes.count)) }
      if index > 0 && index < literals.count - 1 { failures += Self.failureTable(literal) }
    }
    self.bytes = bytes
    self.ends = ends
    self.failures = failures
    placeholderCount = literals.count - 1
    firstCount = literals[0].count
    lastStart = bytes.count - literals[literals.count - 1].count
  }

  /// The total length of the literals.
  var literalLength: Int { bytes.count }

  /// The first literal (the whole text when there are no placeholders).
  var firstLiteral: [UInt8] { Array(bytes[..<firstCount]) }
  /// The last literal.
  var lastLiteral: [UInt8] { Array(bytes[lastStart...]) }
  /// The first literal's length.
  var firstLiteralCount: Int { firstCount }

  /// Whether `buffer` is exactly the first literal.
  func firstLiteralEquals(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard buffer.count == firstCount else { return false }
    return firstLiteralIsPrefix(of: buffer, count: firstCount)
  }

  /// Whether `buffer` starts with the first `count` bytes of the first literal.
  func firstLiteralIsPrefix(of buffer: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
    guard count >= 0, count <= firstCount, count <= buffer.count else { return false }
    return bytes.withUnsafeBufferPointer { own in
      Bytes.equal(own.baseAddress, buffer.baseAddress, count: count)
    }
  }

  /// Which anchors of a message are known to hold the pattern's first or last literal.
  struct Anchors: OptionSet {
    let rawValue: UInt8
    /// The message starts with the first literal.
    static let first = Anchors(rawValue: 1)
    /// The message ends with the last literal.
    static let last = Anchors(rawValue: 2)
  }

  /// The byte ranges of the placeholder values in `message`, each of at least one character, or
  /// `nil` when it does not fit. The literals in `verified` are not compared again.
  func match(_ message: UnsafeBufferPointer<UInt8>, verified: Anchors = []) -> [Range<Int>]? {
    match(message, verified: verified, collectingValues: true, allowingEmptyValues: false)
  }

  /// Whether `message` may fit with empty values allowed, by its length (every literal, one after
  /// another) and its first and last bytes against the first and last literal's: a test cheap
  /// enough to make before the call.
  @inline(__always)
  func mayFitAllowingEmptyValues(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
    let lastCount = bytes.count - lastStart
    guard placeholderCount > 0, message.count >= bytes.count else { return false }
    return (firstCount == 0 || bytes[0] == message[0])
      && (lastCount == 0 || bytes[bytes.count - 1] == message[message.count - 1])
  }

  /// The byte ranges of the placeholder values in `message` as ``match(_:verified:)`` finds them,
  /// but where a value may also be empty; `nil` when it does not fit even so. A separate function,
  /// so that the common one keeps its constant bounds.
  func matchAllowingEmptyValues(_ message: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
    match(message, verified: [], collectingValues: true, allowingEmptyValues: true)
  }

  /// Whether a lenient `message` may fit this lenient pattern with empty values where it fits
  /// without: it starts with the first literal and ends with the last, and is too short to hold a
  /// value of at least one byte in each placeholder, yet long enough to hold every literal (each
  /// junction of two literals may lose a space to the lenient form, and the end a period and
  /// spaces). One or two comparisons of lengths, then at most two of bytes.
  @inline(__always)
  func leavesNoRoomForValues(_ message: UnsafeBufferPointer<UInt8>, verified: Anchors = []) -> Bool {
    let lastCount = bytes.count - lastStart
    guard placeholderCount > 0, message.count < bytes.count + placeholderCount,
      message.count + 2 * placeholderCount + 4 >= bytes.count, message.count >= firstCount, message.count >= lastCount
    else { return false }
    return bytes.withUnsafeBufferPointer { own in hasAnchors(own, in: message, verified: verified) }
  }

  /// Whether `message` starts with the first literal and ends with the last, but for those in
  /// `verified`; `own` is `bytes`, and `message` is at least as long as either literal.
  @inline(__always)
  private func hasAnchors(
    _ own: UnsafeBufferPointer<UInt8>, in message: UnsafeBufferPointer<UInt8>, verified: Anchors
  ) -> Bool {
    let lastCount = bytes.count - lastStart
    return (verified.contains(.first) || Bytes.equal(own.baseAddress, message.baseAddress, count: firstCount))
      && (verified.contains(.last)
        || Bytes.equal(
          own.baseAddress.map { $0 + lastStart }, message.baseAddress.map { $0 + message.count - lastCount },
          count: lastCount))
  }

  /// Whether `message` fits, found as ``match(_:verified:)`` finds it but without an array of
  /// values: a filter that allocates nothing.
  func fits(_ message: UnsafeBufferPointer<UInt8>, verified: Anchors = []) -> Bool {
    match(message, verified: verified, collectingValues: false, allowingEmptyValues: false) != nil
  }

  @inline(__always)
  private func match(
    _ message: UnsafeBufferPointer<UInt8>, verified: Anchors, collectingValues: Bool, allowingEmptyValues: Bool
  ) -> [Range<Int>]? {
    guard placeholderCount > 0 else { return firstLiteralEquals(message) ? [] : nil }
    let lastCount = bytes.count - lastStart
    // Every literal, one after another, and a byte for each value unless it may be empty.
    guard message.count >= bytes.count + (allowingEmptyValues ? 0 : placeholderCount) else { return nil }
    return bytes.withUnsafeBufferPointer { own -> [Range<Int>]? in
      let end = message.count - lastCount
      guard hasAnchors(own, in: message, verified: verified) else { return nil }
      var values: [Range<Int>] = []
      if collectingValues { values.reserveCapacity(placeholderCount) }
      var position = firstCount
      if placeholderCount > 1 {
        let found = ends.withUnsafeBufferPointer { ends in
          failures.withUnsafeBufferPointer { failures in
            for literal in 1..<placeholderCount {
              // The value before this literal takes at least one whole character, or may be empty.
              let searchStart = allowingEmptyValues ? position : Self.nextCharacter(message, after: position)
              let range = Int(ends[literal - 1])..<Int(ends[literal])
              let table = (range.lowerBound - firstCount)..<(range.upperBound - firstCount)
              guard
                let found = Self.search(
                  UnsafeBufferPointer(rebasing: own[range]), UnsafeBufferPointer(rebasing: failures[table]),
                  in: message, from: searchStart, to: end)
              else { return false }
              if collectingValues { values.append(position..<found) }
              position = found + range.count
            }
            return true
          }
        }
        guard found else { return nil }
      }
      guard position < end || (allowingEmptyValues && position == end) else { return nil }
      if collectingValues { values.append(position..<end) }
      return values
    }
  }

  /// The leftmost start of `needle` within `message[from..<to]`.
  private static func search(
    _ needle: UnsafeBufferPointer<UInt8>, _ failure: UnsafeBufferPointer<Int32>,
    in message: UnsafeBufferPointer<UInt8>, from: Int, to: Int
  ) -> Int? {
    guard !needle.isEmpty else { return from < to ? from : nil }
    var matched = 0
    var position = from
    while position < to {
      // Nothing matched yet: skip to the next byte that can start the needle (linear still).
      if matched == 0 {
        guard
          let next = Bytes.firstIndex(
            of: needle[0], in: UnsafeBufferPointer(rebasing: message[..<to]), from: position)
        else { return nil }
        position = next
      }
      let byte = message[position]
      while matched > 0 && needle[matched] != byte { matched = Int(failure[matched - 1]) }
      if needle[matched] == byte { matched += 1 }
      position += 1
      if matched == needle.count { return position - needle.count }
    }
    return nil
  }

  private static func failureTable(_ needle: [UInt8]) -> [Int32] {
    var table = [Int32](repeating: 0, count: needle.count)
    var length = 0
    var index = 1
    while index < needle.count {
      if needle[index] == needle[length] {
        length += 1
        table[index] = Int32(length)
        index += 1
      } else if length > 0 {
        length = Int(table[length - 1])
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
