/// The generated enum of one service's documented codes, such as ``IAMErrorCode``.
///
/// Each case's raw value is its code (`"IAM.0066"`); the conformance gives every enum the same
/// catalog access, constant-time `init(rawValue:)` and `Codable` as the code string.
public protocol HuaweiCloudServiceErrorCode: RawRepresentable<String>, CaseIterable, Hashable, Sendable, Codable,
  CustomStringConvertible
where AllCases == [Self] {
  /// The service whose codes the enum lists.
  static var service: HuaweiCloudService { get }
  /// The case's position in its service's table (and in `allCases`).
  var ordinal: Int { get }
}

extension HuaweiCloudServiceErrorCode {
  /// The case for a code of this service, spelled exactly as documented, or `nil`; found in
  /// constant time through the catalog's code index, not by comparing strings case by case.
  public init?(rawValue: String) {
    guard let entry = HuaweiCloudCatalog.entry(code: rawValue), entry.service == Self.service else { return nil }
    self.init(documented: entry)
  }

  /// The case of an entry of this service.
  init(documented entry: CatalogEntry) {
    self = Self.allCases[entry.index - Self.service.record.records.lowerBound]
  }

  /// The documented code, e.g. `"IAM.0066"`.
  public var rawValue: String { entry.code }

  /// The catalog entry of the code.
  public var entry: CatalogEntry {
    CatalogEntry(index: Self.service.record.records.lowerBound + ordinal)
  }

  /// The code, e.g. `IAM.0066`.
  public var description: String { rawValue }

  /// The open code value of the case.
  public var code: HuaweiCloudErrorCode { HuaweiCloudErrorCode(entry: entry) }

  /// Decodes the code string; a string that is not one of this service's documented codes is a
  /// `DecodingError`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let code = try container.decode(String.self)
    guard let value = Self(rawValue: code) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(code)\" is not a documented \(Self.service.title) error code")
    }
    self = value
  }

  /// Encodes the code string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
