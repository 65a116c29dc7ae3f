/// A Huawei Cloud service whose error table the catalog holds.
///
/// The services are static members (`.iam`, `.ecs`, …) generated from `Resources/`; their
/// identifiers (`"iam"`, `"dms-kafka"`) are the ones the CLI and the JSON output use. A service is
/// not a code prefix: `DBS.` codes are documented by seven database services and `VPC.` codes by
/// VPC, EIP, NAT and VPN, so ``HuaweiCloudErrorCode/entries`` may name several services for one
/// code, and a hint (``init(identifier:)``, ``services(host:)``) tells them apart.
public struct HuaweiCloudService: Hashable, Sendable, CaseIterable, Comparable {
  /// The service's position in the catalog.
  let ordinal: UInt16

  init(ordinal: Int) {
    self.ordinal = UInt16(ordinal)
  }

  /// The service with this identifier (`"iam"`, `"dms-kafka"`), or `nil` when the catalog has no
  /// such service.
  public init?(identifier: String) {
    guard let ordinal = CatalogStorage.store.services.firstIndex(where: { $0.table.identifier == identifier }) else {
      return nil
    }
    self.init(ordinal: ordinal)
  }

  var record: CatalogStore.ServiceRecord { CatalogStorage.store.services[Int(ordinal)] }

  /// The identifier used in JSON and on the command line, e.g. `"iam"`.
  public var identifier: String { record.table.identifier }
  /// The service's name as the vendor writes it.
  public var title: String { record.table.title }
  /// What the service's codes start with, e.g. `["IAM."]`; empty for a service whose codes have
  /// no prefix (OBS's `NoSuchKey`). Services share prefixes: see the type's overview.
  public var codePrefixes: [String] { record.table.codePrefixes }
  /// The first labels of the service's endpoint hosts: `["ecs"]` for
  /// `ecs.ap-southeast-1.myhuaweicloud.com`.
  public var hostLabels: [String] { record.table.hosts }
  /// The tables the service's rows were read from: its own table first, then those that added
  /// to it (Huawei's own messages where a copy of the table rewrote them).
  public var tables: [Table] {
    record.table.tables.map {
      Table(source: $0.source, repository: $0.repository, pageDate: $0.pageDate, license: $0.license)
    }
  }

  /// The generated code type's name, e.g. `IAMErrorCode`.
  package var typeName: String { record.table.typeName }
  /// The static member's name, e.g. `dmsKafka`.
  package var memberName: String { record.table.memberName }

  /// Every service of the catalog, in catalog order (by identifier).
  public static var allCases: [HuaweiCloudService] {
    CatalogStorage.indexes.services
  }

  /// The service's documented codes, in the order of its table. Never allocates.
  public var entries: [CatalogEntry] { CatalogStorage.indexes.entriesByService[Int(ordinal)] }

  /// The service's entry for a code (ASCII letter case and spaces aside), or `nil` when the
  /// service does not document it.
  public func entry(code: String) -> CatalogEntry? {
    CatalogStorage.indexes.codes.entries(code: code).first { $0.serviceOrdinal == ordinal }
  }

  /// The services an endpoint host belongs to: `ecs` for `ecs.ap-southeast-1.myhuaweicloud.com`
  /// and for Open Telekom Cloud's `ecs.eu-de.otc.t-systems.com`, `obs` for a bucket's
  /// `my-bucket.obs.cn-north-4.myhuaweicloud.com`. The service is named by the last label of the
  /// host that is a service's host label, so that a bucket's or a tenant's own name in front does
  /// not count. A scheme, a port and a path are allowed and ignored
  /// (`https://obs.cn-north-4.myhuaweicloud.com:443/b`); letter case does not matter.
  ///
  /// - Returns: Usually one service; several where they share an endpoint (`dms` serves both of the
  ///   Distributed Message Services); empty for a host of no catalog service.
  public static func services(host: String) -> [HuaweiCloudService] {
    var rest = Substring(host)
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    let name = rest.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
    for label in name.split(separator: ".").reversed() {
      let services = CatalogStorage.indexes.servicesByHostLabel[String(label)] ?? []
      if !services.isEmpty { return services }
    }
    return []
  }

  /// Orders by identifier, the catalog's order.
  public static func < (lhs: HuaweiCloudService, rhs: HuaweiCloudService) -> Bool {
    lhs.ordinal < rhs.ordinal
  }
}

extension HuaweiCloudService {
  /// A table a service's rows were read from.
  public struct Table: Hashable, Sendable {
    /// What the rows name as their source: a captured page (`seeds/…`) or a documentation source
    /// file (`github:owner/repo@commit:path`).
    public let source: String
    /// The repository the table is a file of, or `nil`.
    public let repository: String?
    /// The page's date (`YYYY-MM-DD`), or `nil` when it gives none.
    public let pageDate: String?
    /// The licence the table is published under, or `nil` when not stated.
    public let license: String?
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
