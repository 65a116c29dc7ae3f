import TinyJSON

/// A realistic Huawei Cloud failure response for a documented error, for testing error handling
/// without a network.
///
/// ```swift
/// let response = ErrorResponseFixture(IAMErrorCode.tokenExpired, requestID: "req-1")
/// let error = HuaweiCloudError(status: response.status, headers: response.headers, body: response.body)
/// ```
public struct ErrorResponseFixture: Hashable, Sendable {
  /// How the body carries the error, as the different services write it.
  public enum BodyStyle: Hashable, Sendable, CaseIterable {
    /// `{"error_code": "…", "error_msg": "…"}`, as most services send.
    case errorCodeAndMessage
    /// `{"errorCode": "…", "errorMsg": "…"}`.
    case camelCase
    /// `{"code": "…", "message": "…"}`.
    case codeAndMessage
    /// `{"error": {"code": "…", "message": "…", "title": "…"}}`, as IAM's Keystone-style APIs send.
    case nestedError
  }

  /// A header field.
  public struct Header: Hashable, Sendable {
    public var name: String
    public var value: String
  }

  /// The HTTP status: the documented one.
  public var status: Int
  /// `Content-Type` and `X-Request-Id`.
  public var headerFields: [Header]
  /// The JSON body.
  public var body: [UInt8]

  /// The header fields as name-value pairs, as ``HuaweiCloudError/init(status:headers:body:options:)`` takes them.
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
  ///   - variant: Which documented text to send: `nil` for the entry's own, or an index into its
  ///     ``CatalogEntry/variants`` (clamped to them).
  ///   - requestID: The `X-Request-Id`.
  ///   - style: How the body carries the error.
  public init(
    _ code: some HuaweiCloudServiceErrorCode, arguments: TemplateArguments = [:], variant: Int? = nil,
    requestID: String = "0b6f9c1e8e3b4a5f9d2c7a1e4b8d3f60", style: BodyStyle = .errorCodeAndMessage
  ) {
    self.init(entry: code.entry, arguments: arguments, variant: variant, requestID: requestID, style: style)
  }

  /// A response for a catalog entry; see ``init(_:arguments:variant:requestID:style:)``.
  public init(
    entry: CatalogEntry, arguments: TemplateArguments = [:], variant: Int? = nil,
    requestID: String = "0b6f9c1e8e3b4a5f9d2c7a1e4b8d3f60", style: BodyStyle = .errorCodeAndMessage
  ) {
    let code = entry.code
    let text =
      variant.flatMap { entry.variants.isEmpty ? nil : entry.variants[min(max($0, 0), entry.variants.count - 1)] }
      ?? entry.text
    let message = text.template.render(arguments)
    status = text.status
    headerFields = [
      Header(name: "Content-Type", value: "application/json;charset=UTF-8"),
      Header(name: "X-Request-Id", value: requestID),
    ]
    let object: JSONObject
    switch style {
    case .errorCodeAndMessage: object = ["error_code": .string(code), "error_msg": .string(message)]
    case .camelCase: object = ["errorCode": .string(code), "errorMsg": .string(message)]
    case .codeAndMessage: object = ["code": .string(code), "message": .string(message)]
    case .nestedError:
      object = [
        "error": .object([
          "code": .string(code), "message": .string(message), "title": .string(Self.reason(text.status)),
        ])
      ]
    }
    body = Array(JSONValue.object(object).serialized().utf8)
  }

  /// The reason phrase of the statuses the catalog documents.
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 409: "Conflict"
    case 413: "Payload Too Large"
    case 414: "URI Too Long"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: "Error"
    }
  }
}

extension HuaweiCloudError {
  /// The error a fixture response carries (every documented non-success code gives one).
  public init?(_ response: ErrorResponseFixture, options: ParsingOptions = ParsingOptions()) {
    self.init(status: response.status, headers: response.headers, body: response.body, options: options)
  }
}
