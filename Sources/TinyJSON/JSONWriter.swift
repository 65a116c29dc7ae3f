/// Where ``JSONWriter`` writes: a `String`, or bytes on their way to a file descriptor.
protocol JSONOutput {
  /// Appends text that is already JSON.
  mutating func appendJSONText(_ text: String)
}

extension String: JSONOutput {
  mutating func appendJSONText(_ text: String) {
    append(text)
  }
}

extension [UInt8]: JSONOutput {
  mutating func appendJSONText(_ text: String) {
    write(text)
  }
}

extension [UInt8] {
  /// Appends the text's UTF-8 bytes: JSON written as bytes, on its way to a file descriptor.
  ///
  /// `public` and `@inlinable` (this module is no product of the package) so that the command
  /// line's writers, which call it for every punctuation mark of every answer, inline it: a
  /// `package` declaration is never inlined into another module.
  @inlinable
  public mutating func write(_ text: String) {
    if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
  }
}

/// Writes JSON text: members in the order given, `/` and non-ASCII left as they are, control
/// characters escaped. The output is deterministic, which the generated catalog files rely on.
public enum JSONWriter {
  /// Appends `string` as a quoted, escaped JSON string.
  package static func appendQuoted(_ string: String, to output: inout String) {
    appendQuoted(string, into: &output)
  }

  /// Appends `string` as a quoted, escaped JSON string, as UTF-8 bytes. A string with nothing to
  /// escape, nearly every one, is appended whole, inlined in the caller (see `write(_:)`).
  @inlinable
  public static func appendQuoted(_ string: String, to output: inout [UInt8]) {
    let isPlain: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        return false
      }
      output.append(UInt8(ascii: "\""))
      output.append(contentsOf: bytes)
      output.append(UInt8(ascii: "\""))
      return true
    }
    if isPlain != true { appendEscaped(string, to: &output) }
  }

  /// Appends `string` quoted, escaping what needs it.
  @usableFromInline
  static func appendEscaped(_ string: String, to output: inout [UInt8]) {
    appendQuoted(string, into: &output)
  }

  /// Appends `string` as a quoted, escaped JSON string, or `null` for `nil`, as UTF-8 bytes.
  package static func appendQuoted(orNull string: String?, to output: inout [UInt8]) {
    guard let string else { return output.appendJSONText("null") }
    appendQuoted(string, to: &output)
  }

  private static func appendQuoted(_ string: String, into output: inout some JSONOutput) {
    output.appendJSONText("\"")
    // Most texts need no escape: appended whole, after one pass over their bytes.
    let needsEscape: (UInt8) -> Bool = { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    if !(string.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) }
      ?? string.utf8.contains(where: needsEscape))
    {
      output.appendJSONText(string)
      output.appendJSONText("\"")
      return
    }
    var pending = string.utf8.startIndex
    let utf8 = string.utf8
    var index = pending
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        output.appendJSONText(String(string[pending..<index]))
        switch byte {
        case UInt8(ascii: "\""): output.appendJSONText("\\\"")
        case UInt8(ascii: "\\"): output.appendJSONText("\\\\")
        case 0x0A: output.appendJSONText("\\n")
        case 0x0D: output.appendJSONText("\\r")
        case 0x09: output.appendJSONText("\\t")
        case 0x08: output.appendJSONText("\\b")
        case 0x0C: output.appendJSONText("\\f")
        default:
          let hex = String(byte, radix: 16)
          output.appendJSONText("\\u00" + (hex.count == 1 ? "0" + hex : hex))
        }
        index = utf8.index(after: index)
        pending = index
      } else {
        index = utf8.index(after: index)
      }
    }
    output.appendJSONText(String(string[pending..<utf8.endIndex]))
    output.appendJSONText("\"")
  }

  /// `string` as a quoted, escaped JSON string.
  package static func quoted(_ string: String) -> String {
    var output = ""
    appendQuoted(string, to: &output)
    return output
  }
}

extension JSONValue {
  /// The value as JSON text: on one line, or indented by two spaces per level when `pretty`.
  package func serialized(pretty: Bool = false) -> String {
    var output = ""
    write(to: &output, pretty: pretty, indent: 0)
    return output
  }

  /// JSON text already written on one line, to be written as it is by ``serialized(pretty:)``
  /// without `pretty`: what lets a writer reuse a part it wrote before.
  package static func verbatim(_ compactJSON: String) -> JSONValue {
    .number(compactJSON)
  }

  private func write(to output: inout String, pretty: Bool, indent: Int) {
    switch self {
    case .null: output.append("null")
    case .bool(let value): output.append(value ? "true" : "false")
    case .number(let text): output.append(text)
    case .string(let value): JSONWriter.appendQuoted(value, to: &output)
    case .array(let elements):
      guard !elements.isEmpty else { return output.append("[]") }
      output.append("[")
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(",") }
        Self.newline(&output, pretty: pretty, indent: indent + 1)
        element.write(to: &output, pretty: pretty, indent: indent + 1)
      }
      Self.newline(&output, pretty: pretty, indent: indent)
      output.append("]")
    case .object(let object):
      guard !object.members.isEmpty else { return output.append("{}") }
      output.append("{")
      for (offset, member) in object.members.enumerated() {
        if offset > 0 { output.append(",") }
        Self.newline(&output, pretty: pretty, indent: indent + 1)
        JSONWriter.appendQuoted(member.key, to: &output)
        output.append(pretty ? ": " : ":")
        member.value.write(to: &output, pretty: pretty, indent: indent + 1)
      }
      Self.newline(&output, pretty: pretty, indent: indent)
      output.append("}")
    }
  }

  private static func newline(_ output: inout String, pretty: Bool, indent: Int) {
    guard pretty else { return }
    output.append("\n")
    output.append(String(repeating: "  ", count: indent))
  }
}
