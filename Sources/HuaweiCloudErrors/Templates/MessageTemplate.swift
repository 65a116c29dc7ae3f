/// A documented message split into literal text and placeholders.
///
/// Huawei Cloud's tables write placeholders in several dialects; all are recognised, and each
/// placeholder gets the key its arguments are stored under:
///
/// | written | key |
/// |---|---|
/// | `%(name)s`, `%(name)d` | `name` |
/// | `%s`, `%d`, `{}` | `"0"`, `"1"`, … by position among these |
/// | `{0}`, `<0>` | the index written, `"0"` |
/// | `{name}` | `name` (the gateway's `{xxx}`) |
/// | `[input length]` | the words inside, trimmed: `input length` |
///
/// Anything else stays literal: a `%` not followed by `s`, `d` or `(name)s` (`90% and`), `%%`
/// (a literal `%`, as in printf), a `{` that does not close over digits or a name (JSON
/// examples), a `<` that does not close over digits (`<br>`), and a `[` whose inside is not
/// two or more plain words (`[1]`, `[ERROR]`, `[APIGW.0301]`).
public struct MessageTemplate: Hashable, Sendable {
  /// A piece of a template.
  public enum Segment: Hashable, Sendable {
    case literal(String)
    case placeholder(Placeholder)
  }

  /// A placeholder: the key its value is stored under and how the template writes it.
  public struct Placeholder: Hashable, Sendable {
    /// The argument key (`"0"`, `"key"`, `"input length"`).
    public let key: String
    /// The placeholder as written in the template (`%s`, `{0}`, `[input length]`).
    public let spelling: String
  }

  /// The template's text, as documented.
  public let text: String
  /// Literal runs and placeholders, in order; adjacent literals are merged.
  public let segments: [Segment]

  /// Parses a message; every string is a valid template (one without placeholders is all literal).
  public init(_ text: String) {
    self.text = text
    self.segments = TemplateParser.segments(of: text)
  }

  /// The placeholders in order of appearance.
  public var placeholders: [Placeholder] {
    segments.compactMap {
      if case .placeholder(let placeholder) = $0 { return placeholder }
      return nil
    }
  }

  /// The distinct argument keys, in order of first appearance.
  public var keys: [String] {
    var seen: Set<String> = []
    return placeholders.map(\.key).filter { seen.insert($0).inserted }
  }

  /// Whether the template has any placeholder.
  public var hasPlaceholders: Bool {
    segments.contains {
      if case .placeholder = $0 { return true }
      return false
    }
  }

  /// The template with `arguments` substituted.
  ///
  /// A placeholder without a value stays visible as written (`%s`); values for keys the template
  /// does not have are ignored. Values are inserted once and never scanned again, so a value that
  /// looks like a placeholder stays as it is.
  public func render(_ arguments: TemplateArguments = [:]) -> String {
    var output = ""
    for segment in segments {
      switch segment {
      case .literal(let text): output += text
      case .placeholder(let placeholder): output += arguments[placeholder.key] ?? placeholder.spelling
      }
    }
    return output
  }
}

extension MessageTemplate: CustomStringConvertible {
  /// The template's text.
  public var description: String { text }
}

extension MessageTemplate: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) {
    self.init(value)
  }
}

/// The placeholder grammar, one dialect per function. Every placeholder syntax is ASCII, and no
/// byte of a multi-byte UTF-8 character is, so the text is read as bytes and cut only at ASCII
/// delimiters.
enum TemplateParser {
  static func segments(of text: String) -> [MessageTemplate.Segment] {
    // Most documented texts have no byte a placeholder starts with: they are one literal, the
    // text itself (the catalog's indexes parse every text when first used).
    let mayHavePlaceholders = text.withUTF8Bytes { bytes in
      bytes.contains {
        $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "[")
      }
    }
    guard mayHavePlaceholders else { return text.isEmpty ? [] : [.literal(text)] }
    let bytes = Array(text.utf8)
    var segments: [MessageTemplate.Segment] = []
    var literal: [UInt8] = []
    var positional = 0
    var index = 0

    func flush() {
      guard !literal.isEmpty else { return }
      segments.append(.literal(String(decoding: literal, as: UTF8.self)))
      literal.removeAll(keepingCapacity: true)
    }

    while index < bytes.count {
      let byte = bytes[index]
      var found: (key: String?, length: Int)? = nil
      switch byte {
      case UInt8(ascii: "%"): found = percent(bytes, at: index)
      case UInt8(ascii: "{"): found = brace(bytes, at: index)
      case UInt8(ascii: "<"): found = angle(bytes, at: index)
      case UInt8(ascii: "["): found = bracket(bytes, at: index)
      default: break
      }
      guard let (key, length) = found else {
        literal.append(byte)
        index += 1
        continue
      }
      guard let key else {
        // `%%`: one literal percent sign.
        literal.append(UInt8(ascii: "%"))
        index += length
        continue
      }
      flush()
      let spelling = string(bytes, index..<(index + length))
      let resolvedKey: String
      if key.isEmpty {
        resolvedKey = String(positional)
        positional += 1
      } else {
        resolvedKey = key
      }
      segments.append(.placeholder(.init(key: resolvedKey, spelling: spelling)))
      index += length
    }
    flush()
    return segments
  }

  private static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The result of a dialect function: `nil` when the text at `index` is literal; otherwise the
  /// key (empty for a positional placeholder, `nil` for an escaped literal) and the length.
  typealias Found = (key: String?, length: Int)

  /// `%s`, `%d`, `%(name)s`, `%(name)d`, and `%%`.
  static func percent(_ bytes: [UInt8], at index: Int) -> Found? {
    guard index + 1 < bytes.count else { return nil }
    switch bytes[index + 1] {
    case UInt8(ascii: "s"), UInt8(ascii: "d"): return ("", 2)
    case UInt8(ascii: "%"): return (nil, 2)
    case UInt8(ascii: "("):
      var end = index + 2
      while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
      guard end > index + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: ")"),
        bytes[end + 1] == UInt8(ascii: "s") || bytes[end + 1] == UInt8(ascii: "d")
      else { return nil }
      return (string(bytes, (index + 2)..<end), end + 2 - index)
    default: return nil
    }
  }

  /// `{}`, `{0}`, `{name}`.
  static func brace(_ bytes: [UInt8], at index: Int) -> Found? {
    var end = index + 1
    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: "}") else { return nil }
    return (string(bytes, (index + 1)..<end), end + 1 - index)
  }

  /// `<0>`: digits only, so that markup such as `<br>` stays literal.
  static func angle(_ bytes: [UInt8], at index: Int) -> Found? {
    var end = index + 1
    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
    guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ">") else { return nil }
    return (string(bytes, (index + 1)..<end), end + 1 - index)
  }

  /// `[input length]`: two or more words of letters, digits and underscores, starting with a
  /// letter; the key is the inside trimmed.
  static func bracket(_ bytes: [UInt8], at index: Int) -> Found? {
    var end = index + 1
    while end < bytes.count, end - index <= 64, isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: " ") { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: "]") else { return nil }
    let inside = string(bytes, (index + 1)..<end)
    let words = inside.split(separator: " ")
    guard words.count >= 2, let first = words[0].utf8.first, isLetter(first) else { return nil }
    return (inside.trimmingSpaces, end + 1 - index)
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  static func isNameByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
  }
}
