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
  /// (a collapsed run of whitespace stands at its first byte).
  @inline(__always)
  static func forEachByte(of original: UnsafeBufferPointer<UInt8>, _ emit: (UInt8, Int) -> Void) {
    var pendingSpace: Int? = nil
    for offset in keptRange(of: original) {
      let byte = original[offset]
      if isWhitespace(byte) {
        if pendingSpace == nil { pendingSpace = offset }
        continue
      }
      if let space = pendingSpace {
        emit(UInt8(ascii: " "), space)
        pendingSpace = nil
      }
      emit(lowercased(byte), offset)
    }
  }

  /// Writes the lenient form into `output` (at least as long as `original`); returns its length.
  static func write(_ original: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    // `forEachByte` written out for the one caller on every message's path: no offsets kept.
    guard let source = original.baseAddress, let target = output.baseAddress else { return 0 }
    let kept = keptRange(of: original)
    var count = 0
    var pendingSpace = false
    var offset = kept.lowerBound
    while offset < kept.upperBound {
      let byte = source[offset]
      offset += 1
      if isWhitespace(byte) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        target[count] = UInt8(ascii: " ")
        count += 1
        pendingSpace = false
      }
      target[count] = lowercased(byte)
      count += 1
    }
    return count
  }

  /// The offset in `original` that lenient byte `position` stands for; for the lenient form's
  /// length, the original end of the kept text. What maps a lenient match back onto the message
  /// as received.
  static func originalOffset(of position: Int, in original: UnsafeBufferPointer<UInt8>) -> Int {
    // `forEachByte` written out, to stop at `position`.
    let kept = keptRange(of: original)
    var index = 0
    var pendingSpace: Int? = nil
    var offset = kept.lowerBound
    while offset < kept.upperBound {
      let byte = original[offset]
      if isWhitespace(byte) {
        if pendingSpace == nil { pendingSpace = offset }
        offset += 1
        continue
      }
      if let space = pendingSpace {
        if index == position { return space }
        index += 1
        pendingSpace = nil
      }
      if index == position { return offset }
      index += 1
      offset += 1
    }
    return kept.upperBound
  }

  /// ``originalOffset(of:in:)`` for each of `positions`, which ascend, in one pass.
  static func originalOffsets(of positions: [Int], in original: UnsafeBufferPointer<UInt8>) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(positions.count)
    var index = 0
    forEachByte(of: original) { _, offset in
      while result.count < positions.count, positions[result.count] == index { result.append(offset) }
      index += 1
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
    var literals: [[UInt8]] = [[]]
    var pendingSpace = false
    var started = false
    for segment in template.segments {
      switch segment {
      case .literal(let text):
        for byte in text.utf8 {
          if isWhitespace(byte) {
            pendingSpace = started
            continue
          }
          if pendingSpace { literals[literals.count - 1].append(UInt8(ascii: " ")) }
          pendingSpace = false
          started = true
          literals[literals.count - 1].append(lowercased(byte))
        }
      case .placeholder:
        if pendingSpace { literals[literals.count - 1].append(UInt8(ascii: " ")) }
        pendingSpace = false
        started = true
        literals.append([])
      }
    }
    if literals[literals.count - 1].last == UInt8(ascii: ".") {
      literals[literals.count - 1].removeLast()
      if literals[literals.count - 1].last == UInt8(ascii: " ") { literals[literals.count - 1].removeLast() }
    }
    return literals
  }
}
