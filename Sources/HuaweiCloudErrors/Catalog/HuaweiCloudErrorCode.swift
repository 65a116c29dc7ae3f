/// Any Huawei Cloud error code, documented or not.
///
/// Every string is a valid code, as `HTTP2ErrorCode` takes every value: the raw value is kept
/// exactly as received, and ``entries`` is empty for codes the catalog does not document.
///
/// **Equality.** Two codes are equal when they are the same ignoring ASCII letter case and spaces:
/// servers and tables spell prefixes both ways (`Ecs.0001`, `ECS.0001`, `ces.0007`), and one
/// table writes `DCS. 4855` for `DCS.4855`. `==`, `hash(into:)`, ordering, every lookup and the
/// `catch` patterns of ``HuaweiCloudError`` follow this one rule; ``rawValue`` keeps the spelling
/// received.
///
/// ```swift
/// let code: HuaweiCloudErrorCode = "iam.0066"
/// code == .iam(.tokenExpired)              // true
/// HuaweiCloudErrorCode("ECS.9999").entries  // []: not in the catalog, but kept
/// ```
public struct HuaweiCloudErrorCode: RawRepresentable, Hashable, Sendable, Comparable {
  /// The code exactly as received or written.
  public let rawValue: String

  /// A code from its string; never fails.
  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// A code from its string; never fails.
  public init(_ rawValue: String) {
    self.init(rawValue: rawValue)
  }

  /// What the code is compared by: its bytes with letters lowered, spaces and tabs left out.
  private var key: LazyMapSequence<LazyFilterSequence<String.UTF8View>, UInt8> {
    rawValue.utf8.lazy.filter { $0 != 0x20 && $0 != 0x09 }.map(LenientText.lowercased)
  }

  /// Every service's entry for the code, in catalog order: one for most codes, several for a code
  /// that services share (`VPC.0002`), none for a code the catalog does not document.
  public var entries: [CatalogEntry] { Array(CatalogStorage.indexes.codes.entries(code: rawValue)) }

  /// The entry for the code when exactly one service documents it; `nil` when none does, and when
  /// several do (then see ``entries`` and ``entry(in:)``).
  public var entry: CatalogEntry? {
    let entries = CatalogStorage.indexes.codes.entries(code: rawValue)
    return entries.count == 1 ? entries.first : nil
  }

  /// The entry of `service` for the code, or `nil` when that service does not document it.
  public func entry(in service: HuaweiCloudService) -> CatalogEntry? {
    CatalogStorage.indexes.codes.entries(code: rawValue).first { $0.service == service }
  }

  /// Whether any service documents the code.
  public var isDocumented: Bool { !CatalogStorage.indexes.codes.entries(code: rawValue).isEmpty }

  /// The services the code belongs to: those that document it, else those whose code prefix it
  /// has (`CBC.0156` is a Partner Center code though the catalog does not list it, and an
  /// undocumented `DBS.` code may be any of seven database services'); empty when neither.
  public var services: [HuaweiCloudService] {
    let entries = CatalogStorage.indexes.codes.entries(code: rawValue)
    if !entries.isEmpty { return entries.map(\.service) }
    return HuaweiCloudService.services(codePrefixOf: rawValue)
  }

  /// The one service in ``services``, or `nil` when there are none or several: the same rule, read
  /// in place without building the list (an error without an entry takes its service this way).
  var soleService: HuaweiCloudService? {
    soleService(entries: CatalogStorage.indexes.codes.entries(code: rawValue))
  }

  /// ``soleService`` from the code's entries, already looked up.
  func soleService(entries: ArraySlice<CatalogEntry>) -> HuaweiCloudService? {
    guard let first = entries.first else {
      let services = HuaweiCloudService.services(codePrefixOf: rawValue)
      return services.count == 1 ? services[0] : nil
    }
    return entries.allSatisfy { $0.service == first.service } ? first.service : nil
  }

  /// Equal when the same ignoring ASCII letter case and spaces.
  public static func == (lhs: HuaweiCloudErrorCode, rhs: HuaweiCloudErrorCode) -> Bool {
    lhs.rawValue == rhs.rawValue || lhs.key.elementsEqual(rhs.key)
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    var count = 0
    for byte in key {
      hasher.combine(byte)
      count += 1
    }
    hasher.combine(count)
  }

  /// Orders by what `==` compares.
  public static func < (lhs: HuaweiCloudErrorCode, rhs: HuaweiCloudErrorCode) -> Bool {
    lhs.key.lexicographicallyPrecedes(rhs.key)
  }
}

extension HuaweiCloudErrorCode: ExpressibleByStringLiteral {
  /// A code from a string literal.
  public init(stringLiteral value: String) {
    self.init(rawValue: value)
  }
}

extension HuaweiCloudErrorCode: CustomStringConvertible {
  /// The raw value.
  public var description: String { rawValue }
}

extension HuaweiCloudErrorCode: Codable {
  /// Decodes any string.
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  /// Encodes the raw value.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension HuaweiCloudErrorCode {
  /// Whether the code is three digits from 100 to 599: an HTTP status where a body's `code` field
  /// holds one (IAM's Keystone-style errors), never a catalog code.
  var isHTTPStatus: Bool {
    let utf8 = rawValue.utf8
    return utf8.count == 3 && utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
      && (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(utf8.first!)
  }

  /// A code as a response body or a log gave it, or `nil` when it gave none: an empty code is no
  /// code.
  init?(received text: String?) {
    guard let text, !text.isEmpty else { return nil }
    self.init(rawValue: text)
  }
}

extension HuaweiCloudService {
  /// The services whose code prefix `code` starts with, in any ASCII letter case.
  static func services(codePrefixOf code: String) -> [HuaweiCloudService] {
    let utf8 = code.utf8
    return allCases.filter { service in
      service.codePrefixes.contains { prefix in
        prefix.utf8.count < utf8.count && LenientText.equalIgnoringCase(prefix.utf8, utf8.prefix(prefix.utf8.count))
      }
    }
  }
}
