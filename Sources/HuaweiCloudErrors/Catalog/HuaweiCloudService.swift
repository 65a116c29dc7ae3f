/// A Huawei Cloud service whose error table the catalog holds.
///
/// The services are static members (`.iam`, `.cbc`, …) generated from `Resources/`; their
/// identifiers (`"iam"`) are the ones the CLI and the JSON output use.
public struct HuaweiCloudService: Hashable, Sendable, CaseIterable, Comparable {
  /// The service's position in the catalog.
  let ordinal: Int

  init(ordinal: Int) {
    self.ordinal = ordinal
  }

  /// The service with this identifier (`"iam"`, `"projectman"`, …), or `nil` when the catalog
  /// has no such service.
  public init?(identifier: String) {
    guard let ordinal = CatalogStorage.services.firstIndex(where: { $0.identifier == identifier }) else {
      return nil
    }
    self.ordinal = ordinal
  }

  /// The service whose code prefix (`"IAM."`) `prefix` is in any ASCII letter case, or `nil`.
  init?(codePrefix prefix: some Collection<UInt8>) {
    guard
      let ordinal = CatalogStorage.services.firstIndex(where: {
        LenientText.equalIgnoringCase($0.codePrefix.utf8, prefix)
      })
    else { return nil }
    self.ordinal = ordinal
  }

  var record: CatalogStorage.ServiceRecord { CatalogStorage.services[ordinal] }

  /// The identifier used in JSON and on the command line, e.g. `"iam"`.
  public var identifier: String { record.identifier }
  /// The service's name as the vendor writes it.
  public var title: String { record.title }
  /// What the service's codes start with, e.g. `"IAM."`.
  public var codePrefix: String { record.codePrefix }

  /// The generated enum's name, e.g. `IAMErrorCode`.
  package var enumName: String { record.enumName }

  /// Every service of the catalog, in catalog order.
  public static var allCases: [HuaweiCloudService] {
    CatalogStorage.serviceList
  }

  /// The service's documented codes, in the order of its table. Never allocates.
  public var entries: [CatalogEntry] { CatalogStorage.entriesByService[ordinal] }

  public static func < (lhs: HuaweiCloudService, rhs: HuaweiCloudService) -> Bool {
    lhs.ordinal < rhs.ordinal
  }
}

extension HuaweiCloudService: CustomStringConvertible {
  /// The identifier, e.g. `iam`.
  public var description: String { identifier }
}

extension HuaweiCloudService: Codable {
  /// Decodes the identifier; an identifier the catalog does not know is a `DecodingError`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let identifier = try container.decode(String.self)
    guard let service = HuaweiCloudService(identifier: identifier) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "unknown Huawei Cloud service \"\(identifier)\"")
    }
    self = service
  }

  /// Encodes the identifier.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(identifier)
  }
}
