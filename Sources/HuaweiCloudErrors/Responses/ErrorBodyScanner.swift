import TinyJSON

/// Reads the error fields out of a JSON object body without building the object: only the
/// values of the keys below are decoded; everything else is skipped in place.
///
/// It reads at least what Huawei Cloud's official SDKs read, in their order:
/// - a code and message pair at the top level, `error_code`/`error_msg`, then
///   `errorCode`/`errorMsg`, then `code`/`message`;
/// - failing that, the objects nested under any key, searched the same way depth first in
///   document order, a later pair overriding an earlier one (as the SDKs' loop over the values
///   does), which finds IAM's Keystone-style `{"error": {"code": 401, "message": …}}`;
/// - `encoded_authorization_message` from the object with the pair, or the last searched object
///   that has one.
///
/// Beyond the SDKs, a code without a message and a message without a code are kept, also under
/// `error_message` and `error_description`, and a `request_id` in the body is read. A code may be
/// a JSON string or number (kept as its literal text). Reading stops at the first fault, keeping
/// what it read before it.
struct ErrorBodyScanner {
  /// What the body says.
  struct Fields: Equatable {
    var code: String?
    var message: String?
    var encodedAuthorizationMessage: String?
    var requestID: String?
    /// Where and why reading stopped early, if it did.
    var fault: JSONError?
  }

  /// One object's own fields, before choosing between levels.
  private struct Level {
    /// Pair schemes in order: `error_code`/`error_msg`, `errorCode`/`errorMsg`, `code`/`message`.
    var pairCodes: [String?] = [nil, nil, nil]
    var pairMessages: [String?] = [nil, nil, nil]
    /// Message keys without a code partner, in order of preference.
    var otherMessages: [String?] = [nil, nil]
    /// An OAuth-style `"error": "invalid_request"`.
    var errorString: String?
    var encodedAuthorizationMessage: String?
    var requestID: String?
    /// The last nested object with a pair (the SDKs' choice), and the first nested object with
    /// anything at all (for bodies with no pair anywhere).
    var nested: Fields?
    var nestedPartial: Fields?
    /// The last `encoded_authorization_message` found in the nested objects searched.
    var nestedEncodedAuthorizationMessage: String?

    var pair: (code: String, message: String)? {
      for scheme in 0..<3 {
        if let code = pairCodes[scheme], let message = pairMessages[scheme] { return (code, message) }
      }
      return nil
    }

    var anyCode: String? { pairCodes.lazy.compactMap { $0 }.first ?? errorString }
    var anyMessage: String? { (pairMessages + otherMessages).lazy.compactMap { $0 }.first }
  }

  /// Scans the object starting at the reader's position (after whitespace).
  static func scan(_ reader: inout JSONReader) -> Fields {
    var level = Level()
    var fault: JSONError? = nil
    do {
      try scanObject(&reader, into: &level, depth: 0)
      reader.skipWhitespace()
      if !reader.isAtEnd { fault = JSONError(.trailingContent, at: reader.position) }
    } catch {
      fault = error
    }
    var fields = resolve(level)
    fields.fault = fault
    return fields
  }

  /// Chooses the fields of an object: its own pair, else a nested pair, else what it has.
  private static func resolve(_ level: Level) -> Fields {
    var fields = Fields()
    fields.requestID = level.requestID ?? level.nested?.requestID ?? level.nestedPartial?.requestID
    if let pair = level.pair {
      fields.code = pair.code
      fields.message = pair.message
      fields.encodedAuthorizationMessage = level.encodedAuthorizationMessage
      return fields
    }
    if let nested = level.nested {
      fields.code = nested.code
      fields.message = nested.message
    } else {
      fields.code = level.anyCode ?? level.nestedPartial?.code
      fields.message = level.anyMessage ?? level.nestedPartial?.message
    }
    fields.encodedAuthorizationMessage = level.nestedEncodedAuthorizationMessage ?? level.encodedAuthorizationMessage
    return fields
  }

  private static func scanObject(_ reader: inout JSONReader, into level: inout Level, depth: Int) throws(JSONError) {
    try reader.expect(UInt8(ascii: "{"))
    if reader.consume(UInt8(ascii: "}")) { return }
    repeat {
      let key = try reader.scanString()
      try reader.expect(UInt8(ascii: ":"))
      reader.skipWhitespace()
      if reader.token(key, equals: "error_code") {
        level.pairCodes[0] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "error_msg") {
        level.pairMessages[0] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "errorCode") {
        level.pairCodes[1] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "errorMsg") {
        level.pairMessages[1] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "code") {
        level.pairCodes[2] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "message") {
        level.pairMessages[2] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "error_message") {
        level.otherMessages[0] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "error_description") {
        level.otherMessages[1] = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "encoded_authorization_message") {
        level.encodedAuthorizationMessage = try scalar(&reader, depth: depth)
      } else if reader.token(key, equals: "request_id") {
        level.requestID = try scalar(&reader, depth: depth)
      } else if reader.current == UInt8(ascii: "{"), depth + 1 < reader.maximumDepth {
        var inner = Level()
        defer {
          // Even a nested object that breaks off keeps what it had.
          let fields = resolve(inner)
          if inner.pair != nil || inner.nested != nil { level.nested = fields }
          if level.nestedPartial == nil, fields.code != nil || fields.message != nil { level.nestedPartial = fields }
          if let encoded = fields.encodedAuthorizationMessage { level.nestedEncodedAuthorizationMessage = encoded }
        }
        try scanObject(&reader, into: &inner, depth: depth + 1)
      } else if reader.token(key, equals: "error"), reader.current == UInt8(ascii: "\"") {
        level.errorString = try reader.readString()
      } else {
        try reader.skipValue(depth: depth + 1)
      }
    } while reader.consume(UInt8(ascii: ","))
    try reader.expect(UInt8(ascii: "}"))
  }

  /// A string's text or a number's literal; `nil` for `null`, booleans, arrays and objects
  /// (which are skipped).
  private static func scalar(_ reader: inout JSONReader, depth: Int) throws(JSONError) -> String? {
    switch reader.current ?? 0 {
    case UInt8(ascii: "\""): return try reader.readString()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return reader.text(try reader.scanNumber())
    default:
      try reader.skipValue(depth: depth + 1)
      return nil
    }
  }
}
