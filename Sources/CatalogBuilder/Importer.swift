/// Merges a page's rows into a service's catalog file. Nothing is ever dropped:
/// - a new code is added, after the code that precedes it on the page;
/// - a row whose text differs from the entry's becomes the entry's own text and the former text a
///   variant, unless the page is older than the entry's text, in which case the row is the variant;
/// - a code's second row on one page (CBC's `CBC.0150`) is a variant of its first;
/// - a row already in the catalog only adds its source.
public enum Importer: Sendable {
  /// What an import did.
  public struct Report: Hashable, Sendable, CustomStringConvertible {
    /// Codes new to the catalog.
    public var added: [String] = []
    /// Codes whose own text was replaced (the former text is now a variant).
    public var changed: [String] = []
    /// Codes that gained a variant without their own text changing.
    public var variantsAdded: [String] = []
    /// Rows the catalog already held.
    public var unchanged = 0
    /// Page lines after the table's last row, left out as the page's surroundings.
    public var ignoredTrailingLines: [String] = []

    public var description: String {
      var lines = [
        "added \(added.count) code(s)\(Self.list(added))",
        "changed \(changed.count) code(s)\(Self.list(changed))",
        "added variants to \(variantsAdded.count) code(s)\(Self.list(variantsAdded))",
        "\(unchanged) row(s) unchanged",
      ]
      if !ignoredTrailingLines.isEmpty {
        lines.append(
          "ignored \(ignoredTrailingLines.count) line(s) after the table, from \"\(ignoredTrailingLines[0])\"")
      }
      if added.isEmpty && changed.isEmpty && variantsAdded.isEmpty { lines.append("nothing to do") }
      return lines.joined(separator: "\n")
    }

    private static func list(_ codes: [String]) -> String {
      codes.isEmpty ? "" : ": " + codes.joined(separator: ", ")
    }
  }

  /// Why rows could not be imported.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Merges `rows` (in page order) into `file`, or throws without changing anything when a row's
  /// code does not belong to the file's service.
  public static func merge(_ rows: [(code: String, row: CatalogRow)], into file: inout CatalogFile) throws -> Report {
    let foreign = rows.map(\.code).filter { !file.service.owns(code: $0) }
    guard foreign.isEmpty else {
      throw Failure(
        description: "codes not of service \(file.service.identifier) (\(file.service.codePrefix)…): "
          + foreign.joined(separator: ", "))
    }
    var report = Report()
    var names = Dictionary(file.entries.map { ($0.swiftName, $0.row.message) }, uniquingKeysWith: { first, _ in first })
    var seenOnThisPage: Set<String> = []
    // Where the page's previous code sits in the file: a new code goes right after it.
    var anchor: Int? = nil
    for (code, row) in rows {
      guard let index = file.entries.firstIndex(where: { $0.code == code }) else {
        let name = SwiftNaming.name(message: row.message, code: code, taken: names)
        names[name] = row.message
        let entry = CatalogFileEntry(code: code, swiftName: name, success: isSuccess(row), row: row)
        let position = anchor.map { $0 + 1 } ?? 0
        file.entries.insert(entry, at: position)
        anchor = position
        report.added.append(code)
        seenOnThisPage.insert(code)
        continue
      }
      let isSecondRow = !seenOnThisPage.insert(code).inserted
      if !isSecondRow { anchor = index }
      var entry = file.entries[index]
      defer { file.entries[index] = entry }
      if entry.row.hasSameText(as: row) {
        merge(sources: row.sources, into: &entry.row)
        report.unchanged += 1
        continue
      }
      if let same = entry.variants.firstIndex(where: { $0.hasSameText(as: row) }) {
        if !isSecondRow, isOlder(entry.row, than: row) {
          // A newer page went back to a former text: it is the entry's own again.
          var former = entry.variants.remove(at: same)
          former.updated = row.updated
          merge(sources: row.sources, into: &former)
          entry.variants.append(entry.row)
          entry.row = former
          entry.success = isSuccess(former)
          appendOnce(code, to: &report.changed)
        } else {
          merge(sources: row.sources, into: &entry.variants[same])
          report.unchanged += 1
        }
        continue
      }
      if isSecondRow || isOlder(row, than: entry.row) {
        entry.variants.append(row)
        appendOnce(code, to: &report.variantsAdded)
      } else {
        entry.variants.append(entry.row)
        entry.row = row
        entry.success = isSuccess(row)
        appendOnce(code, to: &report.changed)
      }
    }
    return report
  }

  /// A success row: documented with a 2xx status and a message that says so (CBC's
  /// `CBC.0000 Success.`).
  static func isSuccess(_ row: CatalogRow) -> Bool {
    (200..<300).contains(row.status) && row.message.lowercased().hasPrefix("success")
  }

  /// Whether `row` comes from a page older than `current`'s; a row with no date is never older.
  static func isOlder(_ row: CatalogRow, than current: CatalogRow) -> Bool {
    guard let date = row.updated, let currentDate = current.updated else { return false }
    return date < currentDate
  }

  /// Adds sources the row does not list yet; returns whether it added any.
  @discardableResult
  static func merge(sources: [String], into row: inout CatalogRow) -> Bool {
    let new = sources.filter { !row.sources.contains($0) }
    row.sources += new
    return !new.isEmpty
  }

  private static func appendOnce(_ code: String, to codes: inout [String]) {
    if !codes.contains(code) { codes.append(code) }
  }
}

extension Importer {
  /// Reads a captured vendor page, or a reconstructed table in JSON (an array of rows with
  /// `code`, `status`, `message`, `description`, `solution`, `sources` and `confidence`, as
  /// `apigw-errors.json`), and merges its rows into `file`.
  public static func importPage(text: String, source: String, into file: inout CatalogFile) throws -> Report {
    if text.drop(while: \.isWhitespace).first == "[" {
      return try merge(ReconstructedTable(json: text, source: source).rows, into: &file)
    }
    let page = try VendorPage(text: text)
    let rows = page.rows.map { row in
      (
        code: row.code,
        row: CatalogRow(
          status: row.status, message: row.message, description: row.description, solution: row.solution,
          updated: page.updated, sources: [source])
      )
    }
    var report = try merge(rows, into: &file)
    report.ignoredTrailingLines = page.ignoredTrailingLines
    return report
  }
}
