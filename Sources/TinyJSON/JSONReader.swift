/// Why a JSON text could not be read, and where.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// The input ended inside a value.
    case truncated
    /// A byte that cannot start or continue a value here.
    case unexpectedByte(UInt8)
    /// A string holds a raw control character or a bad escape.
    case invalidString
    /// A number does not follow JSON's grammar.
    case invalidNumber
    /// Arrays and objects nest deeper than the reader's limit.
    case tooDeep
    /// Something other than whitespace follows the value.
    case trailingContent
  }

  public var kind: Kind
  /// The byte offset at which reading stopped.
  public var offset: Int

  public init(_ kind: Kind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  public var description: String {
    switch kind {
    case .truncated: "JSON ends early at byte \(offset)"
    case .unexpectedByte(let byte): "unexpected byte 0x\(String(byte, radix: 16)) at offset \(offset)"
    case .invalidString: "invalid string at byte \(offset)"
    case .invalidNumber: "invalid number at byte \(offset)"
    case .tooDeep: "JSON nests deeper than the limit at byte \(offset)"
    case .trailingContent: "unexpected content after the JSON value at byte \(offset)"
    }
  }
}

/// A forward-only JSON reader over a byte buffer: the one place in this package that reads
/// JSON bytes.
///
/// It works on an `UnsafeBufferPointer` so that `[UInt8]`, `Data` and a NIO `ByteBuffer`'s bytes
/// are all read in place without a copy. Every access goes through `byte(at:)` or a loop bounded
/// by `bytes.count`; nothing here recurses except `parseValue`, whose depth is capped.
///
/// It and `JSONError` are `public`, not `package`, only so that the compiler inlines the small
/// methods into the package's other modules: its cross-module optimization covers `public`
/// declarations and not `package` ones (without library evolution). The module is no product,
/// so this is not API of the package.
public struct JSONReader {
  public let bytes: UnsafeBufferPointer<UInt8>
  public var position: Int
  /// The deepest nesting of arrays and objects accepted.
  public let maximumDepth: Int

  public init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int = 64) {
    self.bytes = bytes
    self.position = 0
    self.maximumDepth = maximumDepth
  }

  /// Whether the reader is at the end of its input.
  public var isAtEnd: Bool { position >= bytes.count }

  /// The byte at the current position, or `nil` at the end.
  public var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// Moves past JSON whitespace.
  @inlinable public mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  /// Consumes `byte` (after whitespace) and returns `true`, or leaves the position and returns `false`.
  @inlinable public mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard current == byte else { return false }
    position += 1
    return true
  }

  /// Consumes `byte` after whitespace or throws.
  @inlinable public mutating func expect(_ byte: UInt8) throws(JSONError) {
    skipWhitespace()
    guard let found = current else { throw JSONError(.truncated, at: position) }
    guard found == byte else { throw JSONError(.unexpectedByte(found), at: position) }
    position += 1
  }

  // MARK: Strings

  /// A string token: the byte range between its quotes and whether it holds escapes.
  public struct StringToken {
    public var range: Range<Int>
    public var hasEscapes: Bool

    public init(range: Range<Int>, hasEscapes: Bool) {
      self.range = range
      self.hasEscapes = hasEscapes
    }
  }

  /// Reads past a string (at its opening quote, after whitespace) without decoding it.
  public mutating func scanString() throws(JSONError) -> StringToken {
    // Most strings start right here and hold nothing to attend to: one pass to the closing quote.
    if position < bytes.count, let base = bytes.baseAddress, base[position] == UInt8(ascii: "\"") {
      let end = Self.plainStringEnd(base, from: position &+ 1, count: bytes.count)
      if end < bytes.count, base[end] == UInt8(ascii: "\"") {
        defer { position = end &+ 1 }
        return StringToken(range: (position &+ 1)..<end, hasEscapes: false)
      }
    }
    try expect(UInt8(ascii: "\""))
    let start = position
    var hasEscapes = false
    while position < bytes.count {
      skipPlainStringBytes()
      guard position < bytes.count else { break }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return StringToken(range: start..<(position - 1), hasEscapes: hasEscapes)
      case UInt8(ascii: "\\"):
        hasEscapes = true
        try skipEscape()
      default:  // a control character
        throw JSONError(.invalidString, at: position)
      }
    }
    throw JSONError(.truncated, at: bytes.count)
  }

  /// Moves past one escape sequence (at its backslash), checking it, so that a string that scans
  /// always decodes.
  private mutating func skipEscape() throws(JSONError) {
    guard position + 1 < bytes.count else { throw JSONError(.truncated, at: bytes.count) }
    switch bytes[position + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      position += 2
    case UInt8(ascii: "u"):
      guard position + 6 <= bytes.count else { throw JSONError(.truncated, at: bytes.count) }
      guard Self.hexUnit(UnsafeBufferPointer(rebasing: bytes[(position + 2)..<(position + 6)]), at: 0) != nil else {
        throw JSONError(.invalidString, at: position)
      }
      position += 6
    default:
      throw JSONError(.invalidString, at: position)
    }
  }

  /// Moves past string bytes that need no attention (not `"`, `\\` or a control character).
  private mutating func skipPlainStringBytes() {
    guard let base = bytes.baseAddress else { return }
    position = Self.plainStringEnd(base, from: position, count: bytes.count)
  }

  /// The first offset at or after `position` whose byte a string cannot hold as it is (`"`, `\\`
  /// or a control character), or `count`: eight bytes at a time while eight remain, the loop every
  /// message and key goes through.
  @inline(__always)
  private static func plainStringEnd(_ base: UnsafePointer<UInt8>, from position: Int, count: Int) -> Int {
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var position = position
    while position &+ 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
      // A byte of `word ^ pattern` is zero where `word` has the pattern's byte; `x - ones & ~x & highs`
      // is non-zero exactly when some byte of x is zero. Control characters are the bytes below 0x20.
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let special =
        ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
      let found = special & highs
      if found != 0 {
        // The lowest flag is exact (a borrow only spoils the bytes above it): the first special byte.
        return position &+ found.trailingZeroBitCount &>> 3
      }
      position &+= 8
    }
    while position < count {
      let byte = base[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return position }
      position &+= 1
    }
    return position
  }

  /// Decodes a string token. Invalid UTF-8 and unpaired surrogates become U+FFFD.
  public func decode(_ token: StringToken) throws(JSONError) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[token.range])
    guard token.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
    var output: [UInt8] = []
    output.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      guard byte == UInt8(ascii: "\\") else {
        output.append(byte)
        index += 1
        continue
      }
      guard index + 1 < raw.count else { throw JSONError(.invalidString, at: token.range.lowerBound + index) }
      let escape = raw[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        guard let unit = Self.hexUnit(raw, at: index) else {
          throw JSONError(.invalidString, at: token.range.lowerBound + index)
        }
        index += 4
        var scalar = Unicode.Scalar(unit)
        if (0xD800..<0xDC00).contains(unit), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"),
          raw[index + 1] == UInt8(ascii: "u"), let low = Self.hexUnit(raw, at: index + 2),
          (0xDC00..<0xE000).contains(low)
        {
          scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
          index += 6
        }
        UTF8.encode(scalar ?? "\u{FFFD}") { output.append($0) }
      default:
        throw JSONError(.invalidString, at: token.range.lowerBound + index - 1)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hexUnit(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
    guard index + 4 <= raw.count else { return nil }
    var value: UInt16 = 0
    for offset in 0..<4 {
      let byte = raw[index + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  /// Reads and decodes a string (after whitespace).
  public mutating func readString() throws(JSONError) -> String {
    try decode(scanString())
  }

  /// Whether the token's raw bytes equal an ASCII key (escaped keys never match; none of the
  /// keys this package looks for is ever sent escaped).
  public func token(_ token: StringToken, equals key: StaticString) -> Bool {
    guard !token.hasEscapes, token.range.count == key.utf8CodeUnitCount else { return false }
    let keyBytes = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
    var offset = 0
    for index in token.range {
      guard bytes[index] == keyBytes[offset] else { return false }
      offset += 1
    }
    return true
  }

  // MARK: Numbers and literals

  /// Reads past a number (after whitespace) and returns its literal text's range.
  public mutating func scanNumber() throws(JSONError) -> Range<Int> {
    skipWhitespace()
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    guard let first = current else { throw JSONError(.truncated, at: position) }
    if first == UInt8(ascii: "0") {
      position += 1
    } else if Self.isDigit(first) {
      skipDigits()
    } else {
      throw JSONError(.invalidNumber, at: position)
    }
    if current == UInt8(ascii: ".") {
      position += 1
      guard let digit = current, Self.isDigit(digit) else { throw JSONError(.invalidNumber, at: position) }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard let digit = current, Self.isDigit(digit) else { throw JSONError(.invalidNumber, at: position) }
      skipDigits()
    }
    return start..<position
  }

  private mutating func skipDigits() {
    while let byte = current, Self.isDigit(byte) { position += 1 }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The text of a byte range, decoded as UTF-8 with repair.
  public func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
    let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    for expected in literalBytes {
      guard let byte = current else { throw JSONError(.truncated, at: position) }
      guard byte == expected else { throw JSONError(.unexpectedByte(byte), at: position) }
      position += 1
    }
  }

  // MARK: Whole values

  /// Reads past one value of any kind without building it. Nesting is tracked in a bit stack, not
  /// by recursion, and is capped at `maximumDepth` (at most 64) counting the `depth` the value
  /// itself sits at.
  public mutating func skipValue(depth startDepth: Int = 0) throws(JSONError) {
    var kinds: UInt64 = 0  // bit n set: level n is an object
    var depth = 0
    let limit = min(maximumDepth, 64) - startDepth
    while true {
      // At the start of a value.
      skipWhitespace()
      guard let byte = current else { throw JSONError(.truncated, at: position) }
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        guard depth < limit else { throw JSONError(.tooDeep, at: position) }
        let isObject = byte == UInt8(ascii: "{")
        kinds = isObject ? kinds | (1 << UInt64(depth)) : kinds & ~(1 << UInt64(depth))
        depth += 1
        position += 1
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if consume(close) {
          depth -= 1
          break
        }
        if isObject { try skipKey() }
        continue
      case UInt8(ascii: "\""): _ = try scanString()
      case UInt8(ascii: "t"): try expectLiteral("true")
      case UInt8(ascii: "f"): try expectLiteral("false")
      case UInt8(ascii: "n"): try expectLiteral("null")
      default: _ = try scanNumber()
      }
      // After a value: close containers or move to the next element.
      while depth > 0 {
        let isObject = kinds & (1 << UInt64(depth - 1)) != 0
        if consume(UInt8(ascii: ",")) {
          if isObject { try skipKey() }
          break
        }
        try expect(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        depth -= 1
      }
      if depth == 0 { return }
    }
  }

  private mutating func skipKey() throws(JSONError) {
    _ = try scanString()
    try expect(UInt8(ascii: ":"))
  }

  /// Builds the value at the current position. Recursion is bounded by `maximumDepth`.
  package mutating func parseValue(depth: Int = 0) throws(JSONError) -> JSONValue {
    skipWhitespace()
    guard let byte = current else { throw JSONError(.truncated, at: position) }
    switch byte {
    case UInt8(ascii: "{"):
      guard depth < maximumDepth else { throw JSONError(.tooDeep, at: position) }
      position += 1
      var object = JSONObject()
      if consume(UInt8(ascii: "}")) { return .object(object) }
      repeat {
        let key = try readString()
        try expect(UInt8(ascii: ":"))
        object.append(key, try parseValue(depth: depth + 1))
      } while consume(UInt8(ascii: ","))
      try expect(UInt8(ascii: "}"))
      return .object(object)
    case UInt8(ascii: "["):
      guard depth < maximumDepth else { throw JSONError(.tooDeep, at: position) }
      position += 1
      var array: [JSONValue] = []
      if consume(UInt8(ascii: "]")) { return .array(array) }
      repeat {
        array.append(try parseValue(depth: depth + 1))
      } while consume(UInt8(ascii: ","))
      try expect(UInt8(ascii: "]"))
      return .array(array)
    case UInt8(ascii: "\""):
      return .string(try readString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    default:
      guard byte == UInt8(ascii: "-") || Self.isDigit(byte) else {
        throw JSONError(.unexpectedByte(byte), at: position)
      }
      return .number(text(try scanNumber()))
    }
  }
}

extension JSONValue {
  /// Parses a whole JSON text: one value with only whitespace around it.
  package static func parse(_ bytes: some Collection<UInt8>, maximumDepth: Int = 64) throws(JSONError) -> JSONValue {
    let result: Result<JSONValue, JSONError>? = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(JSONError) -> JSONValue in try parse(buffer: buffer, maximumDepth: maximumDepth) }
    }
    if let result { return try result.get() }
    return try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONError) in
      try parse(buffer: buffer, maximumDepth: maximumDepth)
    }
  }

  /// Parses a whole JSON text held in a string.
  package static func parse(_ text: String, maximumDepth: Int = 64) throws(JSONError) -> JSONValue {
    try parse(Array(text.utf8), maximumDepth: maximumDepth)
  }

  private static func parse(buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(JSONError) -> JSONValue {
    var reader = JSONReader(buffer, maximumDepth: maximumDepth)
    let value = try reader.parseValue()
    reader.skipWhitespace()
    guard reader.isAtEnd else { throw JSONError(.trailingContent, at: reader.position) }
    return value
  }
}
