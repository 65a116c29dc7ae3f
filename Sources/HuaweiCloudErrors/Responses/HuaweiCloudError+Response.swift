import TinyJSON

extension HuaweiCloudError {
  /// Limits on reading a response body.
  public struct ParsingOptions: Hashable, Sendable {
    /// Bodies longer than this many bytes are read only this far, and the error says so
    /// (``HuaweiCloudError/isBodyTruncated``). The default is 1 MiB; a negative size is kept as 0.
    public var maximumBodySize: Int {
      // Set through the property as through `init`: a negative size would trap in `prefix`.
      didSet { if maximumBodySize < 0 { maximumBodySize = 0 } }
    }

    /// JSON nested deeper than this many arrays and objects is not read further: 64.
    public static let maximumJSONDepth = 64

    /// Options that read at most `maximumBodySize` bytes of a body (1 MiB unless given); a
    /// negative size is taken as 0, which reads no body at all.
    public init(maximumBodySize: Int = 1 << 20) {
      self.maximumBodySize = max(0, maximumBodySize)
    }
  }

  /// The error a response carries, or `nil` when it is not an error.
  ///
  /// A status of 400 or more is always an error. Below 400 (CBC answers some errors with 200),
  /// the response is an error exactly when its body carries a documented code that is not a
  /// success; a 2xx body with no error fields, an unknown code or `CBC.0000` gives `nil`.
  ///
  /// Any body is read without trapping: a JSON object's error fields (the shapes the official
  /// SDKs read and more; see ``BodyFormat``), a JSON value, plain text, an HTML page, an XML
  /// error document, nothing, or broken JSON, whose fields read completely before the fault are
  /// kept.
  ///
  /// - Parameters:
  ///   - status: The HTTP status.
  ///   - headers: The response's header fields; names are matched ignoring letter case.
  ///   - body: The body's bytes: `[UInt8]`, `Data`, a `ByteBuffer`'s `readableBytesView`, …
  ///   - service: The service that answered, when the caller knows: it decides between the
  ///     services that document a code (`DBS.` codes are seven database services').
  ///   - host: The host the request went to (`ecs.ap-southeast-1.myhuaweicloud.com`), which names
  ///     the service when `service` does not.
  ///   - options: Limits on reading the body.
  @inlinable
  public init?(
    status: Int, headers: some Sequence<(name: String, value: String)>, body: some Collection<UInt8>,
    service: HuaweiCloudService? = nil, host: String? = nil, options: ParsingOptions = ParsingOptions()
  ) {
    let error = Self.reading(
      status: status, headers: ResponseHeaders(headers), body: body, hints: Self.hints(service: service, host: host),
      options: options)
    guard error.isError else { return nil }
    self = error
  }

  /// The error a response carries, or `nil` when it is not an error; headers as a dictionary. See
  /// ``init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)``.
  public init?(
    status: Int, headers: [String: String], body: some Collection<UInt8>, service: HuaweiCloudService? = nil,
    host: String? = nil, options: ParsingOptions = ParsingOptions()
  ) {
    self.init(
      status: status, headers: headers.lazy.map { (name: $0.key, value: $0.value) }, body: body, service: service,
      host: host, options: options)
  }

  /// The error a response carries, or `nil` when it is not an error; headers of any type, read
  /// with the two closures. With swift-http-types:
  ///
  /// ```swift
  /// HuaweiCloudError(
  ///   status: response.status.code, headers: response.headerFields, name: \.name.rawName, value: \.value,
  ///   body: body)
  /// ```
  ///
  /// See ``init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)``.
  @inlinable
  public init?<Headers: Sequence>(
    status: Int, headers: Headers, name: (Headers.Element) -> String, value: (Headers.Element) -> String,
    body: some Collection<UInt8>, service: HuaweiCloudService? = nil, host: String? = nil,
    options: ParsingOptions = ParsingOptions()
  ) {
    var fields = ResponseHeaders([])
    for field in headers { fields.add(name: name(field), value: value(field)) }
    let error = Self.reading(
      status: status, headers: fields, body: body, hints: Self.hints(service: service, host: host), options: options)
    guard error.isError else { return nil }
    self = error
  }

  /// Throws the error a response carries; returns when it is not an error. See
  /// ``init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)``.
  @inlinable
  public static func check(
    status: Int, headers: some Sequence<(name: String, value: String)>, body: some Collection<UInt8>,
    service: HuaweiCloudService? = nil, host: String? = nil, options: ParsingOptions = ParsingOptions()
  ) throws(HuaweiCloudError) {
    if let error = HuaweiCloudError(
      status: status, headers: headers, body: body, service: service, host: host, options: options)
    {
      throw error
    }
  }

  /// The services a caller's hints name: the service, else the host's.
  @usableFromInline
  package static func hints(service: HuaweiCloudService?, host: String?) -> [HuaweiCloudService] {
    if let service { return [service] }
    return host.map(HuaweiCloudService.services(host:)) ?? []
  }

  // The generic entry points are `@inlinable` and only gather the headers and find the body's
  // contiguous bytes in the caller's module, so that the reading below is never run as
  // unspecialized generic code.

  /// Reads a response whether or not it is an error (the CLI's `explain` shows both).
  @inlinable
  package static func reading(
    status: Int, headers: consuming ResponseHeaders, body: some Collection<UInt8>, hints: [HuaweiCloudService] = [],
    options: ParsingOptions = ParsingOptions()
  ) -> HuaweiCloudError {
    // The headers are handed on `inout`, so that the error takes their request ids without a copy.
    var headers = headers
    if let error = body.withContiguousStorageIfAvailable({
      HuaweiCloudError(status: status, headers: &headers, bytes: $0, hints: hints, options: options)
    }) {
      return error
    }
    let limit = min(options.maximumBodySize, Int.max - 1) + 1
    return Array(body.prefix(limit)).withUnsafeBufferPointer {
      HuaweiCloudError(status: status, headers: &headers, bytes: $0, hints: hints, options: options)
    }
  }

  /// A response read in place: headers, body, then the entry.
  @usableFromInline
  init(
    status: Int, headers: inout ResponseHeaders, bytes: UnsafeBufferPointer<UInt8>, hints: [HuaweiCloudService],
    options: ParsingOptions
  ) {
    // Every step writes what it finds into the box, in place, but for the code and message,
    // which stay here until the box takes them at the end: the steps before borrow them, where
    // reading them from the box would copy them.
    let storage = Storage(statusCode: status, requestIDs: headers.takeRequestIDs())
    let (code, message) = storage.readBody(bytes, options: options)
    storage.resolve(code: code, message: message, hints: hints)
    storage.adviseRetry(headers, message: message)
    storage.code = code
    storage.message = message
    self.init(storage: storage)
  }

  /// Whether the response is an error: a status of 400 or more, or below that a code the catalog
  /// documents and never as a success.
  @usableFromInline
  package var isError: Bool {
    if statusCode >= 400 { return true }
    guard let code else { return false }
    let entries = CatalogStorage.indexes.codes.entries(code: code.rawValue)
    return !entries.isEmpty && !entries.contains(where: \.isSuccess)
  }

  /// The text without surrounding whitespace, or `nil` when nothing is left.
  static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var start = 0
    var end = bytes.count
    while start < end, LenientText.isWhitespace(bytes[start]) { start += 1 }
    while end > start, LenientText.isWhitespace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}

extension HuaweiCloudError.Storage {
  /// Sets `retryAfter` from the headers, else from the window a throttling `message` names.
  func adviseRetry(_ headers: ResponseHeaders, message: String?) {
    retryAfter =
      HuaweiCloudError.retryAfter(headers, now: WallClock.secondsSince1970)
      ?? (HuaweiCloudError.isThrottling(row: documentedRow, status: statusCode)
        ? message.flatMap(HuaweiCloudError.throttlingWindow) : nil)
  }

  /// Reads the body's fields into `self`, but for the code and message, which it returns.
  func readBody(
    _ whole: UnsafeBufferPointer<UInt8>, options: HuaweiCloudError.ParsingOptions
  ) -> (code: HuaweiCloudErrorCode?, message: String?) {
    isBodyTruncated = whole.count > options.maximumBodySize
    var bytes = UnsafeBufferPointer(rebasing: whole.prefix(options.maximumBodySize))
    // A UTF-8 byte order mark is not part of the text.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3))
    }
    var reader = JSONReader(bytes, maximumDepth: HuaweiCloudError.ParsingOptions.maximumJSONDepth)
    reader.skipWhitespace()
    switch reader.current {
    case nil:
      bodyFormat = .empty
      return (nil, nil)
    case UInt8(ascii: "{"):
      // Each field is decoded once, straight to where it is kept.
      let choice = ErrorBodyScanner.scanChoice(&reader)
      bodyFormat = choice.fault == nil ? .json : .malformedJSON
      var message = choice.message(reader)
      let code = choice.code(reader)
      // A whole JSON object without error fields is its own message, as the SDKs report it, and
      // so is a body that is not JSON after all (`{'error_code': …}`); one that breaks off is not,
      // since its text may be cut anywhere.
      if code == nil, message == nil, choice.fault?.kind != .truncated {
        message = HuaweiCloudError.trimmedText(bytes)
      }
      // A new box has none of these: only what the body has is set.
      if let authorization = choice.encodedAuthorizationMessage(reader) { encodedAuthorizationMessage = authorization }
      if choice.hasDetails { details = choice.details(reader) }
      if let requestID = choice.requestID(reader) { requestIDs.body = requestID }
      return (HuaweiCloudErrorCode(received: code), message)
    case UInt8(ascii: "<"):
      return readMarkup(bytes)
    default:
      return readText(bytes)
    }
  }

  /// `readBody` for an XML error document or an HTML page. Out of line, as the other bodies
  /// are, so that the code a JSON body runs stays together.
  @inline(never)
  private func readMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> (code: HuaweiCloudErrorCode?, message: String?) {
    let markup = Markup(bytes)
    if markup.isXMLError {
      // Object storage answers in S3's XML: <Error><Code>…</Code><Message>…</Message>.
      bodyFormat = .xml
      requestIDs.body = markup.text(of: "RequestId")
      // The .NET SDK's `SdkError` reads it from XML documents too.
      encodedAuthorizationMessage = markup.text(of: "EncodedAuthorizationMessage")
      return (HuaweiCloudErrorCode(received: markup.text(of: "Code")), markup.text(of: "Message"))
    }
    bodyFormat = .html
    return (nil, markup.text(of: "title") ?? markup.text(of: "h1"))
  }

  /// `readBody` for a body that is neither an object nor markup: a JSON value, or text.
  @inline(never)
  private func readText(_ bytes: UnsafeBufferPointer<UInt8>) -> (code: HuaweiCloudErrorCode?, message: String?) {
    if let value = try? JSONValue.parse(bytes, maximumDepth: HuaweiCloudError.ParsingOptions.maximumJSONDepth) {
      bodyFormat = .jsonValue
      return (nil, value.stringValue ?? HuaweiCloudError.trimmedText(bytes))
    }
    bodyFormat = .text
    return (nil, HuaweiCloudError.trimmedText(bytes))
  }
}

/// The header fields this package reads, found by name ignoring ASCII letter case; the first of
/// repeated fields wins. Nothing else is kept, so a flood of headers costs one pass.
@usableFromInline
package struct ResponseHeaders: Sendable {
  /// The request ids of the headers: `X-Request-Id`, `X-Obs-Request-Id`, `X-Amz-Request-Id`,
  /// `X-Iam-Trace-Id`, and at most 8 other `*-Request-Id` headers. Kept as the error keeps them,
  /// so that it takes them whole.
  @usableFromInline package var requestIDs = HuaweiCloudError.RequestIDs()
  /// `Retry-After`, `Retry-After-Ms` and `Date`, or `nil` when the response has none of them: most
  /// do not, and `nil` costs nothing to drop.
  @usableFromInline var timing: Box<Timing>?

  /// The fields that say when to retry.
  @usableFromInline struct Timing: Hashable, Sendable {
    /// `Retry-After`: seconds, or an HTTP date.
    var retryAfter: String?
    /// `Retry-After-Ms` (also `X-Ms-Retry-After-Ms`): milliseconds.
    var retryAfterMilliseconds: String?
    /// `Date`: the server's time, which an HTTP-date `Retry-After` is relative to.
    var date: String?
  }

  /// `Retry-After`: seconds, or an HTTP date.
  var retryAfter: String? { timing?.value.retryAfter }
  /// `Retry-After-Ms` (also `X-Ms-Retry-After-Ms`): milliseconds.
  var retryAfterMilliseconds: String? { timing?.value.retryAfterMilliseconds }
  /// `Date`: the server's time, which an HTTP-date `Retry-After` is relative to.
  var date: String? { timing?.value.date }

  @inlinable
  package init(_ fields: some Sequence<(name: String, value: String)>) {
    // An array's fields are read in place, without a retain and a release of each string.
    let readInPlace: Bool? = fields.withContiguousStorageIfAvailable { fields in
      add(fields: fields)
      return true
    }
    if readInPlace != nil { return }
    for field in fields { add(name: field.name, value: field.value) }
  }

  /// The request ids, moved out: `requestIDs` is left empty.
  mutating func takeRequestIDs() -> HuaweiCloudError.RequestIDs {
    var taken = HuaweiCloudError.RequestIDs()
    swap(&taken, &requestIDs)
    return taken
  }

  private mutating func updateTiming(_ change: (inout Timing) -> Void) {
    timing.update(empty: Timing(), change)
  }

  @usableFromInline
  mutating func add(name: String, value: String) {
    let slot = name.withUTF8Bytes(Slot.init)
    if slot != .none { add(value, to: slot, name: name) }
  }

  /// Adds fields held in contiguous memory, each read where it is: a value is loaded (and
  /// retained) only when its field is one this keeps.
  @usableFromInline
  mutating func add(fields: UnsafeBufferPointer<(name: String, value: String)>) {
    guard let base = fields.baseAddress else { return }
    for index in 0..<fields.count {
      let field = base + index
      let slot = field.pointee.name.withUTF8Bytes(Slot.init)
      // `X-Request-Id`, which most responses have, is kept here; the rarer fields out of line,
      // so that the loop is short.
      if slot == .requestID {
        if requestIDs.header == nil { requestIDs.header = field.pointee.value }
      } else if slot != .none {
        add(field.pointee.value, to: slot, name: field.pointee.name)
      }
    }
  }

  /// Where a field goes, known from its name alone.
  private enum Slot {
    case none, date, retryAfter, retryAfterMilliseconds, requestID, iamTrace, obs, amz, otherRequestID

    /// One comparison of the name's words per candidate of its length: most fields are none of these.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      @inline(__always) func named(_ name: StaticString) -> Bool { HeaderName.matches(bytes, name) }
      switch bytes.count {
      case 4: if named("date") { self = .date; return }
      case 11: if named("retry-after") { self = .retryAfter; return }
      case 12:
        // `X-Request-Id` with another first letter is not a request id.
        self = named("x-request-id") ? .requestID : .none
        return
      case 14:
        if named("x-iam-trace-id") { self = .iamTrace; return }
        if named("retry-after-ms") { self = .retryAfterMilliseconds; return }
      case 16:
        if named("x-obs-request-id") { self = .obs; return }
        if named("x-amz-request-id") { self = .amz; return }
      case 19: if named("x-ms-retry-after-ms") { self = .retryAfterMilliseconds; return }
      default: break
      }
      // Another `*-Request-Id` header.
      let suffix: StaticString = "-request-id"
      let isRequestID =
        bytes.count > suffix.utf8CodeUnitCount
        && HeaderName.matches(UnsafeBufferPointer(rebasing: bytes.suffix(suffix.utf8CodeUnitCount)), suffix)
      self = isRequestID ? .otherRequestID : .none
    }
  }

  /// Keeps `value` in `slot` unless an earlier field filled it: the first of repeated fields wins.
  @inline(never)
  private mutating func add(_ value: String, to slot: Slot, name: String) {
    switch slot {
    case .none: break
    case .date: if date == nil { updateTiming { $0.date = value } }
    case .retryAfter: if retryAfter == nil { updateTiming { $0.retryAfter = value } }
    case .retryAfterMilliseconds:
      if retryAfterMilliseconds == nil { updateTiming { $0.retryAfterMilliseconds = value } }
    case .requestID: if requestIDs.header == nil { requestIDs.header = value }
    case .iamTrace: if requestIDs.iamTrace == nil { requestIDs.iamTrace = value }
    case .obs: if requestIDs.obs == nil { requestIDs.obs = value }
    case .amz: if requestIDs.amz == nil { requestIDs.amz = value }
    case .otherRequestID:
      guard requestIDs.otherHeaders.count < 8,
        !requestIDs.otherHeaders.contains(where: { Self.equalIgnoringCase($0.name, name) })
      else { return }
      requestIDs.otherHeaders.append(HuaweiCloudError.RequestIDs.Field(name: name, value: value))
    }
  }

  static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && LenientText.equalIgnoringCase(a.utf8, b.utf8)
  }

}

/// A markup body: a gateway's HTML error page or an XML error document.
struct Markup {
  let bytes: UnsafeBufferPointer<UInt8>

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Whether this is an XML error document rather than a page.
  var isXMLError: Bool {
    find("Error", closing: false, from: 0) != nil && find("html", closing: false, from: 0) == nil
  }

  /// The trimmed text of the first `<tag …>…</tag>`, tags matched ignoring case; `nil` when
  /// there is none or it is empty.
  func text(of tag: StaticString) -> String? {
    guard let start = find(tag, closing: false, from: 0), let end = find(tag, closing: true, from: start + 1)
    else { return nil }
    // The text starts after the opening tag's `>`.
    guard let close = bytes[(start + tag.utf8CodeUnitCount + 1)..<end].firstIndex(of: UInt8(ascii: ">")) else {
      return nil
    }
    return HuaweiCloudError.trimmedText(UnsafeBufferPointer(rebasing: bytes[(close + 1)..<end]))
  }

  /// The first position at or after `from` of `<tag` (or `</tag` when `closing`), the name in any
  /// ASCII letter case, followed by `>`, `/` or whitespace, so that `<Code` does not find
  /// `<CodeX>`. The name is read in place: no string is built for it.
  private func find(_ tag: StaticString, closing: Bool, from: Int) -> Int? {
    let name = UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount)
    let opening = closing ? 2 : 1
    let length = opening + name.count
    var position = from
    // Each candidate `<` (found by `memchr`) compares at most `length + 1` bytes: linear in the body.
    while position + length < bytes.count {
      guard let opened = Bytes.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: position),
        opened + length < bytes.count
      else { return nil }
      position = opened + 1
      guard !closing || bytes[opened + 1] == UInt8(ascii: "/") else { continue }
      var offset = 0
      while offset < name.count,
        LenientText.lowercased(bytes[opened + opening + offset]) == LenientText.lowercased(name[offset])
      {
        offset += 1
      }
      guard offset == name.count else { continue }
      let next = bytes[opened + length]
      if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || LenientText.isWhitespace(next) { return opened }
    }
    return nil
  }
}
