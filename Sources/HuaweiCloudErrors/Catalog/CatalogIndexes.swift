/// Lookup tables derived from the catalog's rows, built once on first use. Every lookup
/// afterwards returns a stored array or a handle, so it does not allocate.
struct CatalogIndexes: Sendable {
  let services: [HuaweiCloudService]
  let entries: [CatalogEntry]
  let entriesByService: [[CatalogEntry]]
  /// Entries by every status they are documented with (own row or a variant), in catalog order.
  let entriesByStatus: [Int: [CatalogEntry]]
  let codes: CodeIndex
  /// Every service's code prefixes, lower case.
  let codePrefixes: Set<[UInt8]>
  /// The services of each endpoint host label.
  let servicesByHostLabel: [String: [HuaweiCloudService]]

  init(store: CatalogStore) {
    services = store.services.indices.map(HuaweiCloudService.init(ordinal:))
    entries = store.entries.indices.map(CatalogEntry.init(index:))
    entriesByService = store.services.map { service in
      service.entries.map { CatalogEntry(index: Int($0)) }
    }
    var byStatus: [Int: [CatalogEntry]] = [:]
    for (index, record) in store.entries.enumerated() {
      var statuses: [Int] = []
      for row in record.rows {
        for status in store.rows[Int(row)].statuses where !statuses.contains(status) { statuses.append(status) }
      }
      for status in statuses { byStatus[status, default: []].append(entries[index]) }
    }
    entriesByStatus = byStatus
    codes = CodeIndex(codes: store.entries.map { store.bytes($0.code) }, entries: entries)
    codePrefixes = Set(store.services.flatMap { $0.table.codePrefixes.map { $0.utf8.map(LenientText.lowercased) } })
    var byLabel: [String: [HuaweiCloudService]] = [:]
    for (service, record) in zip(services, store.services) {
      for label in record.table.hosts { byLabel[label.lowercased(), default: []].append(service) }
    }
    servicesByHostLabel = byLabel
  }

  /// Whether `bytes` are a service's code prefix (`IAM.`), in any ASCII letter case.
  func isCodePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    codePrefixes.contains(bytes.map(LenientText.lowercased))
  }
}

extension CatalogStorage {
  static let indexes = CatalogIndexes(store: store)
}
