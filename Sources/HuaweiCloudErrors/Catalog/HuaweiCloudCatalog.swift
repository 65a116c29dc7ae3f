/// The compiled-in catalog of documented Huawei Cloud error codes, and lookups into it.
///
/// Every lookup is answered from tables built once, on first use; afterwards none allocates.
/// Codes compare ignoring ASCII letter case and spaces, as ``HuaweiCloudErrorCode`` says.
///
/// ```swift
/// HuaweiCloudCatalog.entry(code: "CBC.0150")?.status   // 403
/// HuaweiCloudCatalog.entries(code: "VPC.0002").map(\.service.identifier)  // every service's entry
/// ```
public enum HuaweiCloudCatalog: Sendable {
  /// Every documented code of every service, services in catalog order and each service in the
  /// order of its table.
  public static var entries: [CatalogEntry] { CatalogStorage.indexes.entries }

  /// Every service's entry for a code, in catalog order; empty when no service documents it (and
  /// for any malformed input: empty, longer than 128 bytes, other characters).
  public static func entries(code: String) -> [CatalogEntry] {
    Array(CatalogStorage.indexes.codes.entries(code: code))
  }

  /// The entry for a code: of `service` when given, else of the one service that documents it.
  ///
  /// Returns `nil` when the catalog (or `service`) does not document the code, and, without a
  /// service, when several services do: a code such as `VPC.0002` never silently picks one
  /// service's entry; ``entries(code:)`` gives them all.
  public static func entry(code: String, service: HuaweiCloudService? = nil) -> CatalogEntry? {
    guard let service else {
      // The common case, without retaining the index's arrays.
      guard let (entry, count) = CatalogStorage.indexes.codes.firstEntry(code: code), count == 1 else { return nil }
      return entry
    }
    return CatalogStorage.indexes.codes.entries(code: code).first { $0.service == service }
  }

  /// The entries documented with an HTTP status, by their own row or a variant, in catalog order;
  /// empty when no entry has that status.
  public static func entries(status: Int) -> [CatalogEntry] {
    CatalogStorage.indexes.entriesByStatus[status] ?? []
  }

  /// The entries of one service, in the order of its table.
  public static func entries(service: HuaweiCloudService) -> [CatalogEntry] {
    service.entries
  }
}
