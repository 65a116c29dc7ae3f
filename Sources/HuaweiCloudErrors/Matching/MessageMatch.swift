/// A documented entry that a received message fits, with what its placeholders held.
public struct MessageMatch: Hashable, Sendable {
  /// How the message fits the entry's text.
  public enum Kind: Hashable, Sendable {
    /// The message is the documented text, which has no placeholders.
    case exact
    /// The message is the documented template with its placeholders filled.
    case template
    /// The message is a documented text without placeholders followed by more: `Incorrect IAM
    /// authentication information: verify aksk signature fail`. The extra text is the argument
    /// `detail`. Ranked below every fit of the whole message.
    case detail
  }

  /// The entry the message belongs to.
  public let entry: CatalogEntry
  /// Which text fits: -1 for the entry's own, else the variant's index. (An index rather than the
  /// text itself keeps a match small to copy.)
  package let variantIndex: Int
  /// The documented text that fits: the entry's own text or one of its ``CatalogEntry/variants``.
  public var text: CatalogEntry.Variant {
    variantIndex < 0 ? entry.text : entry.variants[variantIndex]
  }
  /// Whether ``text`` is a variant rather than the entry's own text.
  public var isVariant: Bool { variantIndex >= 0 }
  /// How the message fits.
  public let kind: Kind
  /// Whether the message fits only leniently: differing in letter case or whitespace, or in a
  /// trailing period.
  public let isLenient: Bool
  /// The placeholder values recovered from the message, cut from it as received: empty for
  /// ``Kind/exact``, `detail` for ``Kind/detail``.
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
