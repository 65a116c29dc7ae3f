/// The lenient form of a message, as logs garble them: ASCII letters lowercased, each run of
/// whitespace one space, no whitespace at either end, and one trailing period dropped.
///
/// Values recovered from a lenient match are cut from the original message, so `offsets` maps
/// every lenient byte back to where it came from.
struct LenientText {
  var bytes: [UInt8] = []
  /// The original offset of each byte of `bytes`, then the original end of the kept text; only
  /// filled when asked for.
  var offsets: [Int] = []

  /// The lenient form of `original`; `recordOffsets` fills `offsets`.
  init(_ original: UnsafeBufferPointer<UInt8>, recordOffsets: Bool) {
    bytes.reserveCapacity(original.count)
    if recordOffsets { offsets.reserveCapacity(original.count + 1) }
    var pendingSpace: Int? = nil
    for (offset, byte) in original.enumerated() {
      if Self.isWhitespace(byte) {
        if pendingSpace == nil { pendingSpace = offset }
        continue
      }
      if let space = pendingSpace, !bytes.isEmpty {
        bytes.append(UInt8(ascii: " "))
        if recordOffsets { offsets.append(space) }
      }
      pendingSpace = nil
      bytes.append(Self.lowercased(byte))
      if recordOffsets { offsets.append(offset) }
    }
    if bytes.last == UInt8(ascii: ".") {
      bytes.removeLast()
      if recordOffsets { offsets.removeLast() }
      if bytes.last == UInt8(ascii: " ") {
        bytes.removeLast()
        if recordOffsets { offsets.removeLast() }
      }
    }
    if recordOffsets { offsets.append(offsets.last.map { Self.endOfCharacter(original, at: $0) } ?? 0) }
  }

  /// The offset just past the UTF-8 sequence whose last byte is at `offset`... or whose byte is at
  /// `offset`: the kept text always ends at the end of a whole character.
  private static func endOfCharacter(_ original: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
    var end = offset + 1
    while end < original.count, original[end] & 0xC0 == 0x80 { end += 1 }
    return end
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
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
