/// Any Huawei Cloud error code, documented or not.
///
/// Every string is a valid code: the raw value is kept exactly as received, and ``entry`` is
/// `nil` for codes the catalog does not document, as `HTTP2ErrorCode` does for codes it has no
/// name for. Two codes are equal when their raw values are.
///
/// ```swift
/// let code: HuaweiCloudErrorCode = "IAM.0066"
/// code == .iam(.tokenExpired)        // true
/// HuaweiCloudErrorCode("ECS.0001").entry  // nil: not in the catalog, but kept
/// ```
public struct HuaweiCloudErrorCode: RawRepresentable, Hashable, Sendable, Comparable {
  /// The code exactly as received or written.
  public let rawValue: String
  /// The catalog position, resolved once.
  private let index: Int?

  /// A code from its string; never fails. A documented code whose service prefix is written in
  /// another letter case (`Iam.0004`) resolves to its entry, and keeps its spelling.
  public init(rawValue: String) {
    self.rawValue = rawValue
    self.index =
      CatalogStorage.codeIndex.position(of: rawValue)
      ?? CatalogStorage.codeIndex.position(ofPrefixCaseInsensitive: rawValue)
  }

  /// A code from its string; never fails.
  public init(_ rawValue: String) {
    self.init(rawValue: rawValue)
  }

  init(entry: CatalogEntry) {
    self.rawValue = entry.code
    self.index = entry.index
  }

  /// The documented entry, or `nil` when the catalog does not document this code.
  public var entry: CatalogEntry? { index.map(CatalogEntry.init(index:)) }

  /// Whether the catalog documents this code.
  public var isDocumented: Bool { index != nil }

  /// The service the code belongs to: its entry's, else the service whose prefix it starts with
  /// in any letter case (`CBC.0156` is a CBC code though the catalog does not list it); `nil` for
  /// other codes.
  public var service: HuaweiCloudService? {
    if let entry { return entry.service }
    guard let dot = rawValue.utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
    return HuaweiCloudService(codePrefix: rawValue.utf8[...dot])
  }

  public static func == (lhs: HuaweiCloudErrorCode, rhs: HuaweiCloudErrorCode) -> Bool {
    lhs.rawValue == rhs.rawValue
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rawValue)
  }

  /// Orders by raw value.
  public static func < (lhs: HuaweiCloudErrorCode, rhs: HuaweiCloudErrorCode) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

extension HuaweiCloudErrorCode: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) {
    self.init(rawValue: value)
  }
}

extension HuaweiCloudErrorCode: CustomStringConvertible {
  /// The raw value.
  public var description: String { rawValue }
}

extension HuaweiCloudErrorCode: Codable {
  /// Decodes any string.
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  /// Encodes the raw value.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension HuaweiCloudErrorCode {
  /// A code as a response body or a log gave it, or `nil` when it gave none: an empty code is no
  /// code.
  init?(received text: String?) {
    guard let text, !text.isEmpty else { return nil }
    self.init(rawValue: text)
  }
}
