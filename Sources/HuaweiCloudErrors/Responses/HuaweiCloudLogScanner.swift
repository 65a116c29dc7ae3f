import TinyJSON

/// Finds Huawei Cloud errors in free text, line by line: log lines that hold a JSON error body,
/// the official SDKs' exceptions flattened to text, and codes quoted in messages.
///
/// It recognises:
/// - a JSON object with error fields anywhere in a line (read as a response body is; the Go SDK's
///   errors print this way, with `status_code`, and terraform-provider-huaweicloud's
///   `Bad request with: [POST …], request_id: …, error message: {…}` holds one);
/// - the Python SDK's `ClientRequestException - {status_code:401,request_id:…,error_code:…,error_msg:…}`;
/// - the Java SDK's multi-line `ClientRequestException {` block of `httpStatusCode:`,
///   `errorCode:`, `errorMsg:`, `requestId:` lines and its `details: [ … ]`;
/// - an XML error document in a line, as Java's `ObsException` prints it
///   (`… -- ResponseCode: 403, ResponseStatus: Forbidden, XML Error Message: <?xml …?><Error>…`);
/// - the Go OBS SDK's `Status=403 Forbidden, Code=AccessDenied, Message=…, RequestId=…`;
/// - elsewhere, a code of a catalog service in free text (`HttpException: …, [APIGW.0301] …`),
///   with the text after it as the message.
///
/// A finding whose own fields have no status or request id takes them from its line:
/// `status=400`, `status_code: 400`, `statusCode=400`, `HTTP 400`, `HTTP/1.1 400`,
/// `ResponseCode: 400`, terraform's `but got 400 instead` (also from the line before, where
/// terraform breaks its message) and its `Bad request with:`-style prefixes; `request_id: …`,
/// `requestId=…`, `RequestId: …`, `X-Request-Id: …`.
///
/// Each finding is resolved as a response would be: a documented code gives its entry, else the
/// message is matched. Time is linear in the input whatever it holds: lines are read at most
/// ``maximumLineLength`` bytes far, and the JSON tried within a line is bounded by the line's
/// length.
///
/// ```swift
/// var scanner = HuaweiCloudLogScanner()
/// for line in log.split(separator: "\n") { findings += scanner.scan(line: String(line)) }
/// findings += scanner.finish()
/// ```
public struct HuaweiCloudLogScanner: Sendable {
  /// An error found in the text.
  public struct Finding: Hashable, Sendable {
    /// How an error was written.
    public struct Format: Hashable, Sendable, CustomStringConvertible {
      /// `json`, `pythonSDK`, `javaSDK`, `xml`, `goOBSSDK` or `code`.
      public let rawValue: String

      init(_ rawValue: String) {
        self.rawValue = rawValue
      }

      /// A JSON error body.
      public static let json = Format("json")
      /// The Python SDK's flattened exception.
      public static let pythonSDK = Format("pythonSDK")
      /// The Java SDK's exception block.
      public static let javaSDK = Format("javaSDK")
      /// An XML error document (`<Error><Code>…`), as Java's `ObsException` prints it.
      public static let xml = Format("xml")
      /// The Go OBS SDK's `Status=…, Code=…, Message=…, RequestId=…`.
      public static let goOBSSDK = Format("goOBSSDK")
      /// A code in free text.
      public static let code = Format("code")

      /// The raw value.
      public var description: String { rawValue }
    }

    /// The 1-based number of the line it starts on.
    public let line: Int
    /// How the error was written.
    public let format: Format
    /// The HTTP status, when the text gives one.
    public let status: Int?
    /// The fields resolved as a response with them would be.
    private let resolved: HuaweiCloudError

    /// The code as written, or `nil`.
    public var code: HuaweiCloudErrorCode? { resolved.code }
    /// The message as written, or `nil`.
    public var message: String? { resolved.message }
    /// The request id as written, or `nil` when the line has none, or an empty one.
    public var requestID: String? { resolved.requestID }
    /// The `encoded_authorization_message` as written, or `nil`.
    public var encodedAuthorizationMessage: String? { resolved.encodedAuthorizationMessage }
    /// The `details` list as written (see ``HuaweiCloudError/details``).
    public var details: [HuaweiCloudError.Detail] { resolved.details }
    /// The documented entry, or `nil` (see ``HuaweiCloudError/entry``).
    public var entry: CatalogEntry? { resolved.entry }
    /// The documented row that fits (see ``HuaweiCloudError/documentedRow``).
    public var documentedRow: CatalogEntry.Row? { resolved.documentedRow }
    /// The values recovered from the message.
    public var arguments: TemplateArguments { resolved.arguments }
    /// The entries it may be when the catalog cannot tell which (see
    /// ``HuaweiCloudError/candidates``).
    public var candidates: [CatalogEntry] { resolved.candidates }
    /// Documented texts like the message of an undocumented code (see
    /// ``HuaweiCloudError/similarTexts``).
    public var similarTexts: [MessageMatch] { resolved.similarTexts }
    /// The service it comes from, when known (see ``HuaweiCloudError/service``).
    public var service: HuaweiCloudService? { resolved.service }

    init(
      line: Int, format: Format, status: Int?, code: String?, message: String?, requestID: String?,
      encodedAuthorizationMessage: String? = nil, details: [HuaweiCloudError.Detail] = [],
      hints: [HuaweiCloudService]
    ) {
      self.line = line
      self.format = format
      self.status = status
      var resolved = HuaweiCloudError(
        status: status ?? 0, code: HuaweiCloudErrorCode(received: code), message: message, requestID: requestID,
        encodedAuthorizationMessage: encodedAuthorizationMessage, hints: hints)
      resolved.details = details
      self.resolved = resolved
    }

    /// The finding of `fields`, with the status and request id its line gives where they have
    /// none, resolved once.
    init(_ fields: Fields, context: LineContext? = nil, hints: [HuaweiCloudService]) {
      self.init(
        line: fields.line, format: fields.format, status: fields.status ?? context?.status, code: fields.code,
        message: fields.message, requestID: HuaweiCloudError.quotableRequestID(fields.requestID) ?? context?.requestID,
        encodedAuthorizationMessage: fields.encodedAuthorizationMessage, details: fields.details, hints: hints)
    }
  }

  /// What a line format gives of an error, before its line's context and the catalog are applied.
  struct Fields {
    var line: Int
    var format: Finding.Format
    var status: Int?
    var code: String?
    var message: String?
    var requestID: String?
    var encodedAuthorizationMessage: String? = nil
    var details: [HuaweiCloudError.Detail] = []
  }

  /// The services the caller named: the log's lines are resolved as their responses would be.
  private let hints: [HuaweiCloudService]

  /// A scanner for a log of the responses of `service`, or of the service of `host`, when known;
  /// see ``HuaweiCloudError/init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)``.
  public init(service: HuaweiCloudService? = nil, host: String? = nil) {
    hints = HuaweiCloudError.hints(service: service, host: host)
  }

  /// What this scanner would be after `line` lines that leave nothing pending: the same hints,
  /// its next line numbered `line + 1`. A text cut into parts at line breaks can be scanned part
  /// by part at once, each from such a scanner; a part's findings are those of scanning the whole
  /// text in one go when the scanner of the part before ends with ``carriesNothing``.
  package func resumed(afterLine line: Int) -> HuaweiCloudLogScanner {
    var scanner = self
    scanner.lineNumber = line
    scanner.javaBlock = nil
    scanner.pendingStatus = nil
    return scanner
  }

  /// Whether nothing read so far bears on the next line: no Java block is open and no status
  /// waits for the next line.
  package var carriesNothing: Bool { javaBlock == nil && pendingStatus == nil }

  /// How many lines have been scanned (the number of the last one).
  package var linesScanned: Int { lineNumber }

  /// Lines are read this far (1 MiB); the rest of a longer line is not searched.
  public static let maximumLineLength = 1 << 20

  private var lineNumber = 0
  /// A Java SDK block being read: where it started and the fields so far.
  private var javaBlock: JavaBlock?
  /// The status a line without findings gave, for the next line only (terraform writes
  /// `… but got 400 instead.` and the body on the line after).
  private var pendingStatus: Int?

  /// The errors in the next line of the text. A multi-line block is reported on the line that
  /// ends it.
  public mutating func scan(line: String) -> [Finding] {
    var line = line
    return line.withUTF8 { scan(utf8: $0) }
  }

  /// The errors in the next line, given as its UTF-8 bytes (without the line break): what
  /// ``scan(line:)`` does, without making a `String` of every line.
  package mutating func scan(utf8 whole: UnsafeBufferPointer<UInt8>) -> [Finding] {
    lineNumber += 1
    let line = UnsafeBufferPointer(rebasing: whole.prefix(Self.maximumLineLength))
    var findings = javaBlock == nil ? [] : continueJavaBlock(String(decoding: line, as: UTF8.self))
    // A byte prefilter: one pass notes which formats' marks the line has, and only their parsers
    // run, so that an ordinary line costs that pass and the search for codes.
    let marks = Self.marks(of: line)
    let hasBrace = marks & Self.braceMark != 0
    var lineFindings: [Fields] = hasBrace ? jsonFindings(line) + pythonFindings(line) : []
    if marks & Self.angleMark != 0 { lineFindings += xmlFindings(line) }
    if marks & Self.equalsMark != 0 { lineFindings += goOBSFindings(line) }
    if lineFindings.isEmpty, javaBlock == nil, marks & Self.dotMark != 0 {
      lineFindings = codeFindings(line)
    }
    if lineFindings.isEmpty {
      // terraform writes `… [200] …, but got 400 instead.` and the body on the next line.
      pendingStatus =
        marks & Self.bracketMark != 0 && Self.find("but got ", in: line, from: 0) != nil
        ? LineContext(line).status : nil
    } else {
      var context = LineContext(line)
      if context.status == nil { context.status = pendingStatus }
      pendingStatus = nil
      findings += lineFindings.map { Finding($0, context: context, hints: hints) }
    }
    if hasBrace, Self.opensJavaBlock(line) { javaBlock = JavaBlock(line: lineNumber) }
    return findings
  }

  private static let braceMark: UInt8 = 1
  private static let angleMark: UInt8 = 2
  private static let equalsMark: UInt8 = 4
  private static let dotMark: UInt8 = 8
  private static let bracketMark: UInt8 = 16

  /// Which of `{`, `<`, `=`, `.`, `[` the line holds, as bits: a vectorized search for each,
  /// which stops at its first occurrence.
  private static func marks(of line: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var marks: UInt8 = 0
    if Bytes.contains(UInt8(ascii: "{"), in: line) { marks |= braceMark }
    if Bytes.contains(UInt8(ascii: "<"), in: line) { marks |= angleMark }
    if Bytes.contains(UInt8(ascii: "="), in: line) { marks |= equalsMark }
    if Bytes.contains(UInt8(ascii: "."), in: line) { marks |= dotMark }
    if Bytes.contains(UInt8(ascii: "["), in: line) { marks |= bracketMark }
    return marks
  }

  /// What is left at the end of the text: a Java SDK block that never closed.
  public mutating func finish() -> [Finding] {
    defer { javaBlock = nil }
    return javaBlock.map(javaFinding).map { [$0] } ?? []
  }

  /// Every error in a whole text.
  public static func findings(in text: String) -> [Finding] {
    var scanner = HuaweiCloudLogScanner()
    var findings: [Finding] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      findings += scanner.scan(line: String(line))
    }
    return findings + scanner.finish()
  }

  // MARK: JSON bodies

  /// Objects that start `{"` and hold error fields. Each object tried costs at most its length,
  /// and all tried in a line at most eight times the line's length, so a line of nothing but
  /// `{"` stays linear.
  private func jsonFindings(_ line: UnsafeBufferPointer<UInt8>) -> [Fields] {
    var findings: [Fields] = []
    var budget = 8 * line.count + 4096
    var position = 0
    while position < line.count, budget > 0 {
      guard let brace = Bytes.firstIndex(of: UInt8(ascii: "{"), in: line, from: position) else { break }
      var next = brace + 1
      while next < line.count, LenientText.isWhitespace(line[next]) { next += 1 }
      guard next < line.count, line[next] == UInt8(ascii: "\"") else {
        position = brace + 1
        continue
      }
      var reader = JSONReader(UnsafeBufferPointer(rebasing: line[brace...]), maximumDepth: 64)
      let fields = ErrorBodyScanner.scan(&reader, wholeInput: false)
      budget -= max(reader.position, 1)
      if fields.fault == nil, fields.code != nil || fields.message != nil {
        findings.append(
          Fields(
            line: lineNumber, format: .json, status: fields.statusCode, code: fields.code, message: fields.message,
            requestID: fields.requestID, encodedAuthorizationMessage: fields.encodedAuthorizationMessage,
            details: fields.details))
        position = brace + max(reader.position, 1)
      } else {
        position = brace + 1
      }
    }
    return findings
  }

  // MARK: The Python SDK

  /// `… - {status_code:401,request_id:…,error_code:…,error_msg:…,encoded_authorization_message:… }`
  private func pythonFindings(_ line: UnsafeBufferPointer<UInt8>) -> [Fields] {
    var findings: [Fields] = []
    var position = 0
    while let start = Self.find("{status_code:", in: line, from: position) {
      let fields: [StaticString] = [",request_id:", ",error_code:", ",error_msg:"]
      var cursor = start + ("{status_code:" as StaticString).utf8CodeUnitCount
      var values: [String] = []
      var complete = true
      for field in fields {
        guard let found = Self.find(field, in: line, from: cursor) else {
          complete = false
          break
        }
        values.append(Self.text(line, cursor..<found))
        cursor = found + field.utf8CodeUnitCount
      }
      guard complete else { break }
      // The message runs to the next field, or to the last closing brace (a message may hold
      // braces); the authorization message (Base64, or `None`) to the brace after it.
      let authorization = Self.find(",encoded_authorization_message:", in: line, from: cursor)
      let end = authorization ?? line[cursor...].lastIndex(of: UInt8(ascii: "}")) ?? line.count
      values.append(Self.text(line, cursor..<end).trimmingTrailingSpaces)
      if let authorization {
        let start = authorization + (",encoded_authorization_message:" as StaticString).utf8CodeUnitCount
        let closing = line[start...].firstIndex(of: UInt8(ascii: "}")) ?? line.count
        values.append(Self.text(line, start..<closing).trimmingTrailingSpaces)
      }
      func value(_ index: Int) -> String? {
        index >= values.count || values[index] == "None" || values[index].isEmpty ? nil : values[index]
      }
      findings.append(
        Fields(
          line: lineNumber, format: .pythonSDK, status: Int(values[0].trimmingTrailingSpaces), code: value(2),
          message: value(3), requestID: value(1), encodedAuthorizationMessage: value(4)))
      position = end
    }
    return findings
  }

  // MARK: The Java SDK

  /// Whether the line ends in `Exception {`, as the Java SDK's exception block opens.
  private static func opensJavaBlock(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let trimmed = line.reversed().drop { LenientText.isWhitespace($0) }
    return trimmed.starts(with: "{ noitpecxE".utf8)
  }

  /// A Java SDK exception block being read.
  private struct JavaBlock {
    var line: Int
    var fields: [String: String] = [:]
    var lines = 0
    /// Inside `details: [`, and the element being read.
    var inDetails = false
    var detail: [String: String] = [:]
    var details: [HuaweiCloudError.Detail] = []

    init(line: Int) {
      self.line = line
    }
  }

  private static let javaKeys = ["httpStatusCode", "errorCode", "errorMsg", "requestId", "encodedAuthorizationMessage"]

  /// Adds the line to an open Java block; reports the block when the line closes it.
  private mutating func continueJavaBlock(_ line: String) -> [Finding] {
    guard var block = javaBlock else { return [] }
    let trimmed = line.trimmingSpaces
    block.lines += 1
    if block.inDetails {
      if trimmed == "]" {
        block.inDetails = false
      } else if trimmed == "}" {
        if !block.detail.isEmpty, block.details.count < ErrorBodyScanner.maximumDetails {
          block.details.append(
            HuaweiCloudError.Detail(code: block.detail["errorCode"], message: block.detail["errorMsg"]))
        }
        block.detail = [:]
      } else if let (key, value) = Self.javaField(trimmed), key == "errorCode" || key == "errorMsg" {
        block.detail[key] = value
      }
    } else if trimmed == "}" {
      javaBlock = nil
      return [javaFinding(block)]
    } else if trimmed == "details: [" {
      block.inDetails = true
    } else if let (key, value) = Self.javaField(trimmed), Self.javaKeys.contains(key) {
      block.fields[key] = value
    }
    // A block that runs on is not one: give up on it.
    javaBlock = block.lines > 64 + 4 * ErrorBodyScanner.maximumDetails ? nil : block
    return []
  }

  /// `key: value` of a block's line; a `null` value is `nil`.
  private static func javaField(_ trimmed: String) -> (String, String?)? {
    guard let colon = trimmed.firstIndex(of: ":") else { return nil }
    let value = trimmed[trimmed.index(after: colon)...].trimmingSpaces
    return (String(trimmed[..<colon]), value == "null" ? nil : value)
  }

  private func javaFinding(_ block: JavaBlock) -> Finding {
    Finding(
      line: block.line, format: .javaSDK, status: block.fields["httpStatusCode"].flatMap { Int($0) },
      code: block.fields["errorCode"], message: block.fields["errorMsg"], requestID: block.fields["requestId"],
      encodedAuthorizationMessage: block.fields["encodedAuthorizationMessage"], details: block.details, hints: hints)
  }

  // MARK: OBS

  /// An XML error document in the line: `<Error>` with `<Code>`, `<Message>`, `<RequestId>`.
  private func xmlFindings(_ line: UnsafeBufferPointer<UInt8>) -> [Fields] {
    guard let start = Self.find("<Error>", in: line, from: 0) else { return [] }
    let end =
      Self.find("</Error>", in: line, from: start).map { $0 + ("</Error>" as StaticString).utf8CodeUnitCount }
      ?? line.count
    let markup = Markup(UnsafeBufferPointer(rebasing: line[start..<end]))
    let code = markup.text(of: "Code")
    let message = markup.text(of: "Message")
    guard code != nil || message != nil else { return [] }
    return [
      Fields(
        line: lineNumber, format: .xml, status: nil, code: code, message: message,
        requestID: markup.text(of: "RequestId"),
        encodedAuthorizationMessage: markup.text(of: "EncodedAuthorizationMessage"))
    ]
  }

  /// `Status=403 Forbidden, Code=AccessDenied, Message=Access Denied, RequestId=…`: each value runs
  /// to the next field's `, Name=`; the message to `, RequestId=` or the end of the line.
  private func goOBSFindings(_ line: UnsafeBufferPointer<UInt8>) -> [Fields] {
    guard let status = Self.find("Status=", in: line, from: 0),
      let code = Self.find(", Code=", in: line, from: status)
    else { return [] }
    let codeStart = code + (", Code=" as StaticString).utf8CodeUnitCount
    guard let message = Self.find(", Message=", in: line, from: codeStart) else { return [] }
    let messageStart = message + (", Message=" as StaticString).utf8CodeUnitCount
    let requestID = Self.find(", RequestId=", in: line, from: messageStart)
    var requestText: String? = nil
    if let requestID {
      let valueStart = requestID + (", RequestId=" as StaticString).utf8CodeUnitCount
      let valueEnd =
        line[valueStart...].firstIndex { $0 == UInt8(ascii: ",") || LenientText.isWhitespace($0) } ?? line.count
      requestText = valueEnd > valueStart ? Self.text(line, valueStart..<valueEnd) : nil
    }
    let statusStart = status + ("Status=" as StaticString).utf8CodeUnitCount
    let statusText = Self.text(line, statusStart..<min(statusStart + 3, code))
    let codeText = Self.text(line, codeStart..<message).trimmingTrailingSpaces
    let messageText = Self.text(line, messageStart..<(requestID ?? line.count)).trimmingTrailingSpaces
    return [
      Fields(
        line: lineNumber, format: .goOBSSDK, status: Int(statusText).flatMap { (100...599).contains($0) ? $0 : nil },
        code: codeText.isEmpty ? nil : codeText,
        message: messageText.isEmpty ? nil : messageText, requestID: requestText)
    ]
  }

  // MARK: Codes in free text

  /// Codes of the catalog's services (any letter case) standing alone in the text; the text after
  /// a code, past brackets and separators, up to the next code and at most
  /// ``maximumCodeMessageLength`` bytes, is its message. At most ``maximumCodesPerLine`` codes of
  /// a line are reported, so that a line of nothing but codes costs no more than a normal one.
  private func codeFindings(_ line: UnsafeBufferPointer<UInt8>) -> [Fields] {
    var findings: [Fields] = []
    var next = Self.nextCode(in: line, from: 0)
    while let range = next, findings.count < Self.maximumCodesPerLine {
      next = Self.nextCode(in: line, from: range.upperBound)
      var rest = range.upperBound
      while rest < line.count, LenientText.isWhitespace(line[rest]) || "])}:-,;>\"'".utf8.contains(line[rest]) {
        rest += 1
      }
      var end = min(next?.lowerBound ?? line.count, rest + Self.maximumCodeMessageLength)
      end = max(end, rest)
      // A cut message ends at a whole character.
      while end > rest, end < line.count, line[end] & 0xC0 == 0x80 { end -= 1 }
      let message = Self.text(line, rest..<end).trimmingTrailingSpaces
      findings.append(
        Fields(
          line: lineNumber, format: .code, status: nil, code: Self.text(line, range),
          message: message.isEmpty ? nil : message, requestID: nil))
    }
    return findings
  }

  /// The most codes reported from one line of free text.
  public static let maximumCodesPerLine = 64
  /// The longest message taken after a code in free text, in bytes.
  public static let maximumCodeMessageLength = 4096

  /// The next `PREFIX.digits` whose prefix is a catalog service's and whose number of digits is one
  /// its documented codes have, with no letter or digit on either side.
  private static func nextCode(in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
    var position = start
    while let dot = nextCodeDot(in: line, from: position) {
      defer { position = dot + 1 }
      var end = dot + 1
      while end < line.count, line[end] &- UInt8(ascii: "0") < 10 { end += 1 }
      guard end > dot + 1, end == line.count || !isWordByte(line[end]) else { continue }
      // A prefix is letters, and inner dots and underscores (`SVCSTG.SWR.`).
      var begin = dot
      while begin > 0,
        isLetter(line[begin - 1]) || line[begin - 1] == UInt8(ascii: ".") || line[begin - 1] == UInt8(ascii: "_")
      {
        begin -= 1
      }
      while begin < dot, !isLetter(line[begin]) { begin += 1 }
      guard begin < dot, begin == 0 || !isWordByte(line[begin - 1]) else { continue }
      if CatalogStorage.indexes.isCodeShape(
        prefix: UnsafeBufferPointer(rebasing: line[begin...dot]), digits: end - dot - 1)
      {
        return begin..<end
      }
    }
    return nil
  }

  /// The next dot at or after `start` that can end a code's prefix: with a digit after it, and
  /// before it a letter, a dot or an underscore. Eight positions at a time, the bytes before and
  /// after them loaded as words too: most dots in logs are in numbers, times and addresses.
  static func nextCodeDot(in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = line.baseAddress else { return nil }
    var position = max(start, 1)
    while position &+ 9 <= line.count {
      let dots = ByteLanes.equal(ByteLanes.load(base, position), UInt8(ascii: "."))
      if dots != 0 {
        let before = ByteLanes.load(base, position &- 1)
        let after = ByteLanes.load(base, position &+ 1)
        let prefixEnds =
          ByteLanes.letters(before) | ByteLanes.equal(before, UInt8(ascii: "."))
          | ByteLanes.equal(before, UInt8(ascii: "_"))
        let found = dots & prefixEnds & ByteLanes.digits(after)
        if found != 0 { return position &+ found.trailingZeroBitCount &>> 3 }
      }
      position &+= 8
    }
    while position &+ 1 < line.count {
      let before = line[position - 1]
      if line[position] == UInt8(ascii: "."), line[position + 1] &- UInt8(ascii: "0") < 10,
        isLetter(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: "_")
      {
        return position
      }
      position += 1
    }
    return nil
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    LenientText.lowercased(byte) &- UInt8(ascii: "a") < 26
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
  }

  // MARK: Bytes

  /// The first position of `needle` at or after `from`.
  private static func find(_ needle: StaticString, in line: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    Bytes.firstIndex(of: needle, in: line, from: from)
  }

  private static func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
  }
}
