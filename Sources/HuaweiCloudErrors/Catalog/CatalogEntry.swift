/// A documented Huawei Cloud error code: what the vendor's table says about it.
///
/// An entry is a small handle into the compiled-in catalog, so getting one never allocates and
/// two entries are equal exactly when they are the same code. Its own text is the newest the
/// vendor documents; ``variants`` holds texts that software may still receive: a former
/// revision of the table, or a second row for the same code.
///
/// ```swift
/// let entry = CatalogEntry(code: "IAM.0066")!
/// entry.status       // 401
/// entry.message      // "The token has expired."
/// entry.solution     // what the vendor says to do
/// ```
public struct CatalogEntry: Hashable, Sendable, Comparable {
  /// The entry's position in ``HuaweiCloudCatalog/entries``.
  let index: Int

  init(index: Int) {
    self.index = index
  }

  /// The entry for a code exactly as the catalog spells it (`"IAM.0066"`), or `nil` when the
  /// catalog does not document it. See ``HuaweiCloudCatalog/entry(code:)``.
  public init?(code: String) {
    guard let entry = HuaweiCloudCatalog.entry(code: code) else { return nil }
    self = entry
  }

  var record: CatalogStorage.Record { CatalogStorage.records[index] }

  /// The code as documented, e.g. `"CBC.0150"`.
  public var code: String { record.code }
  /// The service whose table documents the code.
  public var service: HuaweiCloudService { record.service }
  /// The HTTP status the table gives (CBC documents many errors with 200).
  public var status: Int { record.text.status }
  /// The error message, placeholders such as `%s` or `{0}` kept verbatim.
  public var message: String { record.text.message }
  /// What the error means.
  public var description: String { record.text.description }
  /// What to do about it, or `nil` where the table has no solution column (CBC).
  public var solution: String? { record.text.solution }
  /// The date of the page the text comes from (`YYYY-MM-DD`), or `nil` when the page gives none.
  public var updated: String? { record.text.updated }
  /// Other texts documented for the code, which servers may still send: former revisions and
  /// second rows. Empty for most entries.
  public var variants: [Variant] { record.variants }
  /// The entry's own text as a ``Variant``, for code that treats all texts alike.
  public var text: Variant { record.text }
  /// The own text followed by the variants.
  public var texts: [Variant] { [record.text] + record.variants }
  /// Whether the code means success rather than an error (CBC's `CBC.0000`).
  public var isSuccess: Bool { record.isSuccess }

  public static func < (lhs: CatalogEntry, rhs: CatalogEntry) -> Bool {
    lhs.index < rhs.index
  }
}

extension CatalogEntry {
  /// One documented text of a code: a row of the vendor's table.
  public struct Variant: Hashable, Sendable {
    /// The HTTP status of this row.
    public let status: Int
    /// The message, placeholders kept verbatim.
    public let message: String
    /// What the error means.
    public let description: String
    /// What to do about it, or `nil` where the table has no solution column.
    public let solution: String?
    /// The page date of this row (`YYYY-MM-DD`), or `nil` when the page gives none.
    public let updated: String?
    /// Where the row was read: a captured page, or the addresses a reconstructed row cites.
    public let sources: [String]
    /// How sure a reconstructed row is, or `nil` for rows read from the vendor's page.
    public let confidence: String?

    init(
      status: Int, message: String, description: String, solution: String?, updated: String?,
      sources: [String], confidence: String? = nil
    ) {
      self.status = status
      self.message = message
      self.description = description
      self.solution = solution
      self.updated = updated
      self.sources = sources
      self.confidence = confidence
    }
  }
}

// Not `CustomStringConvertible`: `description` is the vendor's description column, so printing
// and interpolation use `debugDescription`, which names the code.
extension CatalogEntry: CustomDebugStringConvertible {
  /// The code, status and message: `IAM.0066 (HTTP 401): The token has expired.`
  public var debugDescription: String {
    "\(code) (HTTP \(status)): \(message)"
  }
}

extension CatalogEntry {
  /// The generated case, e.g. `IAMErrorCode.tokenExpired`, for tools that print Swift to write.
  package var swiftCase: String {
    "\(record.service.enumName).\(record.swiftName)"
  }
}

extension CatalogEntry {
  /// The entry's texts with `primary` (one of them; the own text when `nil` or not the entry's)
  /// apart from the others, in order: how a lookup by code and status shows the entry.
  package func texts(primary: Variant?) -> (primary: Variant, others: [Variant]) {
    var others = texts
    let primary = others.remove(at: primary.flatMap { others.firstIndex(of: $0) } ?? 0)
    return (primary, others)
  }
}
