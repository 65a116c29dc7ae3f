import HuaweiCloudErrors

/// The human-readable block the CLI prints for an entry.
enum EntryFormatter {
  /// The entry with `primary` (one of its texts; the own text when `nil`) first and the others as
  /// variants.
  static func block(_ entry: CatalogEntry, primary: CatalogEntry.Variant? = nil) -> String {
    let (top, others) = entry.texts(primary: primary)
    var lines = ["\(entry.code) · HTTP \(top.status) · \(entry.service.title)\(entry.isSuccess ? " · success" : "")"]
    lines += field("Message", top.message)
    lines += field("Description", top.description)
    lines += field("Solution", top.solution ?? "(the table gives none)")
    lines += field("Updated", top.updated ?? "(the page gives no date)")
    if let confidence = top.confidence { lines += field("Confidence", confidence) }
    if top.sources.contains(where: { $0.hasPrefix("http") }) {
      lines += field("Sources", top.sources.joined(separator: "\n"))
    }
    lines += field("Swift", entry.swiftCase)
    for variant in others {
      let heading = "HTTP \(variant.status)" + (variant.updated.map { " · \($0)" } ?? "")
      lines += field("Variant", heading)
      lines += field("", variant.message)
      if variant.description != top.description { lines += field("", "Description: \(variant.description)") }
      if let solution = variant.solution, solution != top.solution { lines += field("", "Solution: \(solution)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// What the catalog documents for an error seen in a response or a log: the row that fits
  /// (`text`), and the values recovered from the message.
  static func documented(
    _ entry: CatalogEntry, text: CatalogEntry.Variant, arguments: TemplateArguments, foundBy: String? = nil
  ) -> [String] {
    var lines = field(
      "Documented",
      "\(entry.code) · HTTP \(text.status) · \(entry.service.title)" + (foundBy.map { ", found \($0)" } ?? ""))
    lines += field("Description", text.description)
    if let solution = text.solution { lines += field("Solution", solution) }
    for (key, value) in arguments {
      lines += field("Argument", "\(key) = \(UsageError.quoted(value, limit: 200))")
    }
    return lines
  }

  /// `  Label        text`, continuation lines aligned under the text.
  static func field(_ label: String, _ text: String) -> [String] {
    let width = 13
    let pad = String(repeating: " ", count: width + 2)
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
      let head =
        offset == 0 && !label.isEmpty ? "  " + label + String(repeating: " ", count: width - label.count) : pad
      return head + line
    }
  }
}
