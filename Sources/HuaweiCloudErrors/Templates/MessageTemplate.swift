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

/// The placeholder grammar, one dialect per function, over Unicode scalars.
enum TemplateParser {
  static func segments(of text: String) -> [MessageTemplate.Segment] {
    let scalars = Array(text.unicodeScalars)
    var segments: [MessageTemplate.Segment] = []
    var literal = String.UnicodeScalarView()
    var positional = 0
    var index = 0

    func flush() {
      guard !literal.isEmpty else { return }
      segments.append(.literal(String(literal)))
      literal = String.UnicodeScalarView()
    }

    while index < scalars.count {
      let scalar = scalars[index]
      var found: (key: String?, length: Int)? = nil
      switch scalar {
      case "%": found = percent(scalars, at: index)
      case "{": found = brace(scalars, at: index)
      case "<": found = angle(scalars, at: index)
      case "[": found = bracket(scalars, at: index)
      default: break
      }
      guard let (key, length) = found else {
        literal.append(scalar)
        index += 1
        continue
      }
      guard let key else {
        // `%%`: one literal percent sign.
        literal.append("%")
        index += length
        continue
      }
      flush()
      let spelling = String(String.UnicodeScalarView(scalars[index..<(index + length)]))
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

  /// The result of a dialect function: `nil` when the text at `index` is literal; otherwise the
  /// key (empty for a positional placeholder, `nil` for an escaped literal) and the length.
  typealias Found = (key: String?, length: Int)

  /// `%s`, `%d`, `%(name)s`, `%(name)d`, and `%%`.
  static func percent(_ scalars: [Unicode.Scalar], at index: Int) -> Found? {
    guard index + 1 < scalars.count else { return nil }
    switch scalars[index + 1] {
    case "s", "d": return ("", 2)
    case "%": return (nil, 2)
    case "(":
      var end = index + 2
      while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
      guard end > index + 2, end + 1 < scalars.count, scalars[end] == ")",
        scalars[end + 1] == "s" || scalars[end + 1] == "d"
      else { return nil }
      return (String(String.UnicodeScalarView(scalars[(index + 2)..<end])), end + 2 - index)
    default: return nil
    }
  }

  /// `{}`, `{0}`, `{name}`.
  static func brace(_ scalars: [Unicode.Scalar], at index: Int) -> Found? {
    var end = index + 1
    while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
    guard end < scalars.count, scalars[end] == "}" else { return nil }
    return (String(String.UnicodeScalarView(scalars[(index + 1)..<end])), end + 1 - index)
  }

  /// `<0>`: digits only, so that markup such as `<br>` stays literal.
  static func angle(_ scalars: [Unicode.Scalar], at index: Int) -> Found? {
    var end = index + 1
    while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
    guard end > index + 1, end < scalars.count, scalars[end] == ">" else { return nil }
    return (String(String.UnicodeScalarView(scalars[(index + 1)..<end])), end + 1 - index)
  }

  /// `[input length]`: two or more words of letters, digits and underscores, starting with a
  /// letter; the key is the inside trimmed.
  static func bracket(_ scalars: [Unicode.Scalar], at index: Int) -> Found? {
    var end = index + 1
    while end < scalars.count, end - index <= 64, isNameScalar(scalars[end]) || scalars[end] == " " { end += 1 }
    guard end < scalars.count, scalars[end] == "]" else { return nil }
    let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
    let words = inside.split(separator: " ")
    guard words.count >= 2, let first = words[0].unicodeScalars.first, isLetter(first) else { return nil }
    return (inside.trimmingSpaces, end + 1 - index)
  }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
  }
}
