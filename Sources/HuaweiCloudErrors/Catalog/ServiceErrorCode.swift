/// The generated type of one service's documented codes, such as ``IAMErrorCode``.
///
/// Each static member is a documented code (`IAMErrorCode.tokenExpired`); the raw value is its
/// code (`"IAM.0066"`), and it encodes as that string. The catalog grows, so the types are
/// structs, not enums: a `switch` over one needs a `default`, and a new code never breaks a
/// `switch` that compiled before.
///
/// The requirements are what the catalog gives each type; a type of your own that conforms can
/// only hand back entries the catalog made, so nothing it does can break the library.
public protocol HuaweiCloudServiceErrorCode: RawRepresentable<String>, CaseIterable, Hashable, Sendable, Codable,
  CustomStringConvertible
where AllCases == [Self] {
  /// The service whose codes the type lists.
  static var service: HuaweiCloudService { get }
  /// What the catalog documents for the code.
  var entry: CatalogEntry { get }
}

extension HuaweiCloudServiceErrorCode {
  /// The documented code, e.g. `"IAM.0066"`.
  public var rawValue: String { entry.code }

  /// The code, e.g. `IAM.0066`.
  public var description: String { rawValue }

  /// The open code value, for comparing with a received code: `code == error.code`.
  public var code: HuaweiCloudErrorCode { HuaweiCloudErrorCode(rawValue: entry.code) }

  /// Encodes the code string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The entry of `Self.service` a decoder's string names, or a `DecodingError`.
  static func decodeEntry(from decoder: any Decoder) throws -> CatalogEntry {
    let container = try decoder.singleValueContainer()
    let code = try container.decode(String.self)
    guard let entry = service.entry(code: code) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(code)\" is not a documented \(service.title) error code")
    }
    return entry
  }
}
