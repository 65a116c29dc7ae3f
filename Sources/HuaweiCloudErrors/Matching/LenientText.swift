/// The lenient form of a message, as logs garble them: ASCII letters lowercased, each run of
/// whitespace one space, no whitespace at either end, and one trailing period dropped.
enum LenientText {
  /// The part of `original` the lenient form keeps: without surrounding whitespace and without
  /// one trailing period (and the whitespace before it).
  static func keptRange(of original: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var end = original.count
    while end > 0, isWhitespace(original[end - 1]) { end -= 1 }
    if end > 0, original[end - 1] == UInt8(ascii: ".") {
      end -= 1
      while end > 0, isWhitespace(original[end - 1]) { end -= 1 }
    }
    var start = 0
    while start < end, isWhitespace(original[start]) { start += 1 }
    return start..<end
  }

  /// Calls `emit` with each byte of the lenient form and the offset in `original` it stands for
  /// (a collapsed run of whitespace stands at its first byte), until `emit` returns `false`. The
  /// one walk of the lenient form: writing it and mapping positions back both use it.
  @inline(__always)
  static func forEachByte(of original: UnsafeBufferPointer<UInt8>, _ emit: (UInt8, Int) -> Bool) {
    guard let bytes = original.baseAddress else { return }
    let kept = keptRange(of: original)
    var pendingSpace = -1  // where a run of whitespace not yet emitted starts
    var offset = kept.lowerBound
    while offset < kept.upperBound {
      let byte = bytes[offset]
      if isWhitespace(byte) {
        if pendingSpace < 0 { pendingSpace = offset }
      } else {
        if pendingSpace >= 0 {
          guard emit(UInt8(ascii: " "), pendingSpace) else { return }
          pendingSpace = -1
        }
        guard emit(lowercased(byte), offset) else { return }
      }
      offset += 1
    }
  }

  /// Writes the lenient form into `output` (at least as long as `original`); returns its length.
  static func write(_ original: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var count = 0
    forEachByte(of: original) { byte, _ in
      output[count] = byte
      count += 1
      return true
    }
    return count
  }

  /// The offset in `original` that lenient byte `position` stands for; for the lenient form's
  /// length, the original end of the kept text. What maps a lenient match back onto the message
  /// as received.
  static func originalOffset(of position: Int, in original: UnsafeBufferPointer<UInt8>) -> Int {
    var found: Int? = nil
    var index = 0
    forEachByte(of: original) { _, offset in
      if index == position { found = offset }
      index += 1
      return found == nil
    }
    return found ?? keptRange(of: original).upperBound
  }

  /// ``originalOffset(of:in:)`` for each of `positions`, which ascend, in one pass.
  static func originalOffsets(of positions: [Int], in original: UnsafeBufferPointer<UInt8>) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(positions.count)
    var index = 0
    forEachByte(of: original) { _, offset in
      while result.count < positions.count, positions[result.count] == index { result.append(offset) }
      index += 1
      return result.count < positions.count
    }
    if result.count < positions.count {
      let end = keptRange(of: original).upperBound
      while result.count < positions.count { result.append(end) }
    }
    return result
  }

  /// FNV-1a over the bytes: a cheap hash for the table of whole texts.
  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    // Space, \t \n \v \f \r as bits of one mask: no branch per byte.
    byte < 64 && (0x1_0000_3E00 as UInt64) >> UInt64(byte) & 1 != 0
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
  }

  /// Whether the bytes are the same but for ASCII letter case.
  static func equalIgnoringCase(_ a: some Sequence<UInt8>, _ b: some Sequence<UInt8>) -> Bool {
    a.elementsEqual(b) { lowercased($0) == lowercased($1) }
  }
}

extension LenientText {
  /// The lenient literals of a template: the same rules applied across the whole template, with
  /// placeholders as boundaries, so that `literals[i]` is what must appear between placeholder
  /// `i - 1` and placeholder `i` in a lenient message.
  static func literals(of template: MessageTemplate) -> [[UInt8]] {
    // Each literal is built in `current` and moved into the list at a placeholder: appending to
    // an element of the list in place would check its uniqueness at every byte.
    var literals: [[UInt8]] = []
    var current: [UInt8] = []
    current.reserveCapacity(template.text.utf8.count)
    var pendingSpace = false
    var started = false
    for segment in template.segments {
      switch segment {
      case .literal(let text):
        text.withUTF8Bytes { bytes in
          for byte in bytes {
            if isWhitespace(byte) {
              pendingSpace = started
              continue
            }
            if pendingSpace { current.append(UInt8(ascii: " ")) }
            pendingSpace = false
            started = true
            current.append(lowercased(byte))
          }
        }
      case .placeholder:
        if pendingSpace { current.append(UInt8(ascii: " ")) }
        pendingSpace = false
        started = true
        literals.append(current)
        current.removeAll(keepingCapacity: true)
      }
    }
    if current.last == UInt8(ascii: ".") {
      current.removeLast()
      if current.last == UInt8(ascii: " ") { current.removeLast() }
    }
    literals.append(current)
    return literals
  }
}
