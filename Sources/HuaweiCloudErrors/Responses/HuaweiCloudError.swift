/// A failed Huawei Cloud response as a typed error: what the response said, exactly as received,
/// and what the catalog documents about it.
///
/// Build one from a response with ``init(status:headers:body:options:)`` (it is `nil` for a
/// response that is not an error), `throw` it, and `catch` it by code:
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
public struct HuaweiCloudError: Error, Hashable, Sendable {
  /// The response's HTTP status.
  public var status: Int
  /// The code as the body gave it (a JSON number as its decimal text), or `nil` when it gave none.
  /// Kept even when the catalog does not know it.
  public var code: HuaweiCloudErrorCode? = nil
  /// The message as the body gave it, never rewritten: the JSON message field, the trimmed text of
  /// a plain-text body, or an HTML page's title. `nil` when the body had none.
  public var message: String? = nil
  /// Every request id the response carried, by where it came from.
  public var requestIDs: RequestIDs
  /// The `encoded_authorization_message` of a permission failure, when the body had one.
  public var encodedAuthorizationMessage: String? = nil
  /// What the catalog documents for this error, or `nil` when neither the code nor the message is
  /// documented.
  public var entry: CatalogEntry? = nil
  /// The documented row that fits this error: of the entry's texts (own and variants), the one
  /// the message fits, else the one documented with the response's status, else the own text.
  /// It matters where a code has several rows: the gateway's `APIGW.0201` has six, one per status.
  /// `nil` when the error is not documented.
  public var documentedText: CatalogEntry.Variant? {
    guard let entry else { return nil }
    return documentedVariant.map { entry.variants[$0] } ?? entry.text
  }
  /// Which of the entry's texts ``documentedText`` is: `nil` for the own text, else the variant's
  /// index. (An index keeps the error cheap to copy.)
  var documentedVariant: Int? = nil
  /// The placeholder values recovered from ``message`` by matching it against the documented
  /// text; `detail` holds what a message carries after a documented text. Empty when there is
  /// nothing to recover.
  public var arguments: TemplateArguments = [:]
  /// How ``entry`` was found.
  public var resolution: Resolution = .none
  /// What kind of body the response had.
  public var bodyFormat: BodyFormat = .empty
  /// Whether the body was longer than the size limit, so that only its beginning was read.
  public var isBodyTruncated: Bool = false

  /// The request ids a response can carry. Gateways send the same id in the header and the body;
  /// IAM adds its own trace id.
  public struct RequestIDs: Hashable, Sendable {
    /// The `X-Request-Id` header.
    public var header: String?
    /// The body's `request_id` field.
    public var body: String?
    /// IAM's `X-Iam-Trace-Id` header.
    public var iamTrace: String?

    public init(header: String? = nil, body: String? = nil, iamTrace: String? = nil) {
      self.header = header
      self.body = body
      self.iamTrace = iamTrace
    }
  }

  /// The request id to quote to support: the `X-Request-Id` header (what the official SDKs
  /// report), else the body's `request_id`, else IAM's `X-Iam-Trace-Id`; `nil` when none came.
  public var requestID: String? {
    requestIDs.header ?? requestIDs.body ?? requestIDs.iamTrace
  }

  /// How the documented entry of an error was found.
  public enum Resolution: Hashable, Sendable {
    /// The body's code is documented.
    case code
    /// The body had no documented code; its message fits the entry's text.
    case message
    /// Neither the code nor the message is documented.
    case none
  }

  /// What kind of body a response had.
  public enum BodyFormat: Hashable, Sendable {
    /// No body, or only whitespace.
    case empty
    /// A JSON object (its error fields were read).
    case json
    /// Valid JSON that is not an object, such as a string or an array; the message is the string
    /// or the trimmed text.
    case jsonValue
    /// Text that starts like a JSON object but is not valid JSON, for instance cut off; the
    /// fields read before the fault are kept.
    case malformedJSON
    /// An HTML page, such as a gateway's error page; the message is its title.
    case html
    /// An XML error document (`<Error><Code>…</Code><Message>…</Message>`), as object storage
    /// sends.
    case xml
    /// Plain text; the message is the trimmed text.
    case text
  }

  /// An error with the given fields; the documented entry and the arguments are resolved from
  /// the code and message as they would be for a response.
  public init(
    status: Int, code: HuaweiCloudErrorCode? = nil, message: String? = nil, requestID: String? = nil,
    encodedAuthorizationMessage: String? = nil
  ) {
    self.status = status
    self.code = code
    self.message = message
    self.requestIDs = RequestIDs(header: requestID)
    self.encodedAuthorizationMessage = encodedAuthorizationMessage
    resolveEntry()
  }

  /// The service the error comes from: the documented entry's, else the one the code's prefix
  /// names (`CBC.0156` is a CBC code even though the catalog does not list it).
  public var service: HuaweiCloudService? {
    entry?.service ?? code?.service
  }

  /// Whether the catalog documents this error.
  public var isDocumented: Bool { entry != nil }

  /// The documented code as a per-service enum case, for a `switch`; `nil` when undocumented.
  public var documentedCode: DocumentedErrorCode? { entry?.documentedCode }
}

extension HuaweiCloudError {
  /// Finds the entry: by the code when the catalog documents it, else by matching the message
  /// (with the status as a hint, and only within the service a known code prefix names).
  mutating func resolveEntry() {
    if let code, let entry = code.entry {
      self.entry = entry
      resolution = .code
      // The message is matched for its values, and to pick the row of a code with several; the
      // entry's own text, exactly and without placeholders, needs neither.
      if let message, CatalogStorage.messageIndex.isOwnPlainText(message, of: entry) {
        documentedVariant = nil
      } else if let message,
        let match = entry.match(message, status: status)
      {
        arguments = match.arguments
        documentedVariant = match.isVariant ? match.variantIndex : nil
      } else {
        documentedVariant = entry.text.status == status ? nil : entry.variants.firstIndex { $0.status == status }
      }
      return
    }
    guard let message else { return }
    let service = code?.service
    let matches = HuaweiCloudCatalog.matches(for: message, service: service, status: status)
    guard let match = matches.first(where: { service == nil || $0.entry.service == service }) else { return }
    entry = match.entry
    documentedVariant = match.isVariant ? match.variantIndex : nil
    arguments = match.arguments
    resolution = .message
  }
}

extension HuaweiCloudError: CustomStringConvertible {
  /// `HTTP 401 IAM.0066: The token has expired. (request 5f2a…)`.
  public var description: String {
    var text = "HTTP \(status)"
    if let code { text += " \(code.rawValue)" } else if let entry { text += " (\(entry.code))" }
    if let message = message ?? entry?.message { text += ": \(message)" }
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

/// Whether `value` is a ``HuaweiCloudError`` with this code: its documented entry's code, or the
/// code as received. This is what makes `catch HuaweiCloudError.iam(.tokenExpired)` work.
public func ~= (pattern: HuaweiCloudErrorCode, value: any Error) -> Bool {
  guard let error = value as? HuaweiCloudError else { return false }
  return error.entry?.code == pattern.rawValue || error.code == pattern
}

/// Whether `value` is a ``HuaweiCloudError`` of this service:
/// `catch HuaweiCloudError.service(.iam)`.
public func ~= (pattern: HuaweiCloudService, value: any Error) -> Bool {
  (value as? HuaweiCloudError)?.service == pattern
}
