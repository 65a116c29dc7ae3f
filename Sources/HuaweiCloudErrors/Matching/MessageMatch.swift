/// A documented entry that a received message fits, with what its placeholders held.
public struct MessageMatch: Hashable, Sendable {
  /// How a message fits a documented text.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    /// `exact`, `template` or `detail`.
    public var rawValue: String {
      switch ordinal {
      case 0: "exact"
      case 1: "template"
      default: "detail"
      }
    }

    /// Which of the values this is: a byte, so that a match holding one has nothing to count.
    private let ordinal: UInt8

    private init(ordinal: UInt8) {
      self.ordinal = ordinal
    }

    /// The message is the documented text, which has no placeholders.
    public static let exact = Kind(ordinal: 0)
    /// The message is the documented template with its placeholders filled.
    public static let template = Kind(ordinal: 1)
    /// The message is a documented text without placeholders followed by more: `Incorrect IAM
    /// authentication information: verify aksk signature fail`. The extra text is the argument
    /// `detail`. Ranked below every fit of the whole message.
    public static let detail = Kind(ordinal: 2)

    /// The raw value.
    public var description: String { rawValue }
  }

  /// The entry the message belongs to.
  public let entry: CatalogEntry
  /// The documented row that fits: the entry's own row or one of its ``CatalogEntry/variants``.
  public let row: CatalogEntry.Row
  /// How the message fits.
  public let kind: Kind
  /// Whether the message fits only leniently: differing in letter case or whitespace, or in a
  /// trailing period.
  public let isLenient: Bool
  /// The placeholder values recovered from the message, cut from it as received: empty for
  /// ``Kind/exact``, `detail` for ``Kind/detail``. A value is an empty string only where the
  /// message holds nothing between the text's words (`[]`).
  public let arguments: TemplateArguments
  /// How much of the message is the template's literal text (in its lenient form): what ranks a
  /// specific template above a generic one.
  public let literalLength: Int
}

extension MessageMatch: CustomStringConvertible {
  /// `IAM.0080 template ["0": "AKIA3X9Q", "1": "prod-key"]`.
  public var description: String {
    var text = "\(entry.code) \(kind)\(isLenient ? " (lenient)" : "")"
    if !arguments.isEmpty { text += " \(arguments)" }
    return text
  }
}
