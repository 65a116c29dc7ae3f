/// Lookup tables derived from the generated records, built once on first use. Every lookup
/// afterwards returns a stored array or a handle, so it does not allocate.
extension CatalogStorage {
  static let serviceList: [HuaweiCloudService] = services.indices.map(HuaweiCloudService.init(ordinal:))

  static let allEntries: [CatalogEntry] = records.indices.map(CatalogEntry.init(index:))

  static let entriesByService: [[CatalogEntry]] = services.map { Array(allEntries[$0.records]) }

  /// Entries by every status they are documented with (own text or a variant), in catalog order.
  static let entriesByStatus: [Int: [CatalogEntry]] = {
    var table: [Int: [CatalogEntry]] = [:]
    for entry in allEntries {
      var statuses = [entry.record.text.status]
      for variant in entry.record.variants where !statuses.contains(variant.status) {
        statuses.append(variant.status)
      }
      for status in statuses { table[status, default: []].append(entry) }
    }
    return table
  }()

  static let codeIndex = CodeIndex(codes: records.map(\.code))
}
