import TinyJSON

/// Reads the error fields out of a JSON object body without building the object: values are
/// noted as byte ranges while scanning, and only the chosen ones are decoded at the end;
/// everything else is skipped in place.
///
/// It reads at least what Huawei Cloud's official SDKs read, in their order:
/// - a code and message pair at the top level, `error_code`/`error_msg`, then
///   `errorCode`/`errorMsg`, then `code`/`message`, then the pairs some services write:
///   `errorCode`/`errorMessage`, `errCode`/`errMsg`, `error_code`/`error_message`. A code is
///   reported with the message of its own pair;
/// - failing that, the objects nested under any key, searched the same way depth first in
///   document order, a later pair overriding an earlier one (as the SDKs' loop over the values
///   does), which finds IAM's Keystone-style `{"error": {"code": 401, "message": …}}`;
/// - `encoded_authorization_message` from the object with the pair, or the last searched object
///   that has one;
/// - `details`, the list some services add (Java's `SdkErrorMessage.details`): each element's own
///   pair, or a string element as a message, up to ``maximumDetails``.
///
/// Beyond the SDKs, a code without a message and a message without a code are kept, also under
/// `error_message`, `error_description`, and RDS's `errCode` and `externalMessage`, and a
/// `request_id` in the body is read. A code may be
/// a JSON string or number (kept as its literal text). Keys are read as the SDKs' JSON decoders
/// read them: escapes decoded, and a key written twice keeps only its last value (a nested error
/// object under it included). Reading stops at the first fault, keeping what it read before it.
enum ErrorBodyScanner {
  /// What the body says.
  struct Fields: Equatable {
    var code: String?
    var message: String?
    var encodedAuthorizationMessage: String?
    var requestID: String?
    /// A `status_code` number, as the Go SDK writes its errors (read for log lines).
    var statusCode: Int?
    /// The `details` list of the object with the pair (or of the top level).
    var details: [HuaweiCloudError.Detail] = []
    /// Where and why reading stopped early, if it did.
    var fault: JSONError?
  }

  /// A scalar value seen while scanning: where it is and how to read it. Trivial, so that levels
  /// copy without reference counting.
  fileprivate struct Value {
    var range: Range<Int>
    /// A string token (decoded), rather than a number (taken as written).
    var isString: Bool
    var hasEscapes: Bool
  }

  /// The chosen values of an object, before decoding. Trivial, like `Value`: choosing copies it.
  fileprivate struct Chosen {
    var code: Value?
    var message: Value?
    var encodedAuthorizationMessage: Value?
    var requestID: Value?
    var statusCode: Value?

    var hasAny: Bool { code != nil || message != nil }
  }

  /// The most `details` elements kept: a hostile body cannot make the error grow without bound.
  static let maximumDetails = 64

  /// A nested object's findings, under the key it was read from.
  private struct Nested {
    /// The key it was read under, as it is in the body: read only when another key may repeat it.
    var name: JSONReader.StringToken
    var chosen: Chosen
    /// The `details` that go with `chosen`.
    var details: [(code: Value?, message: Value?)]
    /// It, or an object inside it, has a code and message pair.
    var hasPair: Bool
    /// No later value under the same key replaced it.
    var isLive = true
  }

  /// The keys the scanner acts on; any other key's object value is searched as a nested object.
  private enum Key {
    case errorCode, errorMsg, camelCode, camelMessage, plainCode, plainMessage
    case errorMessage, errorDescription, errCode, errMsg, camelLongMessage, externalMessage
    case details, encodedAuthorizationMessage, requestID, statusCode, error, other

    /// The key a name (decoded, if it had escapes) is: one comparison or three, chosen by the
    /// name's length, for every key of every body.
    init(_ name: UnsafeBufferPointer<UInt8>) {
      func named(_ key: StaticString) -> Bool {
        // Lengths are equal where this is asked; a loop this short beats a call to `memcmp`.
        var index = 0
        while index < name.count, key.utf8Start[index] == name[index] { index += 1 }
        return index == name.count
      }
      switch name.count {
      case 4: self = named("code") ? .plainCode : .other
      case 5: self = named("error") ? .error : .other
      case 6: self = named("errMsg") ? .errMsg : .other
      case 7:
        self = named("message") ? .plainMessage : named("errCode") ? .errCode : named("details") ? .details : .other
      case 8: self = named("errorMsg") ? .camelMessage : .other
      case 9: self = named("error_msg") ? .errorMsg : named("errorCode") ? .camelCode : .other
      case 10: self = named("error_code") ? .errorCode : named("request_id") ? .requestID : .other
      case 11: self = named("status_code") ? .statusCode : .other
      case 12: self = named("errorMessage") ? .camelLongMessage : .other
      case 13: self = named("error_message") ? .errorMessage : .other
      case 15: self = named("externalMessage") ? .externalMessage : .other
      case 17: self = named("error_description") ? .errorDescription : .other
      case 29: self = named("encoded_authorization_message") ? .encodedAuthorizationMessage : .other
      default: self = .other
      }
    }
  }

  /// One object's own values. It is large, so it is not copyable, and what is asked of it is
  /// `mutating` though nothing changes: a getter is handed a copy of the whole level, a mutating
  /// one its address.
  private struct Level: ~Copyable {
    // The pair schemes, in order: `error_code`/`error_msg`, `errorCode`/`errorMsg`, `code`/`message`.
    var errorCode: Value?
    var errorMsg: Value?
    var camelCode: Value?
    var camelMessage: Value?
    var plainCode: Value?
    var plainMessage: Value?
    /// The further pairs' messages: `errorMessage` (with `errorCode`), `errMsg` (with `errCode`);
    /// `error_message` (with `error_code`) is `errorMessage` below.
    var camelLongMessage: Value?
    var errMsg: Value?
    /// Message keys without a code partner, in order of preference.
    var errorMessage: Value?
    var errorDescription: Value?
    var externalMessage: Value?
    /// Code keys without a message partner: RDS's `errCode`, an OAuth-style `"error": "invalid_request"`.
    var errCode: Value?
    var errorString: Value?
    var encodedAuthorizationMessage: Value?
    var requestID: Value?
    var statusCode: Value?
    var details: [(code: Value?, message: Value?)] = []
    /// The nested objects that said something, in document order. A key written twice keeps
    /// only its last value, as every SDK's JSON decoder does, so a later duplicate retires the
    /// earlier object (a search of the list finds it, or `nestedKeys` once the list is long).
    var nestedObjects: [Nested] = []
    /// The position of each live nested object by key, built once there are more than
    /// `linearKeyLimit`: a hostile body with thousands of nested objects stays linear, and the
    /// usual one or two cost no hashing.
    var nestedKeys: [String: Int]? = nil
    static let linearKeyLimit = 8

    /// The last nested object with a pair (the SDKs' choice).
    var nested: Chosen? { mutating get { nestedObjects.last(where: { $0.isLive && $0.hasPair })?.chosen } }
    /// The first nested object with anything at all (for bodies with no pair anywhere).
    var nestedPartial: Chosen? {
      mutating get { nestedObjects.first(where: { $0.isLive && $0.chosen.hasAny })?.chosen }
    }
    /// The last `encoded_authorization_message` found in the nested objects searched.
    var nestedEncodedAuthorizationMessage: Value? {
      mutating get {
        nestedObjects.last(where: { $0.isLive && $0.chosen.encodedAuthorizationMessage != nil })?.chosen
          .encodedAuthorizationMessage
      }
    }

    /// Forgets what an earlier value under the key `name` said: the value read next replaces it.
    mutating func retire(_ name: JSONReader.StringToken, _ reader: JSONReader) {
      // Live objects have distinct keys: every key read retires the object before it.
      if nestedKeys != nil {
        if let index = nestedKeys?.removeValue(forKey: keyName(name, reader)) { nestedObjects[index].isLive = false }
      } else if let index = nestedObjects.lastIndex(where: { $0.isLive && sameName($0.name, name, reader) }) {
        nestedObjects[index].isLive = false
      }
    }

    /// Adds a nested object that said something.
    mutating func record(_ object: Nested, _ reader: JSONReader) {
      nestedObjects.append(object)
      if nestedKeys != nil {
        nestedKeys?[keyName(object.name, reader)] = nestedObjects.count - 1
      } else if nestedObjects.count > Self.linearKeyLimit {
        var keys: [String: Int] = [:]
        for (index, object) in nestedObjects.enumerated() where object.isLive {
          keys[keyName(object.name, reader)] = index
        }
        nestedKeys = keys
      }
    }

    var pair: (code: Value, message: Value)? {
      mutating get {
        if let errorCode, let errorMsg { return (errorCode, errorMsg) }
        if let camelCode, let camelMessage { return (camelCode, camelMessage) }
        if let plainCode, let plainMessage { return (plainCode, plainMessage) }
        if let camelCode, let camelLongMessage { return (camelCode, camelLongMessage) }
        if let errCode, let errMsg { return (errCode, errMsg) }
        if let errorCode, let errorMessage { return (errorCode, errorMessage) }
        return nil
      }
    }

    /// The `details` that go with `chosen`: its own, unless its pair is a nested object's and it
    /// has none, then that object's.
    var chosenDetails: [(code: Value?, message: Value?)] {
      mutating get {
        guard details.isEmpty, pair == nil, !nestedObjects.isEmpty,
          let nested = nestedObjects.last(where: { $0.isLive && $0.hasPair })
        else { return details }
        return nested.details
      }
    }

    /// What it chose.
    mutating func choice(fault: JSONError?) -> Choice {
      Choice(chosen: chosen, chosenDetails: chosenDetails, fault: fault)
    }

    /// Its own pair, else a nested pair, else what it has.
    var chosen: Chosen {
      mutating get {
        var chosen = Chosen()
        // Each nested lookup searches the list once; a flat object (the common body) has none.
        let nested = nestedObjects.isEmpty ? nil : self.nested
        let nestedPartial = nestedObjects.isEmpty ? nil : self.nestedPartial
        chosen.requestID = requestID ?? nested?.requestID ?? nestedPartial?.requestID
        chosen.statusCode = statusCode ?? nested?.statusCode ?? nestedPartial?.statusCode
        if let pair {
          chosen.code = pair.code
          chosen.message = pair.message
          chosen.encodedAuthorizationMessage = encodedAuthorizationMessage
          return chosen
        }
        if let nested {
          chosen.code = nested.code
          chosen.message = nested.message
        } else {
          chosen.code = errorCode ?? camelCode ?? plainCode ?? errCode ?? errorString ?? nestedPartial?.code
          chosen.message =
            errorMsg ?? camelMessage ?? plainMessage ?? camelLongMessage ?? errMsg ?? errorMessage ?? errorDescription
            ?? externalMessage ?? nestedPartial?.message
        }
        chosen.encodedAuthorizationMessage =
          (nestedObjects.isEmpty ? nil : nestedEncodedAuthorizationMessage) ?? encodedAuthorizationMessage
        return chosen
      }
    }
  }

  /// Scans the object starting at the reader's position (after whitespace). When `wholeInput`,
  /// anything after the object is a fault; otherwise the reader stops right after it (a log line
  /// goes on after the body it holds).
  static func scan(_ reader: inout JSONReader, wholeInput: Bool = true) -> Fields {
    let choice = scanChoice(&reader, wholeInput: wholeInput)
    return Fields(
      code: choice.code(reader), message: choice.message(reader),
      encodedAuthorizationMessage: choice.encodedAuthorizationMessage(reader), requestID: choice.requestID(reader),
      statusCode: choice.chosen.statusCode.flatMap { $0.isString ? nil : Int(reader.text($0.range)) },
      details: choice.details(reader), fault: choice.fault)
  }

  /// What `scan` chose, not yet decoded: each field is made a string only when asked, so that a
  /// response's error takes them straight into its own values.
  struct Choice {
    fileprivate var chosen: Chosen
    fileprivate var chosenDetails: [(code: Value?, message: Value?)]
    /// Where and why reading stopped early, if it did.
    var fault: JSONError?

    func code(_ reader: JSONReader) -> String? { text(chosen.code, reader) }
    func message(_ reader: JSONReader) -> String? { text(chosen.message, reader) }
    func encodedAuthorizationMessage(_ reader: JSONReader) -> String? {
      text(chosen.encodedAuthorizationMessage, reader)
    }
    func requestID(_ reader: JSONReader) -> String? { text(chosen.requestID, reader) }
    /// Whether the object has a `details` list with something in it.
    var hasDetails: Bool { !chosenDetails.isEmpty }
    func details(_ reader: JSONReader) -> [HuaweiCloudError.Detail] {
      chosenDetails.map { HuaweiCloudError.Detail(code: text($0.code, reader), message: text($0.message, reader)) }
    }
  }

  /// Scans as `scan` does and returns the choice undecoded.
  static func scanChoice(_ reader: inout JSONReader, wholeInput: Bool = true) -> Choice {
    var level = Level()
    var fault: JSONError? = nil
    do {
      try scanObject(&reader, into: &level, depth: 0)
      if wholeInput {
        reader.skipWhitespace()
        if !reader.isAtEnd { fault = JSONError(.trailingContent, at: reader.position) }
      }
    } catch {
      fault = error
    }
    return level.choice(fault: fault)
  }

  private static func text(_ value: Value?, _ reader: JSONReader) -> String? {
    guard let value else { return nil }
    guard value.isString else { return reader.text(value.range) }
    // A string whose escapes do not decode is left out rather than guessed at.
    return try? reader.decode(JSONReader.StringToken(range: value.range, hasEscapes: value.hasEscapes))
  }

  private static func scanObject(_ reader: inout JSONReader, into level: inout Level, depth: Int) throws(JSONError) {
    try reader.expect(UInt8(ascii: "{"))
    if reader.consume(UInt8(ascii: "}")) { return }
    repeat {
      let keyToken = try reader.scanString()
      // The common key, plain in an object without nested ones, is read in place: no name is made.
      let key =
        keyToken.hasEscapes || !level.nestedObjects.isEmpty
        ? try key(of: keyToken, reader, retiringIn: &level)
        : Key(UnsafeBufferPointer(rebasing: reader.bytes[keyToken.range]))
      try reader.expect(UInt8(ascii: ":"))
      reader.skipWhitespace()
      switch key {
      case .errorCode: level.errorCode = try scalar(&reader, depth: depth)
      case .errorMsg: level.errorMsg = try scalar(&reader, depth: depth)
      case .camelCode: level.camelCode = try scalar(&reader, depth: depth)
      case .camelMessage: level.camelMessage = try scalar(&reader, depth: depth)
      case .plainCode: level.plainCode = try scalar(&reader, depth: depth)
      case .plainMessage: level.plainMessage = try scalar(&reader, depth: depth)
      case .errorMessage: level.errorMessage = try scalar(&reader, depth: depth)
      case .errorDescription: level.errorDescription = try scalar(&reader, depth: depth)
      case .errCode: level.errCode = try scalar(&reader, depth: depth)
      case .errMsg: level.errMsg = try scalar(&reader, depth: depth)
      case .camelLongMessage: level.camelLongMessage = try scalar(&reader, depth: depth)
      case .externalMessage: level.externalMessage = try scalar(&reader, depth: depth)
      case .encodedAuthorizationMessage: level.encodedAuthorizationMessage = try scalar(&reader, depth: depth)
      case .requestID: level.requestID = try scalar(&reader, depth: depth)
      case .statusCode: level.statusCode = try scalar(&reader, depth: depth)
      case .details where reader.current == UInt8(ascii: "["):
        level.details = []
        try scanDetails(&reader, into: &level.details, depth: depth)
      case .error where reader.current == UInt8(ascii: "\""):
        level.errorString = try scalar(&reader, depth: depth)
      default:
        if key == .details { level.details = [] }
        if key == .error { level.errorString = nil }
        guard reader.current == UInt8(ascii: "{"), depth + 1 < reader.maximumDepth else {
          try reader.skipValue(depth: depth + 1)
          continue
        }
        var inner = Level()
        defer {
          // Even a nested object that breaks off keeps what it had.
          let chosen = inner.chosen
          let hasPair = inner.pair != nil || inner.nested != nil
          if hasPair || chosen.hasAny || chosen.encodedAuthorizationMessage != nil {
            level.record(
              Nested(name: keyToken, chosen: chosen, details: inner.chosenDetails, hasPair: hasPair), reader)
          }
        }
        try scanObject(&reader, into: &inner, depth: depth + 1)
      }
    } while reader.consume(UInt8(ascii: ","))
    try reader.expect(UInt8(ascii: "}"))
  }

  /// The key a name with escapes is, or any name once the object has a nested object, whose
  /// earlier value under the same name it retires.
  private static func key(
    of token: JSONReader.StringToken, _ reader: JSONReader, retiringIn level: inout Level
  ) throws(JSONError) -> Key {
    // A key with escapes is read as the SDKs' decoders read it: `"co\u0064e"` is `code`.
    let decoded = token.hasEscapes ? try reader.decode(token) : nil
    // Only a body that has a nested object pays for retiring.
    if !level.nestedObjects.isEmpty { level.retire(token, reader) }
    guard let decoded else { return Key(UnsafeBufferPointer(rebasing: reader.bytes[token.range])) }
    return decoded.utf8.withContiguousStorageIfAvailable(Key.init) ?? .other
  }

  /// A key's name, decoded: a string that scanned decodes.
  private static func keyName(_ token: JSONReader.StringToken, _ reader: JSONReader) -> String {
    token.hasEscapes ? (try? reader.decode(token)) ?? "" : reader.text(token.range)
  }

  /// Whether two keys name the same thing, as their decoded strings compare: the same bytes do,
  /// and other ASCII names without escapes do not, which leaves decoding to the rare rest.
  private static func sameName(_ a: JSONReader.StringToken, _ b: JSONReader.StringToken, _ reader: JSONReader) -> Bool {
    let first = UnsafeBufferPointer(rebasing: reader.bytes[a.range])
    let second = UnsafeBufferPointer(rebasing: reader.bytes[b.range])
    if first.count == second.count, Bytes.equal(first.baseAddress, second.baseAddress, count: first.count) {
      return true
    }
    if !a.hasEscapes, !b.hasEscapes, first.allSatisfy({ $0 < 0x80 }), second.allSatisfy({ $0 < 0x80 }) { return false }
    return keyName(a, reader) == keyName(b, reader)
  }

  /// A `details` array: each object's own pair (or what it has), each string as a message;
  /// other elements are skipped. An element the input breaks off in is not kept.
  private static func scanDetails(
    _ reader: inout JSONReader, into details: inout [(code: Value?, message: Value?)], depth: Int
  ) throws(JSONError) {
    guard depth + 2 < reader.maximumDepth else { return try reader.skipValue(depth: depth + 1) }
    try reader.expect(UInt8(ascii: "["))
    if reader.consume(UInt8(ascii: "]")) { return }
    repeat {
      reader.skipWhitespace()
      var element: (code: Value?, message: Value?)? = nil
      if reader.current == UInt8(ascii: "{") {
        var inner = Level()
        try scanObject(&reader, into: &inner, depth: depth + 1)
        let chosen = inner.chosen
        if chosen.hasAny { element = (chosen.code, chosen.message) }
      } else if reader.current == UInt8(ascii: "\"") {
        let token = try reader.scanString()
        element = (nil, Value(range: token.range, isString: true, hasEscapes: token.hasEscapes))
      } else {
        try reader.skipValue(depth: depth + 2)
      }
      if let element, details.count < maximumDetails { details.append(element) }
    } while reader.consume(UInt8(ascii: ","))
    try reader.expect(UInt8(ascii: "]"))
  }

  /// A string or a number; `nil` for `null`, booleans, arrays and objects (which are skipped).
  private static func scalar(_ reader: inout JSONReader, depth: Int) throws(JSONError) -> Value? {
    let byte = reader.current ?? 0
    if byte == UInt8(ascii: "\"") {
      let token = try reader.scanString()
      return Value(range: token.range, isString: true, hasEscapes: token.hasEscapes)
    }
    if byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10 {
      let range = try reader.scanNumber()
      // A number the input ends in may be cut short: it is no value.
      if reader.isAtEnd { throw JSONError(.truncated, at: reader.position) }
      return Value(range: range, isString: false, hasEscapes: false)
    }
    try reader.skipValue(depth: depth + 1)
    return nil
  }
}
