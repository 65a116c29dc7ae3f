/// The compiled-in catalog of documented Huawei Cloud error codes, and lookups into it.
///
/// Every lookup is answered from tables built once, on first use; afterwards none allocates.
///
/// ```swift
/// HuaweiCloudCatalog.entry(code: "CBC.0150")?.status   // 403
/// HuaweiCloudCatalog.entries(status: 429).map(\.code)  // ["IAM.0012", "CBC.0250", "APIGW.0308"]
/// ```
public enum HuaweiCloudCatalog: Sendable {
  /// Every documented code, services in catalog order and each service in the order of its table.
  public static var entries: [CatalogEntry] { CatalogStorage.allEntries }

  /// The entry for a code spelled exactly as the catalog spells it (case-sensitive), in constant
  /// time. Returns `nil` for a code the catalog does not document and for any malformed input
  /// (empty, too long, other characters).
  public static func entry(code: String) -> CatalogEntry? {
    CatalogStorage.codeIndex.position(of: code).map(CatalogEntry.init(index:))
  }

  /// The entries documented with an HTTP status, by their own text or a variant, in catalog
  /// order; empty when no entry has that status.
  public static func entries(status: Int) -> [CatalogEntry] {
    CatalogStorage.entriesByStatus[status] ?? []
  }

  /// The entries of one service, in the order of its table.
  public static func entries(service: HuaweiCloudService) -> [CatalogEntry] {
    service.entries
  }
}
