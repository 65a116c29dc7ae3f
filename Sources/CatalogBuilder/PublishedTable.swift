import TinyJSON

/// A table as JSON rows: a published table parsed from its documentation source
/// (`catalog-sources/otc/*.json`, `catalog-sources/huawei-zh/*.json`), or a table reconstructed
/// row by row from several sources (the API Gateway's `apigw-errors.json`).
///
/// A row has `code`, `status` (an integer, a cell such as `"400 Bad Request"` or `"404/500"`, or
/// empty), `message`, `description` and `solution` (empty or `null` where the table has no such
/// text), and either `source` (one string) or `sources` (the addresses a reconstruction cites,
/// with a `confidence`); `module` names the API module a table lists the row under.
package struct PublishedTable: Sendable {
  package var rows: [(code: String, row: CatalogRow)]
  /// The sources that name the table itself: the files a published table's rows were parsed from,
  /// or the stand-in source of a reconstruction (whose rows cite the pages they were read from).
  package var tableSources: [String] = []

  /// Reads the rows; `source` stands in for a row that names no source of its own, and
  /// `pageDates` gives each source's page date. Throws, naming the row, when one lacks a field or
  /// has a status that is not one.
  package init(
    json text: String, source: String, pageDates: [String: String] = [:], origin: TextOrigin = .huawei
  )
    throws(PageError)
  {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw PageError("not valid JSON: \(error)")
    }
    guard let array = value.arrayValue else { throw PageError("the JSON is not an array of rows") }
    rows = []
    for (index, element) in array.enumerated() {
      guard let object = element.objectValue else { throw PageError("row \(index) is not an object") }
      guard let code = object["code"]?.stringValue, !code.isEmpty else {
        throw PageError("row \(index) has no \"code\"")
      }
      func text(_ key: String) throws(PageError) -> String? {
        switch object[key] {
        case .string(let text)?: return text.isEmpty ? nil : text
        case nil, .null?: return nil
        default: throw PageError("row \(index) (\(code)) has a \"\(key)\" that is not a string")
        }
      }
      let (statuses, statusText) = try Self.statuses(object["status"], row: "row \(index) (\(code))")
      var sources = (object["sources"]?.arrayValue ?? []).compactMap(\.stringValue)
      let own = try text("source")
      if let own { sources.append(own) }
      if sources.isEmpty { sources = [source] }
      let tableSource = own ?? source
      if !tableSources.contains(tableSource) { tableSources.append(tableSource) }
      let confidence = try text("confidence")
      // A reconstructed row seen in Huawei's English page is Huawei's text; the others are Open
      // Telekom Cloud's copy.
      let rowOrigin = confidence.map { $0.hasPrefix("huawei-en") ? .huawei : .openTelekomCloud } ?? origin
      rows.append(
        (
          code: code,
          row: CatalogRow(
            statuses: statuses, statusText: statusText, message: try text("message"),
            description: try text("description"), solution: try text("solution"),
            updated: sources.lazy.compactMap { pageDates[$0] }.first, sources: sources, origin: rowOrigin,
            confidence: confidence, modules: try text("module").map { [$0] } ?? [])
        ))
    }
    guard !rows.isEmpty else { throw PageError("the table has no rows") }
  }

  /// The statuses a cell gives, and the cell itself when it holds more than statuses: `400`,
  /// `"400"`, `"400 Bad Request"` (one status, the text kept), `"404/500"` (two), `""` (none),
  /// `"NA"` (none, the text kept).
  static func statuses(_ cell: JSONValue?, row: String) throws(PageError) -> ([Int], String?) {
    switch cell {
    case .number(let digits)?:
      guard let status = Int(digits), (100...599).contains(status) else {
        throw PageError("\(row) has status \(digits), not an HTTP status")
      }
      return ([status], nil)
    case nil, .null?:
      return ([], nil)
    case .string(let text)?:
      let trimmed = text.trimmingWhitespace()
      guard !trimmed.isEmpty else { return ([], nil) }
      // The digits before any reason phrase: `400 Bad Request`, `404/500`, `400/409/500`.
      let codes = trimmed.prefix { $0 == "/" || ($0.isASCII && $0.isNumber) }
      let statuses = codes.split(separator: "/").compactMap { Int($0) }
      guard !statuses.isEmpty, statuses.allSatisfy({ (100...599).contains($0) }),
        statuses.count == codes.split(separator: "/", omittingEmptySubsequences: false).count
      else {
        // A cell that gives no status (`NA`, `500409`) is kept as written, with no status read
        // from it rather than one guessed.
        return ([], String(trimmed))
      }
      return (statuses, trimmed == codes ? nil : String(trimmed))
    default:
      throw PageError("\(row) has a status that is neither a number nor a string")
    }
  }
}
