/// A failed Huawei Cloud response as a typed error: what the response said, exactly as received,
/// and what the catalog documents about it.
///
/// Build one from a response with
/// ``init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)`` (it is
/// `nil` for a response that is not an error), `throw` it, and `catch` it by code:
///
/// ```swift
/// do {
///   try await client.deleteOrganization()
/// } catch HuaweiCloudError.iam(.tokenExpired) {
///   refreshToken()
/// } catch let error as HuaweiCloudError where error.service == .organizations {
///   logger.error("\(error) request \(error.requestID ?? "-")")
/// }
/// ```
///
/// Every property is read-only: an error says what one response said and what that means, and
/// cannot be made to contradict itself.
public struct HuaweiCloudError: Error, Hashable, Sendable {
  /// The response's HTTP status code. (Named so that a conformance of your own to a web framework's
  /// error protocol, whose `status` is its own status type, does not clash with it.)
  public var statusCode: Int { storage.statusCode }
  /// The code as the body gave it (a JSON number as its decimal text), or `nil` when it gave none.
  /// Kept even when the catalog does not know it.
  public internal(set) var code: HuaweiCloudErrorCode? {
    get { storage.code }
    set {
      let storage = uniqueStorage
      // Candidates that are looked up by the code are kept before the code changes.
      if storage.candidatesAreCodeEntries { storage.candidates = storage.candidates }
      storage.code = newValue
    }
  }
  /// The message as the body gave it, never rewritten: the JSON message field, the trimmed text of
  /// a plain-text body (or of a JSON object without error fields, or of a body that only looks like
  /// JSON, such as `{'error_code': …}`, as the SDKs report a body they cannot decode), or an HTML
  /// page's title. `nil` when the body had none, and for JSON that breaks off before any field: a
  /// cut-off text is never a message.
  public internal(set) var message: String? {
    get { storage.message }
    set { uniqueStorage.message = newValue }
  }
  /// Every request id the response carried, by where it came from.
  public internal(set) var requestIDs: RequestIDs {
    get { storage.requestIDs }
    set { uniqueStorage.requestIDs = newValue }
  }
  /// The `encoded_authorization_message` of a permission failure, when the body had one.
  public internal(set) var encodedAuthorizationMessage: String? {
    get { storage.encodedAuthorizationMessage }
    set { uniqueStorage.encodedAuthorizationMessage = newValue }
  }
  /// What the catalog documents for this error, or `nil` when it documents neither the code nor
  /// the message, or cannot tell which service's entry it is (then see ``candidates``).
  public internal(set) var entry: CatalogEntry? {
    get { storage.entry }
    set { uniqueStorage.entry = newValue }
  }
  /// The documented row that fits this error: of the entry's rows (own and variants), the one
  /// the message fits, else the one documented with the response's status, else the own row.
  /// It matters where a code has several rows: the gateway's `APIGW.0201` has six, one per status.
  /// `nil` when ``entry`` is.
  public internal(set) var documentedRow: CatalogEntry.Row? {
    get { storage.documentedRow }
    set { uniqueStorage.documentedRow = newValue }
  }
  /// The placeholder values recovered from ``message`` by matching it against the documented
  /// row; `detail` holds what a message carries after a documented text. Empty when there is
  /// nothing to recover.
  public internal(set) var arguments: TemplateArguments {
    get { storage.arguments ?? [:] }
    set { uniqueStorage.arguments = newValue.isEmpty ? nil : newValue }
  }
  /// How ``entry`` was found, or why there is none.
  public internal(set) var resolution: Resolution {
    get { storage.resolution }
    set { uniqueStorage.resolution = newValue }
  }
  /// The entries the error may be when the catalog cannot tell which: every service's entry for a
  /// code that several services document (without a hint that decides), or the equally good
  /// matches of a message without a code. Empty otherwise.
  public internal(set) var candidates: [CatalogEntry] {
    get { storage.candidates ?? [] }
    set { uniqueStorage.candidates = newValue.isEmpty ? nil : newValue }
  }
  /// Documented texts like the message of an error whose code the catalog does not know: they
  /// are not its entry (a code is its own), only what it resembles, searched within the services
  /// the code's prefix or the hint names. Empty otherwise.
  public internal(set) var similarTexts: [MessageMatch] {
    get { storage.similarTexts ?? [] }
    set { uniqueStorage.similarTexts = newValue.isEmpty ? nil : newValue }
  }
  /// The service the error comes from: the entry's; else the hinted service; else the one service
  /// the code's prefix names. `nil` when none of these says.
  public internal(set) var service: HuaweiCloudService? {
    get { storage.service }
    set { uniqueStorage.service = newValue }
  }
  /// What kind of body the response had.
  public internal(set) var bodyFormat: BodyFormat {
    get { storage.bodyFormat }
    set { uniqueStorage.bodyFormat = newValue }
  }
  /// Whether the body was longer than the size limit, so that only its beginning was read.
  public internal(set) var isBodyTruncated: Bool {
    get { storage.isBodyTruncated }
    set { uniqueStorage.isBodyTruncated = newValue }
  }
  /// How long to wait before retrying, when the response says: its `Retry-After` header (seconds or
  /// an HTTP date) or `Retry-After-Ms`, else the window a throttling message names (IAM's
  /// "Threshold: 10 times per 60 seconds", the gateway's "time:1 second"). `nil` otherwise.
  public internal(set) var retryAfter: Duration? {
    get { storage.retryAfter }
    set { uniqueStorage.retryAfter = newValue }
  }
  /// The `details` list some services add to an error body, each element as received: an object's
  /// own code and message, or a string element as the message. Empty when the body has none. At
  /// most 64 are kept.
  public internal(set) var details: [Detail] {
    get { storage.details ?? [] }
    set { uniqueStorage.details = newValue.isEmpty ? nil : newValue }
  }

  /// Everything the error holds, in one box that its copies share: copying or dropping an error
  /// counts one reference instead of one per field (sixteen, most of them strings and arrays),
  /// which was most of what turning a response into an error cost.
  private var storage: Storage

  /// The box, for writing: copied first when another error shares it.
  private var uniqueStorage: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      return storage
    }
  }

  /// An error holding the values of `storage`, which the initializers read and resolve in place
  /// in a box no other error shares yet: one allocation, no copy, no check of the box per field.
  init(storage: Storage) {
    self.storage = storage
  }

  /// The box of stored values: what `==` and hashing compare. The lists that most errors leave
  /// empty (and the arguments) are `nil` then, which costs nothing to create or drop. A class
  /// with its fields in place, so that a response's values start where they stay: a struct of
  /// them inside the box was initialized by copying a whole value in, every reference counted.
  final class Storage: @unchecked Sendable {
    // Unchecked, and no dynamic exclusivity checks: a box is written only while its error is
    // building it, or through `uniqueStorage`, which copies it first when another error shares it.
    @exclusivity(unchecked) var statusCode: Int
    @exclusivity(unchecked) var code: HuaweiCloudErrorCode?
    @exclusivity(unchecked) var message: String?
    @exclusivity(unchecked) var requestIDs: RequestIDs
    @exclusivity(unchecked) var entry: CatalogEntry? = nil
    @exclusivity(unchecked) var documentedRow: CatalogEntry.Row? = nil
    @exclusivity(unchecked) var arguments: TemplateArguments? = nil
    @exclusivity(unchecked) var resolution: Resolution = .none
    @exclusivity(unchecked) var service: HuaweiCloudService? = nil
    @exclusivity(unchecked) var bodyFormat: BodyFormat = .empty
    @exclusivity(unchecked) var isBodyTruncated: Bool = false
    @exclusivity(unchecked) var retryAfter: Duration? = nil
    /// The values few errors have, or `nil` when it has none of them: one reference to copy or
    /// drop, where four optional fields would be four.
    @exclusivity(unchecked) private var rare: Box<Rare>? = nil

    private struct Rare: Hashable {
      var encodedAuthorizationMessage: String? = nil
      var candidates: [CatalogEntry]? = nil
      var similarTexts: [MessageMatch]? = nil
      var details: [Detail]? = nil
    }

    var encodedAuthorizationMessage: String? {
      get { rare?.value.encodedAuthorizationMessage }
      set { if newValue != nil || rare != nil { updateRare { $0.encodedAuthorizationMessage = newValue } } }
    }
    /// Set when the candidates are every entry of `code`, which are looked up again when asked for:
    /// a shared code's ambiguity then allocates nothing.
    @exclusivity(unchecked) var candidatesAreCodeEntries = false

    var candidates: [CatalogEntry]? {
      get {
        guard candidatesAreCodeEntries, let code else { return rare?.value.candidates }
        return Array(CatalogStorage.indexes.codes.entries(code: code.rawValue))
      }
      set {
        candidatesAreCodeEntries = false
        if newValue != nil || rare != nil { updateRare { $0.candidates = newValue } }
      }
    }
    var similarTexts: [MessageMatch]? {
      get { rare?.value.similarTexts }
      set { if newValue != nil || rare != nil { updateRare { $0.similarTexts = newValue } } }
    }
    var details: [Detail]? {
      get { rare?.value.details }
      set { if newValue != nil || rare != nil { updateRare { $0.details = newValue } } }
    }

    init(
      statusCode: Int, code: HuaweiCloudErrorCode? = nil, message: String? = nil, requestIDs: RequestIDs = RequestIDs()
    ) {
      self.statusCode = statusCode
      self.code = code
      self.message = message
      self.requestIDs = requestIDs
    }

    /// A box no error shares yet, holding the same values.
    func copy() -> Storage {
      let copy = Storage(statusCode: statusCode, code: code, message: message, requestIDs: requestIDs)
      copy.entry = entry
      copy.documentedRow = documentedRow
      copy.arguments = arguments
      copy.resolution = resolution
      copy.service = service
      copy.bodyFormat = bodyFormat
      copy.isBodyTruncated = isBodyTruncated
      copy.retryAfter = retryAfter
      copy.rare = rare
      copy.candidatesAreCodeEntries = candidatesAreCodeEntries
      return copy
    }

    /// Whether the two boxes hold the same values: every field above, candidates as looked up.
    func holdsSameValues(as other: Storage) -> Bool {
      statusCode == other.statusCode && code == other.code && message == other.message
        && requestIDs == other.requestIDs && entry == other.entry && documentedRow == other.documentedRow
        && arguments == other.arguments && resolution == other.resolution && service == other.service
        && bodyFormat == other.bodyFormat && isBodyTruncated == other.isBodyTruncated
        && retryAfter == other.retryAfter
        && (candidatesAreCodeEntries == other.candidatesAreCodeEntries
          ? rare == other.rare
          : candidates == other.candidates && encodedAuthorizationMessage == other.encodedAuthorizationMessage
            && similarTexts == other.similarTexts && details == other.details)
    }

    /// Hashes the fields `holdsSameValues(as:)` compares.
    func hashValues(into hasher: inout Hasher) {
      hasher.combine(statusCode)
      hasher.combine(code)
      hasher.combine(message)
      hasher.combine(requestIDs)
      hasher.combine(entry)
      hasher.combine(documentedRow)
      hasher.combine(arguments)
      hasher.combine(resolution)
      hasher.combine(service)
      hasher.combine(bodyFormat)
      hasher.combine(isBodyTruncated)
      hasher.combine(retryAfter)
      // The rarer values one by one, so that candidates kept or looked up hash alike.
      hasher.combine(encodedAuthorizationMessage)
      hasher.combine(candidates)
      hasher.combine(similarTexts)
      hasher.combine(details)
    }

    /// Changes the rarer values (see `Optional.update(empty:_:)`). The setters skip it when they
    /// would set `nil` where nothing is: the common case, with no box to compare.
    private func updateRare(_ change: (inout Rare) -> Void) {
      rare.update(empty: Rare(), change)
    }
  }

  /// Whether two errors hold the same values: every property above, compared as received.
  public static func == (lhs: HuaweiCloudError, rhs: HuaweiCloudError) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.holdsSameValues(as: rhs.storage)
  }

  /// Hashes the values `==` compares.
  public func hash(into hasher: inout Hasher) {
    storage.hashValues(into: &hasher)
  }

  /// One element of an error body's `details` list.
  public struct Detail: Hashable, Sendable {
    /// The element's code (`error_code`, `code`, … as for the body), or `nil`.
    public let code: String?
    /// The element's message, or a string element itself; `nil` when it has none.
    public let message: String?

    init(code: String?, message: String?) {
      self.code = code
      self.message = message
    }
  }

  /// The request ids a response can carry, by where they came from. Gateways send the same id in
  /// the header and the body; object storage has headers of its own; IAM adds a trace id.
  public struct RequestIDs: Hashable, Sendable {
    /// A header field: its name as received, and its value.
    public struct Field: Hashable, Sendable {
      /// The header's name as received.
      public let name: String
      /// The header's value.
      public let value: String
    }

    /// The `X-Request-Id` header, which the official SDKs report.
    public internal(set) var header: String?
    /// Object storage's `X-Obs-Request-Id` header.
    public internal(set) var obs: String? {
      get { rare?.value.obs }
      set { if newValue != nil || rare != nil { updateRare { $0.obs = newValue } } }
    }
    /// The `X-Amz-Request-Id` header of object storage's S3-compatible API.
    public internal(set) var amz: String? {
      get { rare?.value.amz }
      set { if newValue != nil || rare != nil { updateRare { $0.amz = newValue } } }
    }
    /// Other headers whose name ends in `-Request-Id` (`X-Apig-Request-Id`, …), in the order received.
    public internal(set) var otherHeaders: [Field] {
      get { rare?.value.otherHeaders ?? [] }
      set { updateRare { $0.otherHeaders = newValue } }
    }
    /// The body's `request_id` field, or an XML error document's `RequestId`.
    public internal(set) var body: String?
    /// IAM's `X-Iam-Trace-Id` header.
    public internal(set) var iamTrace: String? {
      get { rare?.value.iamTrace }
      set { if newValue != nil || rare != nil { updateRare { $0.iamTrace = newValue } } }
    }

    /// The ids most responses do not carry, or `nil` for none of them: a response with only
    /// `X-Request-Id` copies and drops two strings, not six fields.
    private var rare: Box<Rare>?

    private struct Rare: Hashable {
      var obs: String?
      var amz: String?
      var iamTrace: String?
      var otherHeaders: [Field] = []
    }

    /// Changes the rarer ids (see `Optional.update(empty:_:)`).
    private mutating func updateRare(_ change: (inout Rare) -> Void) {
      rare.update(empty: Rare(), change)
    }

    init(header: String? = nil, body: String? = nil) {
      self.header = header
      self.body = body
    }
  }

  /// The request id to quote to support: the first that came, and is not empty, of, in this
  /// order, the `X-Request-Id` header (what the official SDKs report), `X-Obs-Request-Id`,
  /// `X-Amz-Request-Id`, another `*-Request-Id` header, the body's `request_id` (or an XML
  /// document's `RequestId`), and IAM's `X-Iam-Trace-Id`; `nil` when none came. An empty one
  /// (`"request_id": ""`) cannot be quoted, so it never hides the next; ``requestIDs`` keeps it.
  public var requestID: String? {
    let quotable = Self.quotableRequestID
    return quotable(requestIDs.header) ?? quotable(requestIDs.obs) ?? quotable(requestIDs.amz)
      ?? requestIDs.otherHeaders.first { !$0.value.isEmpty }?.value ?? quotable(requestIDs.body)
      ?? quotable(requestIDs.iamTrace)
  }

  /// The id, unless it is missing or empty: an empty one cannot be quoted to support.
  static func quotableRequestID(_ id: String?) -> String? {
    id?.isEmpty == false ? id : nil
  }

  /// How the documented entry of an error was found, or why there is none.
  public struct Resolution: Hashable, Sendable, CustomStringConvertible {
    /// `code`, `message`, `ambiguous` or `none`.
    public var rawValue: String {
      switch ordinal {
      case 0: "code"
      case 1: "message"
      case 2: "ambiguous"
      default: "none"
      }
    }

    /// Which of the values this is: a byte, so that an error holding one has nothing to count.
    private let ordinal: UInt8

    private init(ordinal: UInt8) {
      self.ordinal = ordinal
    }

    /// The body's code is documented: the entry is that code's.
    public static let code = Resolution(ordinal: 0)
    /// The body had no code; its message fits the entry's text.
    public static let message = Resolution(ordinal: 1)
    /// Several entries fit and nothing tells which: ``HuaweiCloudError/candidates`` lists them.
    public static let ambiguous = Resolution(ordinal: 2)
    /// Neither the code nor the message is documented.
    public static let none = Resolution(ordinal: 3)

    /// The raw value.
    public var description: String { rawValue }
  }

  /// What kind of body a response had.
  public struct BodyFormat: Hashable, Sendable, CustomStringConvertible {
    /// `empty`, `json`, `jsonValue`, `malformedJSON`, `html`, `xml` or `text`.
    public var rawValue: String {
      switch ordinal {
      case 0: "empty"
      case 1: "json"
      case 2: "jsonValue"
      case 3: "malformedJSON"
      case 4: "html"
      case 5: "xml"
      default: "text"
      }
    }

    /// Which of the values this is: a byte, so that an error holding one has nothing to count.
    private let ordinal: UInt8

    private init(ordinal: UInt8) {
      self.ordinal = ordinal
    }

    /// No body, or only whitespace.
    public static let empty = BodyFormat(ordinal: 0)
    /// A JSON object (its error fields were read).
    public static let json = BodyFormat(ordinal: 1)
    /// Valid JSON that is not an object, such as a string or an array; the message is the string
    /// or the trimmed text.
    public static let jsonValue = BodyFormat(ordinal: 2)
    /// Text that starts like a JSON object but is not valid JSON, for instance cut off; the fields
    /// read completely before the fault are kept.
    public static let malformedJSON = BodyFormat(ordinal: 3)
    /// An HTML page, such as a gateway's error page; the message is its title.
    public static let html = BodyFormat(ordinal: 4)
    /// An XML error document (`<Error><Code>…</Code><Message>…</Message>`), as object storage
    /// sends.
    public static let xml = BodyFormat(ordinal: 5)
    /// Plain text; the message is the trimmed text.
    public static let text = BodyFormat(ordinal: 6)

    /// The raw value.
    public var description: String { rawValue }
  }

  /// An error with the given fields; the documented entry and the arguments are resolved from
  /// the code and message as they would be for a response.
  ///
  /// - Parameters:
  ///   - status: The HTTP status.
  ///   - code: The code the response gave, if any.
  ///   - message: The message the response gave, if any.
  ///   - requestID: The request id, as the `X-Request-Id` header gives it.
  ///   - encodedAuthorizationMessage: The body's `encoded_authorization_message`, if any.
  ///   - service: The service that answered, when known: it decides between the services that
  ///     document a code.
  public init(
    status: Int, code: HuaweiCloudErrorCode? = nil, message: String? = nil, requestID: String? = nil,
    encodedAuthorizationMessage: String? = nil, service: HuaweiCloudService? = nil
  ) {
    self.init(
      status: status, code: code, message: message, requestID: requestID,
      encodedAuthorizationMessage: encodedAuthorizationMessage, hints: service.map { [$0] } ?? [])
  }

  init(
    status: Int, code: HuaweiCloudErrorCode?, message: String?, requestID: String?,
    encodedAuthorizationMessage: String?, hints: [HuaweiCloudService]
  ) {
    let storage = Storage(
      statusCode: status, code: code, message: message, requestIDs: RequestIDs(header: requestID))
    storage.encodedAuthorizationMessage = encodedAuthorizationMessage
    storage.resolve(code: code, message: message, hints: hints)
    self.init(storage: storage)
  }

  /// Whether the catalog documents this error.
  public var isDocumented: Bool { entry != nil }
}

extension HuaweiCloudError.Storage {
  typealias Resolution = HuaweiCloudError.Resolution

  /// Finds the entry from the code, the message, the status and the services the caller named.
  ///
  /// - A code documented by one of `hints` (else by any service) gives that service's entry; of
  ///   several services' entries, the one whose rows alone fit the message; else none, and the
  ///   candidates.
  /// - A code the catalog does not know gives no entry: the similar texts within the services
  ///   its prefix or the hints name are reported apart.
  /// - Without a code, the message is matched within the hinted services (else the catalog); the
  ///   best match is the entry when nothing ties with it.
  /// - A success entry (`CBC.0000`) is never the entry of an error (a status of 400 or more).
  /// - A code that is an HTTP status (Keystone's `{"error": {"code": 401, …}}`) names no error of
  ///   its own: the message is matched as for a body without a code. No catalog code is one.
  ///
  /// The code and message are the ones the box holds or is about to: passed in, they are read
  /// without a copy out of the box.
  func resolve(code: HuaweiCloudErrorCode?, message: String?, hints: [HuaweiCloudService]) {
    if let code, !code.isHTTPStatus {
      // The common case, one service documents the code: no arrays.
      if let (entry, count) = CatalogStorage.indexes.codes.firstEntry(code: code.rawValue), count == 1,
        !(statusCode >= 400 && entry.isSuccess), hints.isEmpty || hints.contains(entry.service)
      {
        adopt(entry, by: .code, message: message)
        service = entry.service
        return
      }
      let entries = CatalogStorage.indexes.codes.entries(code: code.rawValue)
      resolve(code: code, entries: entries, message: message, hints: hints)
      // The service is found from the entries looked up, rather than from the code again.
      service = entry?.service ?? (hints.count == 1 ? hints[0] : nil) ?? code.soleService(entries: entries)
      return
    }
    resolve(message: message, code: code, hints: hints)
  }

  /// `resolve` for a body without a code, or with an HTTP status for one: the message decides.
  /// Out of line, so that the common path stays short.
  @inline(never)
  private func resolve(message: String?, code: HuaweiCloudErrorCode?, hints: [HuaweiCloudService]) {
    defer { service = entry?.service ?? (hints.count == 1 ? hints[0] : nil) ?? code.flatMap(\.soleService) }
    guard let message else { return }
    var matches = HuaweiCloudCatalog.matches(for: message, service: hints.first, status: statusCode)
    if !hints.isEmpty { matches.removeAll { !hints.contains($0.entry.service) } }
    if statusCode >= 400 { matches.removeAll { $0.entry.isSuccess } }
    guard !matches.isEmpty else { return }
    if let best = unrivalled(matches) {
      adopt(best.entry, by: .message, message: message, match: best)
    } else {
      resolution = .ambiguous
      candidates = topMatches(matches).map(\.entry)
    }
  }

  /// `resolve` for a code whose `entries` (all the catalog has) are none, or more than one, or
  /// not of the hinted services. Out of line, so that the common path stays short.
  @inline(never)
  private func resolve(
    code: HuaweiCloudErrorCode, entries all: ArraySlice<CatalogEntry>, message: String?, hints: [HuaweiCloudService]
  ) {
    // The entries that count, found in place rather than filtered into arrays: not a success
    // entry for an error status, and of the hinted services when one of those documents the code.
    let dropsSuccess = statusCode >= 400
    func suitsStatus(_ entry: CatalogEntry) -> Bool { !(dropsSuccess && entry.isSuccess) }
    let isHinted = !hints.isEmpty && all.contains { suitsStatus($0) && hints.contains($0.service) }
    func counts(_ entry: CatalogEntry) -> Bool { suitsStatus(entry) && (!isHinted || hints.contains(entry.service)) }
    var first: CatalogEntry? = nil
    var count = 0
    for entry in all where counts(entry) {
      if first == nil { first = entry }
      count += 1
    }
    guard let first else {
      // Nothing is searched when no service is named: no text could be kept.
      if let message, case let scope = hints.isEmpty ? Set(code.services) : Set(hints), !scope.isEmpty {
        let similar = HuaweiCloudCatalog.matches(for: message, status: statusCode).filter {
          scope.contains($0.entry.service)
        }
        similarTexts = similar.isEmpty ? nil : similar
      }
      return
    }
    if count == 1 {
      adopt(first, by: .code, message: message)
      return
    }
    // Several services document the code: the message may say which.
    if let message {
      var contest = Contest()
      CatalogStorage.messageIndex.forEachMatch(message, entries: all, where: counts, status: statusCode) {
        contest.add($0, rank: rank($0))
      }
      if let best = contest.winner {
        adopt(best.entry, by: .code, message: message, match: best)
        return
      }
    }
    resolution = .ambiguous
    // Every entry of the code, the common case, is looked up again when asked for, not kept.
    if count == all.count {
      candidatesAreCodeEntries = true
    } else {
      candidates = all.filter(counts)
    }
  }

  /// The entry, found by `resolution`; the message is matched against its rows for the arguments
  /// and the row that fits, unless `match` did that already.
  private func adopt(_ entry: CatalogEntry, by resolution: Resolution, message: String?, match: MessageMatch? = nil) {
    self.entry = entry
    self.resolution = resolution
    // The entry's own text, exactly and without placeholders, needs no matching.
    if let message, match == nil, let row = CatalogStorage.messageIndex.ownPlainRow(message, of: entry) {
      documentedRow = row
      return
    }
    if let match = match ?? message.flatMap({ entry.match($0, status: statusCode) }) {
      arguments = match.arguments.isEmpty ? nil : match.arguments
      documentedRow = match.row
    } else {
      documentedRow = entry.row(status: statusCode) ?? entry.row
    }
  }

  /// What ranks matches, but for the hints and the catalog order that break ties: a fit of the
  /// whole message, more literal text, a strict fit, a row documented with the status.
  private struct Rank: Comparable {
    var isWhole: Bool
    var literalLength: Int
    var isStrict: Bool
    var fitsStatus: Bool

    static func < (a: Rank, b: Rank) -> Bool {
      (a.isWhole ? 1 : 0, a.literalLength, a.isStrict ? 1 : 0, a.fitsStatus ? 1 : 0)
        < (b.isWhole ? 1 : 0, b.literalLength, b.isStrict ? 1 : 0, b.fitsStatus ? 1 : 0)
    }
  }

  private func rank(_ match: MessageMatch) -> Rank {
    Rank(
      isWhole: match.kind != .detail, literalLength: match.literalLength, isStrict: !match.isLenient,
      fitsStatus: match.row.gives(status: statusCode))
  }

  /// The highest rank of `matches`, or `nil` for none: ranked in a loop, with no array of ranks.
  private func bestRank(_ matches: [MessageMatch]) -> Rank? {
    var best: Rank? = nil
    for match in matches {
      let rank = rank(match)
      if best.map({ $0 < rank }) ?? true { best = rank }
    }
    return best
  }

  /// The matches that rank highest, in their order.
  private func topMatches(_ matches: [MessageMatch]) -> [MessageMatch] {
    guard let best = bestRank(matches) else { return [] }
    return matches.filter { rank($0) == best }
  }

  /// The best match when no match of another entry ranks as high.
  private func unrivalled(_ matches: [MessageMatch]) -> MessageMatch? {
    var contest = Contest()
    for match in matches { contest.add(match, rank: rank(match)) }
    return contest.winner
  }

  /// Matches ranked as they come, each once: the first match of the best rank so far, and whether
  /// a match of another entry ranks as high.
  private struct Contest {
    private var best: Rank? = nil
    private var top: MessageMatch? = nil
    private var isTied = false

    /// The best match when no match of another entry ranks as high; `nil` for none, or a tie.
    var winner: MessageMatch? { isTied ? nil : top }

    mutating func add(_ match: MessageMatch, rank: Rank) {
      if let best, rank < best { return }
      if let best, !(best < rank) {
        if top?.entry != match.entry { isTied = true }
        return
      }
      best = rank
      top = match
      isTied = false
    }
  }
}

extension HuaweiCloudError: CustomStringConvertible {
  /// `HTTP 401 IAM.0066: The token has expired. (request 5f2a…)`.
  public var description: String {
    var text = "HTTP \(statusCode)"
    if let code { text += " \(code.rawValue)" } else if let entry { text += " (\(entry.code))" }
    if let message = message ?? documentedRow?.message { text += ": \(message)" }
    if let requestID { text += " (request \(requestID))" }
    return text
  }
}

// MARK: - Catching by code

extension HuaweiCloudError {
  /// A pattern for `catch` and `switch`: an error with this code, documented or not.
  ///
  /// ```swift
  /// catch HuaweiCloudError.code("ECS.0001") { … }
  /// ```
  public static func code(_ code: HuaweiCloudErrorCode) -> HuaweiCloudErrorCode {
    code
  }

  /// A pattern for `catch` and `switch`: any error of this service.
  ///
  /// ```swift
  /// catch HuaweiCloudError.service(.iam) { … }
  /// ```
  public static func service(_ service: HuaweiCloudService) -> HuaweiCloudService {
    service
  }
}

/// Whether `value` is, or wraps (see ``HuaweiCloudError/find(in:maximumDepth:)``), a
/// ``HuaweiCloudError`` with this code: the code the body gave, compared as
/// ``HuaweiCloudErrorCode`` compares (so `==` on the codes and this pattern always agree), or, for
/// a body without a code, the code of the entry its message was found by. This is what makes
/// `catch HuaweiCloudError.iam(.tokenExpired)` work.
public func ~= (pattern: HuaweiCloudErrorCode, value: any Error) -> Bool {
  guard let error = HuaweiCloudError.find(in: value) else { return false }
  if let code = error.code { return code == pattern }
  guard let entry = error.entry else { return false }
  return HuaweiCloudErrorCode(rawValue: entry.code) == pattern
}

/// Whether `value` is, or wraps, a ``HuaweiCloudError`` of this service (see
/// ``HuaweiCloudError/service``): `catch HuaweiCloudError.service(.iam)`.
public func ~= (pattern: HuaweiCloudService, value: any Error) -> Bool {
  HuaweiCloudError.find(in: value)?.service == pattern
}
