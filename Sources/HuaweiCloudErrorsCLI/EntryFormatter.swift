import HuaweiCloudErrors

/// The human-readable block the CLI prints for an entry.
enum EntryFormatter {
  static func block(_ entry: CatalogEntry) -> String {
    var lines = ["\(entry.code) · HTTP \(entry.status) · \(entry.service.title)\(entry.isSuccess ? " · success" : "")"]
    lines += field("Message", entry.message)
    lines += field("Description", entry.description)
    lines += field("Solution", entry.solution ?? "(the table gives none)")
    lines += field("Updated", entry.updated ?? "(the page gives no date)")
    lines += field("Swift", entry.swiftCase)
    for variant in entry.variants {
      let heading = "HTTP \(variant.status)" + (variant.updated.map { " · \($0)" } ?? "")
      lines += field("Variant", heading)
      lines += field("", variant.message)
      if variant.description != entry.description { lines += field("", "Description: \(variant.description)") }
      if let solution = variant.solution, solution != entry.solution { lines += field("", "Solution: \(solution)") }
    }
    return lines.joined(separator: "\n") + "\n"
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
