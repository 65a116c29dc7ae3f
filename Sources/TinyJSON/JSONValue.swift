/// A parsed JSON value.
///
/// Numbers keep their literal text so that a code sent as `401` round-trips as `"401"` and no
/// precision is lost; objects keep their members in document order.
package enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The string, or `nil` for any other kind of value.
  package var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The integer a number literal spells, or `nil` when it is not a number or not an integer.
  package var intValue: Int? {
    if case .number(let text) = self { return Int(text) }
    return nil
  }

  /// The object, or `nil` for any other kind of value.
  package var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// The elements, or `nil` for any other kind of value.
  package var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// Whether this is JSON `null`.
  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}

/// A JSON object with its members in document order.
///
/// Lookups are linear: the objects this package reads have a handful of keys. When a key occurs
/// twice, the first occurrence wins, as most parsers on the other end of a wire behave.
package struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  package var members: [(key: String, value: JSONValue)]

  package init(_ members: [(key: String, value: JSONValue)] = []) {
    self.members = members
  }

  package init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.members = elements.map { (key: $0.0, value: $0.1) }
  }

  package subscript(key: String) -> JSONValue? {
    members.first { $0.key == key }?.value
  }

  package mutating func append(_ key: String, _ value: JSONValue) {
    members.append((key: key, value: value))
  }

  package var keys: [String] { members.map(\.key) }

  package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.members.elementsEqual(rhs.members) { $0.key == $1.key && $0.value == $1.value }
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(members.count)
    for member in members {
      hasher.combine(member.key)
      hasher.combine(member.value)
    }
  }
}

extension JSONValue {
  /// A string value, or `null` for `nil`.
  package static func string(orNull value: String?) -> JSONValue {
    value.map(JSONValue.string) ?? .null
  }

  /// A number value for an integer.
  package static func int(_ value: Int) -> JSONValue {
    .number(String(value))
  }
}
