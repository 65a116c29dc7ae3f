/// The compiled-in catalog tables. The generated files fill them from `Resources/*.json`; nothing
/// is read at run time.
enum CatalogStorage {
  /// What the catalog knows of a service.
  struct ServiceRecord: Sendable {
    let identifier: String
    let title: String
    let codePrefix: String
    let acceptsBareNumbers: Bool
    let enumName: String
    /// The service's entries: a contiguous range of `records`.
    let records: Range<Int>
  }

  /// One documented code: its own text and its variants.
  struct Record: Sendable {
    let code: String
    let service: HuaweiCloudService
    /// The generated enum case's name.
    let swiftName: String
    let isSuccess: Bool
    let text: CatalogEntry.Variant
    let variants: [CatalogEntry.Variant]

    init(
      _ code: String, _ service: HuaweiCloudService, _ swiftName: String, success: Bool = false,
      _ text: CatalogEntry.Variant, variants: [CatalogEntry.Variant] = []
    ) {
      self.code = code
      self.service = service
      self.swiftName = swiftName
      self.isSuccess = success
      self.text = text
      self.variants = variants
    }
  }
}
