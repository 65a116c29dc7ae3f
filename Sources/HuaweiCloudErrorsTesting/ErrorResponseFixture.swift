import HuaweiCloudErrors
import TinyJSON

/// A realistic Huawei Cloud failure response for a documented error, for testing error handling
/// without a network.
///
/// ```swift
/// let response = ErrorResponseFixture(IAMErrorCode.tokenExpired, requestID: "req-1")
/// let error = HuaweiCloudError(response)
/// ```
public struct ErrorResponseFixture: Hashable, Sendable {
  /// How a body carries the error, as the different services write it.
  public struct BodyStyle: Hashable, Sendable, CustomStringConvertible {
    /// `errorCodeAndMessage`, `camelCase`, `codeAndMessage` or `nestedError`.
    public let rawValue: String

    init(_ rawValue: String) {
      self.rawValue = rawValue
    }

    /// `{"error_code": "…", "error_msg": "…"}`, as most services send.
    public static let errorCodeAndMessage = BodyStyle("errorCodeAndMessage")
    /// `{"errorCode": "…", "errorMsg": "…"}`.
    public static let camelCase = BodyStyle("camelCase")
    /// `{"code": "…", "message": "…"}`.
    public static let codeAndMessage = BodyStyle("codeAndMessage")
    /// `{"error": {"code": "…", "message": "…", "title": "…"}}`, as IAM's Keystone-style APIs send.
    public static let nestedError = BodyStyle("nestedError")

    /// Every style, for tests that try them all.
    public static let allStyles: [BodyStyle] = [errorCodeAndMessage, camelCase, codeAndMessage, nestedError]

    /// The raw value.
    public var description: String { rawValue }
  }

  /// A header field.
  public struct Header: Hashable, Sendable {
    /// The field's name.
    public let name: String
    /// The field's value.
    public let value: String
  }

  /// The service that documents the code; pass it as the hint when reading the response, since
  /// a code may be several services'.
  public let service: HuaweiCloudService
  /// The HTTP status: the documented one (the first where the row gives several; 400 where it
  /// gives none).
  public let status: Int
  /// `Content-Type` and `X-Request-Id`.
  public let headerFields: [Header]
  /// The JSON body.
  public let body: [UInt8]

  /// The header fields as name-value pairs, as
  /// ``HuaweiCloudErrors/HuaweiCloudError/init(status:headers:body:service:host:options:)-(_,Sequence<(String,String)>,_,_,_,_)``
  /// takes them.
  public var headers: [(name: String, value: String)] {
    headerFields.map { (name: $0.name, value: $0.value) }
  }

  /// The body as text.
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// A response for a documented code.
  ///
  /// - Parameters:
  ///   - code: The code, e.g. `IAMErrorCode.tokenExpired`.
  ///   - arguments: Values for the message's placeholders; placeholders without one stay visible.
  ///   - row: Which documented row to send: one of the entry's ``HuaweiCloudErrors/CatalogEntry/rows``;
  ///     the own row when `nil` or another entry's.
  ///   - requestID: The `X-Request-Id`.
  ///   - style: How the body carries the error.
  public init(
    _ code: some HuaweiCloudServiceErrorCode, arguments: TemplateArguments = [:], row: CatalogEntry.Row? = nil,
    requestID: String = "0b6f9c1e8e3b4a5f9d2c7a1e4b8d3f60", style: BodyStyle = .errorCodeAndMessage
  ) {
    self.init(entry: code.entry, arguments: arguments, row: row, requestID: requestID, style: style)
  }

  /// A response for a catalog entry; see ``init(_:arguments:row:requestID:style:)``. A row whose
  /// table gives no message sends the code alone.
  public init(
    entry: CatalogEntry, arguments: TemplateArguments = [:], row: CatalogEntry.Row? = nil,
    requestID: String = "0b6f9c1e8e3b4a5f9d2c7a1e4b8d3f60", style: BodyStyle = .errorCodeAndMessage
  ) {
    let row = row.flatMap { entry.rows.contains($0) ? $0 : nil } ?? entry.row
    let code = JSONValue.string(entry.code)
    let message = row.template.map { JSONValue.string($0.render(arguments)) }
    service = entry.service
    status = row.status ?? 400
    headerFields = [
      Header(name: "Content-Type", value: "application/json;charset=UTF-8"),
      Header(name: "X-Request-Id", value: requestID),
    ]
    var object = JSONObject()
    switch style {
    case .camelCase:
      object.append("errorCode", code)
      if let message { object.append("errorMsg", message) }
    case .codeAndMessage:
      object.append("code", code)
      if let message { object.append("message", message) }
    case .nestedError:
      var inner: JSONObject = ["code": code]
      if let message { inner.append("message", message) }
      inner.append("title", .string(Self.reason(status)))
      object.append("error", .object(inner))
    default:
      object.append("error_code", code)
      if let message { object.append("error_msg", message) }
    }
    body = Array(JSONValue.object(object).serialized().utf8)
  }

  /// The reason phrase of a status.
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 301: "Moved Permanently"
    case 307: "Temporary Redirect"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 409: "Conflict"
    case 410: "Gone"
    case 411: "Length Required"
    case 412: "Precondition Failed"
    case 413: "Payload Too Large"
    case 414: "URI Too Long"
    case 416: "Range Not Satisfiable"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: "Error"
    }
  }
}

extension HuaweiCloudError {
  /// The error a fixture response carries, read with the fixture's service as the hint (every
  /// documented code that is not a success gives one).
  public init?(_ response: ErrorResponseFixture, options: ParsingOptions = ParsingOptions()) {
    self.init(
      status: response.status, headers: response.headers, body: response.body, service: response.service,
      options: options)
  }
}
