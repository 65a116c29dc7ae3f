/// Lookup tables derived from the catalog's rows, built once on first use. Every lookup
/// afterwards returns a stored array or a handle, so it does not allocate.
struct CatalogIndexes: Sendable {
  let services: [HuaweiCloudService]
  let entries: [CatalogEntry]
  let entriesByService: [[CatalogEntry]]
  /// Entries by every status they are documented with (own row or a variant), in catalog order.
  let entriesByStatus: [Int: [CatalogEntry]]
  let codes: CodeIndex
  /// Every service's code prefixes, lower case, by their hash: each with a bit set for every
  /// number of digits its documented codes have after it (`PM.` codes have 8: `PM.02153001`).
  let codeShapes: [UInt64: [(prefix: [UInt8], digitCounts: UInt64)]]
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
    var shapes: [UInt64: [(prefix: [UInt8], digitCounts: UInt64)]] = [:]
    for service in store.services {
      for prefix in service.table.codePrefixes {
        let lowered = prefix.utf8.map(LenientText.lowercased)
        var counts: UInt64 = 0
        for entry in service.entries {
          let code = store.bytes(store.entries[Int(entry)].code)
          guard code.count > lowered.count,
            zip(code, lowered).allSatisfy({ LenientText.lowercased($0) == $1 })
          else { continue }
          let digits = code.count - lowered.count
          if digits < 64, code.dropFirst(lowered.count).allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
            counts |= 1 << UInt64(digits)
          }
        }
        let hash = Self.hash(lowered[...])
        if let index = shapes[hash]?.firstIndex(where: { $0.prefix == lowered }) {
          shapes[hash]![index].digitCounts |= counts
        } else {
          shapes[hash, default: []].append((lowered, counts))
        }
      }
    }
    codeShapes = shapes
    var byLabel: [String: [HuaweiCloudService]] = [:]
    for (service, record) in zip(services, store.services) {
      for label in record.table.hosts { byLabel[label.lowercased(), default: []].append(service) }
    }
    servicesByHostLabel = byLabel
  }

  /// Whether `prefix` is a service's code prefix (`IAM.`, any ASCII letter case) whose documented
  /// codes have `digits` digits after it: `PM.9` is not the shape of a `PM.` code. Does not
  /// allocate.
  func isCodeShape(prefix: UnsafeBufferPointer<UInt8>, digits: Int) -> Bool {
    guard digits < 64, let candidates = codeShapes[Self.hash(prefix)] else { return false }
    return candidates.contains { candidate in
      candidate.digitCounts & (1 << UInt64(digits)) != 0 && candidate.prefix.count == prefix.count
        && zip(candidate.prefix, prefix).allSatisfy { $0 == LenientText.lowercased($1) }
    }
  }

  /// FNV-1a of the bytes, lower-cased.
  static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(LenientText.lowercased(byte))) &* 0x100_0000_01b3 }
    return hash
  }
}

extension CatalogStorage {
  static let indexes = CatalogIndexes(store: store)
}
