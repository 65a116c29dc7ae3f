import HuaweiCloudErrors

/// The human-readable blocks the CLI prints for entries and errors.
enum EntryFormatter {
  /// The entry with `primary` (one of its rows; the own row when `nil`) first and the others as
  /// variants.
  static func block(_ entry: CatalogEntry, primary: CatalogEntry.Row? = nil) -> String {
    let (top, others) = entry.rows(primary: primary)
    var lines = ["\(entry.code) · \(statusPhrase(top)) · \(entry.service.title)\(entry.isSuccess ? " · success" : "")"]
    lines += field("Message", top.message ?? "(the table gives none)")
    lines += field("Description", top.description ?? "(the table gives none)")
    lines += field("Solution", top.solution ?? "(the table gives none)")
    lines += field("Updated", top.updated ?? "(the page gives no date)")
    lines += field("Category", top.category.rawValue)
    lines += field("Retry", advicePhrase(top.retryAdvice))
    if top.origin != .huawei { lines += field("Text", originPhrase(top.origin)) }
    if let confidence = top.confidence { lines += field("Confidence", confidence) }
    if !top.modules.isEmpty { lines += field("Modules", top.modules.joined(separator: "\n")) }
    if top.sources.contains(where: { $0.hasPrefix("http") }) {
      lines += field("Sources", top.sources.joined(separator: "\n"))
    }
    lines += field("Swift", entry.swiftName)
    for variant in others {
      var heading = statusPhrase(variant) + (variant.updated.map { " · \($0)" } ?? "")
      if variant.origin != top.origin { heading += " · " + originPhrase(variant.origin) }
      lines += field("Variant", heading)
      lines += field("", variant.message ?? "(no message)")
      if let description = variant.description, description != top.description {
        lines += field("", "Description: \(description)")
      }
      if let solution = variant.solution, solution != top.solution { lines += field("", "Solution: \(solution)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `HTTP 401`, `HTTP 404 or 500`, `no HTTP status given`.
  static func statusPhrase(_ row: CatalogEntry.Row) -> String {
    row.statuses.isEmpty ? "no HTTP status given" : "HTTP " + row.statuses.map(String.init).joined(separator: " or ")
  }

  /// `do not retry`, `back off and retry`, `get a new token, then retry`.
  static func advicePhrase(_ advice: HuaweiCloudError.RetryAdvice, after delay: Duration? = nil) -> String {
    var phrase =
      switch advice {
      case .backoff: "back off and retry"
      case .reauthenticate: "get a new token or credentials, then retry"
      case .no: "do not retry"
      default: advice.rawValue
      }
    if advice != .no, let delay { phrase += " (the response says after \(delay.formatted))" }
    return "\(advice.rawValue): \(phrase)"
  }

  static func originPhrase(_ origin: CatalogEntry.Origin) -> String {
    switch origin {
    case .openTelekomCloud: "Open Telekom Cloud's text"
    case .openTelekomCloudRewritten: "Open Telekom Cloud's rewording"
    default: "Huawei's text"
    }
  }

  /// What the catalog documents for an error seen in a response or a log: the row that fits, and
  /// the values recovered from the message.
  static func documented(
    _ entry: CatalogEntry, row: CatalogEntry.Row, arguments: TemplateArguments, foundBy: String? = nil
  ) -> [String] {
    var lines = field(
      "Documented",
      "\(entry.code) · \(statusPhrase(row)) · \(entry.service.title)" + (foundBy.map { ", found \($0)" } ?? ""))
    if let description = row.description { lines += field("Description", description) }
    if let solution = row.solution { lines += field("Solution", solution) }
    for (key, value) in arguments {
      lines += field("Argument", "\(key) = \(UsageError.quoted(value, limit: 200))")
    }
    return lines
  }

  /// The lines of an error's documented part, whether found, ambiguous or unknown.
  static func resolution(
    entry: CatalogEntry?, row: CatalogEntry.Row?, arguments: TemplateArguments, resolution: HuaweiCloudError.Resolution,
    candidates: [CatalogEntry], service: HuaweiCloudService?
  ) -> [String] {
    if let entry, let row {
      return documented(
        entry, row: row, arguments: arguments, foundBy: resolution == .message ? "by its message" : "by its code")
        + field("Swift", entry.swiftName)
    }
    if !candidates.isEmpty {
      let list = candidates.map { "\($0.code) of \($0.service.identifier)" }.joined(separator: "\n")
      return field("Documented", "by several services; name one with --service or --host") + field("Candidates", list)
    }
    return field("Documented", "no" + (service.map { " (a \($0.title) code the catalog does not list)" } ?? ""))
  }

  /// What a response or log line carried beside its code and message: the authorization message
  /// and each of the `details`, quoted as received.
  static func received(encodedAuthorizationMessage: String?, details: [HuaweiCloudError.Detail]) -> [String] {
    var lines: [String] = []
    if let authorization = encodedAuthorizationMessage {
      lines += field("Auth message", UsageError.quoted(authorization, limit: 200))
    }
    for detail in details {
      let parts = [detail.code.map { UsageError.shown($0) }, detail.message.map { UsageError.quoted($0, limit: 200) }]
      lines += field("Detail", parts.compactMap { $0 }.joined(separator: " · "))
    }
    return lines
  }

  /// `  Label        text`, continuation lines aligned under the text.
  static func field(_ label: String, _ text: String) -> [String] {
    let width = 13
    let pad = String(repeating: " ", count: width + 2)
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
      let head =
        offset == 0 && !label.isEmpty ? "  " + label + String(repeating: " ", count: max(1, width - label.count)) : pad
      return head + line
    }
  }
}
