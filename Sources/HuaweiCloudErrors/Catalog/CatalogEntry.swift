/// A documented Huawei Cloud error code of one service: what the service's table says about it.
///
/// An entry is a small handle into the compiled-in catalog: getting one never allocates, and two
/// entries are equal exactly when they are the same code of the same service. The same code can
/// be documented by several services (`VPC.0002` by VPC, EIP and NAT), each with an entry of
/// its own. Its own ``row`` is the newest text the service documents; ``variants`` holds texts
/// that software may still receive: a former revision, a further row of the table, or Huawei's
/// own wording where a copy of the table rewrote it.
///
/// ```swift
/// let entry = CatalogEntry(code: "IAM.0066")!
/// entry.status       // 401
/// entry.message      // "The token has expired."
/// entry.solution     // what the vendor says to do
/// ```
public struct CatalogEntry: Hashable, Sendable, Comparable {
  let serviceOrdinal: UInt16
  /// The position in the service's table.
  let ordinal: UInt16

  init(service: HuaweiCloudService, ordinal: Int) {
    serviceOrdinal = service.ordinal
    self.ordinal = UInt16(ordinal)
  }

  /// The entry from ``packed``.
  init(packed: UInt32) {
    serviceOrdinal = UInt16(truncatingIfNeeded: packed >> 16)
    ordinal = UInt16(truncatingIfNeeded: packed)
  }

  /// The entry as one word, service then position: what the code index keeps in its slots.
  var packed: UInt32 { UInt32(serviceOrdinal) << 16 | UInt32(ordinal) }

  init(index: Int) {
    let record = CatalogStorage.store.entries[index]
    serviceOrdinal = record.service
    ordinal = record.ordinal
  }

  /// The entry for a code: of `service` when given, else of the one service that documents it.
  /// Codes compare ignoring ASCII letter case and spaces (`iam.0066` is `IAM.0066`).
  ///
  /// Returns `nil` when the catalog (or `service`) does not document the code, and, without a
  /// service, when several services do (`VPC.0002`): then ``HuaweiCloudCatalog/entries(code:)``
  /// gives them all.
  public init?(code: String, service: HuaweiCloudService? = nil) {
    guard let entry = HuaweiCloudCatalog.entry(code: code, service: service) else { return nil }
    self = entry
  }

  /// The entry's position among all entries.
  var index: Int {
    CatalogStorage.store.entryIndex(service: Int(serviceOrdinal), ordinal: Int(ordinal))
  }

  /// The entry's record, borrowed in place rather than copied (it holds arrays to retain).
  var record: CatalogStore.EntryRecord {
    _read { yield CatalogStorage.store.entries[index] }
  }

  /// The code as documented, e.g. `"CBC.0150"`.
  public var code: String { CatalogStorage.store.text(record.code) ?? "" }
  /// The service whose table documents the code.
  public var service: HuaweiCloudService { HuaweiCloudService(ordinal: Int(serviceOrdinal)) }
  /// The entry's own row: the newest text the service documents for the code.
  public var row: Row { Row(index: Int(CatalogStorage.store.ownRows[index])) }
  /// Other rows documented for the code, which servers may still send: former revisions, further
  /// rows of the table (the gateway's `APIGW.0201` has one per status) and Huawei's own wording
  /// where a copy of the table rewrote it. Empty for most entries.
  public var variants: [Row] { record.rows.dropFirst().map { Row(index: Int($0)) } }
  /// The own row followed by the variants.
  public var rows: [Row] { record.rows.map { Row(index: Int($0)) } }

  /// The HTTP status of the own row (CBC documents many errors with 200), or `nil` when the table
  /// gives none.
  public var status: Int? { row.status }
  /// The own row's message, placeholders such as `%s` or `{0}` kept verbatim, or `nil` when the
  /// table has no message.
  public var message: String? { row.message }
  /// What the error means, or `nil` when the table does not say.
  public var description: String? { row.description }
  /// What to do about it, or `nil` when the table does not say (CBC has no solution column).
  public var solution: String? { row.solution }
  /// The date of the page the own row comes from (`YYYY-MM-DD`), or `nil` when it gives none.
  public var updated: String? { row.updated }
  /// Whether the code means success rather than an error (CBC's `CBC.0000`).
  public var isSuccess: Bool { CatalogStorage.store.successEntries[index] }

  /// Orders by service, then by the service's table.
  public static func < (lhs: CatalogEntry, rhs: CatalogEntry) -> Bool {
    (lhs.serviceOrdinal, lhs.ordinal) < (rhs.serviceOrdinal, rhs.ordinal)
  }

  /// The documented row with this HTTP status, or `nil` when the entry has none:
  /// `CatalogEntry(code: "APIGW.0201")?.row(status: 504)` is the gateway's "Backend timeout." row.
  public func row(status: Int) -> Row? {
    // Read in place: a response without a message asks this, and `rows` would allocate; the rows'
    // range comes from the compact table of own rows, not from the entry's record.
    for index in CatalogStorage.store.rowRange(entry: index) where Row(index: index).gives(status: status) {
      return Row(index: index)
    }
    return nil
  }
}

extension CatalogEntry {
  /// One documented text of a code: a row of the service's table.
  ///
  /// A row is a handle into the catalog; its texts are read when asked for.
  public struct Row: Hashable, Sendable {
    /// The row's position among all rows: what a cache keyed by row uses.
    package let index: Int32

    init(index: Int) {
      self.index = Int32(index)
    }

    /// The row's record, borrowed in place rather than copied (it holds arrays to retain).
    var record: CatalogStore.RowRecord {
      _read { yield CatalogStorage.store.rows[Int(index)] }
    }

    /// The entry the row documents.
    public var entry: CatalogEntry { CatalogEntry(index: Int(record.entry)) }
    /// The HTTP status the row gives; the first where it gives several; `nil` where it gives none.
    public var status: Int? { record.status }
    /// Every HTTP status the row gives: one for most rows, several for a cell such as `404/500`,
    /// none where the table gives none (RDS).
    public var statuses: [Int] { record.statuses }
    /// The status cell as the table writes it, when it holds more than statuses (`400 Bad Request`);
    /// `nil` otherwise.
    public var statusText: String? { CatalogStorage.store.text(record.statusText) }
    /// The message, placeholders kept verbatim; `nil` when the table has none.
    public var message: String? { CatalogStorage.store.text(record.message) }
    /// What the error means; `nil` when the table does not say.
    public var description: String? { CatalogStorage.store.text(record.description) }
    /// What to do about it; `nil` when the table does not say.
    public var solution: String? { CatalogStorage.store.text(record.solution) }
    /// The date of the page the row comes from (`YYYY-MM-DD`); `nil` when it gives none.
    public var updated: String? { CatalogStorage.store.text(record.updated) }
    /// Where the row was read: a captured page (`seeds/…`), a documentation source file
    /// (`github:owner/repo@commit:path`), or the addresses a reconstructed row cites.
    public var sources: [String] {
      let service = CatalogStorage.store.services[Int(entry.serviceOrdinal)]
      return record.sources.map { service.sources[Int($0)] }
    }
    /// Whose words the text is.
    public var origin: Origin {
      switch record.origin {
      case UInt8(ascii: "o"): .openTelekomCloud
      case UInt8(ascii: "r"): .openTelekomCloudRewritten
      default: .huawei
      }
    }
    /// How sure a reconstructed row is (the API Gateway's table: `huawei-en`, `otc-en`, …); `nil`
    /// for rows read from a table.
    public var confidence: String? { CatalogStorage.store.text(record.confidence) }
    /// The API modules the table lists the row under (VPC's "Creating a VPC"); empty for tables
    /// without a module column.
    public var modules: [String] { CatalogStorage.store.list(record.modules) }
    /// What kind of failure the row documents.
    public var category: HuaweiCloudError.Category { record.category }
    /// Whether and how a caller should retry the failure the row documents.
    public var retryAdvice: HuaweiCloudError.RetryAdvice { record.retryAdvice }
    /// Whether the row gives `status`, read from its head, and from its record only when it has
    /// more than one status (``statuses`` copies the list).
    func gives(status: Int) -> Bool {
      let head = CatalogStorage.store.rowHeads[Int(index)]
      if head.status >= 0, Int(head.status) == status { return true }
      return head.hasMoreStatuses && record.statuses.contains(status)
    }

    /// Whether this is one of the entry's variants rather than its own row.
    public var isVariant: Bool { entry.record.rows.lowerBound != index }
  }

  /// Whose words a documented text is.
  ///
  /// Open Telekom Cloud publishes Huawei's tables for its own cloud, mostly word for word; where
  /// its message differs from Huawei's, Huawei's is kept as a variant, so that a message from a
  /// Huawei region matches.
  public struct Origin: Hashable, Sendable, CustomStringConvertible {
    /// `huawei`, `otc` or `otc-rewritten`.
    public let rawValue: String

    init(_ rawValue: String) {
      self.rawValue = rawValue
    }

    /// Huawei Cloud's own table.
    public static let huawei = Origin("huawei")
    /// Open Telekom Cloud's copy of Huawei's table, where it says what Huawei's says or Huawei's
    /// table does not have the code.
    public static let openTelekomCloud = Origin("otc")
    /// Open Telekom Cloud's copy, where its message differs from Huawei's for the same code.
    public static let openTelekomCloudRewritten = Origin("otc-rewritten")

    /// The raw value.
    public var description: String { rawValue }
  }
}

// Not `CustomStringConvertible`: `description` is the vendor's description column, so printing
// and interpolation use `debugDescription`, which names the code.
extension CatalogEntry: CustomDebugStringConvertible {
  /// The service, code, status and message: `iam IAM.0066 (HTTP 401): The token has expired.`
  public var debugDescription: String {
    var text = "\(service.identifier) \(code)"
    if let status { text += " (HTTP \(status))" }
    if let message { text += ": \(message)" }
    return text
  }
}

extension CatalogEntry.Row: CustomDebugStringConvertible {
  /// The status and message: `HTTP 401: The token has expired.`
  public var debugDescription: String {
    let status = statuses.isEmpty ? "no status" : "HTTP " + statuses.map(String.init).joined(separator: "/")
    return status + ": " + (message ?? description ?? "(no text)")
  }
}

extension CatalogEntry {
  /// The member of the service's code type, e.g. `IAMErrorCode.tokenExpired`, for tools that
  /// print Swift to write.
  package var swiftName: String {
    "\(service.typeName).\(CatalogStorage.store.text(record.name) ?? "")"
  }

  /// The entry's rows with `primary` (one of them; the own row when `nil` or not the entry's)
  /// apart from the others, in order: how a lookup by code and status shows the entry.
  package func rows(primary: Row?) -> (primary: Row, others: [Row]) {
    var others = rows
    let primary = others.remove(at: primary.flatMap { others.firstIndex(of: $0) } ?? 0)
    return (primary, others)
  }
}
