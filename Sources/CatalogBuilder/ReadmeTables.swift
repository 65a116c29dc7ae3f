/// The README's tables that the catalog determines: every service with its codes and source, and
/// the number of codes of each category per service. `generate-catalog` rewrites them and
/// `--check` fails when they are stale, as for the generated Swift.
package enum ReadmeTables: Sendable {
  package static let servicesMarker = "<!-- services: generated from the catalog, checked by a test -->"
  package static let categoriesMarker = "<!-- categories: generated from the catalog, checked by a test -->"

  /// `readme` with the table after each marker replaced; a marker that is missing is an error.
  package static func update(_ readme: String, files: [CatalogFile]) throws -> String {
    let files = files.sorted { $0.service.identifier < $1.service.identifier }
    var text = try replaceTable(after: servicesMarker, in: readme, with: servicesTable(files))
    text = try replaceTable(after: categoriesMarker, in: text, with: categoriesTable(files))
    return text
  }

  /// `| service | title | code prefixes | codes | source | page date |`.
  static func servicesTable(_ files: [CatalogFile]) -> [String] {
    var lines = ["| service | title | code prefixes | codes | source | page date |", "|---|---|---|---|---|---|"]
    for file in files {
      let service = file.service
      let prefixes = service.codePrefixes.map { "`\($0)`" }.joined(separator: " ")
      let date = service.tables.compactMap(\.pageDate).max() ?? ""
      lines.append(
        "| `\(service.identifier)` | \(service.title) | \(prefixes) | \(file.entries.count) | "
          + "\(sourcePhrase(service.tables.first)) | \(date) |")
    }
    return lines
  }

  /// Where a table comes from, in a few words: `otc: elastic-cloud-server`, `Huawei Cloud page`.
  static func sourcePhrase(_ table: TableSource?) -> String {
    guard let table else { return "" }
    if let repository = table.repository {
      let parts = repository.split(separator: "/")
      let owner = parts.first.map(String.init) ?? ""
      let name = parts.last.map(String.init) ?? repository
      return (owner == "opentelekomcloud-docs" ? "otc: " : "huawei: ") + name
    }
    if table.source.hasPrefix("apigw/") { return "reconstruction" }
    return "Huawei Cloud page"
  }

  /// The number of codes per category (by each code's own row) and service, with totals.
  static func categoriesTable(_ files: [CatalogFile]) -> [String] {
    let categories = Classification.categories
    var lines = [
      "| service | " + categories.joined(separator: " | ") + " |",
      "|---|" + String(repeating: "---:|", count: categories.count),
    ]
    var totals = [String: Int]()
    for file in files {
      var counts = [String: Int]()
      for entry in file.entries { counts[entry.row.category ?? "", default: 0] += 1 }
      for (category, count) in counts { totals[category, default: 0] += count }
      lines.append(
        "| `\(file.service.identifier)` | " + categories.map { String(counts[$0] ?? 0) }.joined(separator: " | ") + " |"
      )
    }
    lines.append("| all | " + categories.map { String(totals[$0] ?? 0) }.joined(separator: " | ") + " |")
    return lines
  }

  /// Replaces the Markdown table that follows `marker` (after blank lines) with `table`.
  static func replaceTable(after marker: String, in text: String, with table: [String]) throws -> String {
    let parts = text.components(separatedBy: marker)
    guard parts.count == 2 else {
      throw CatalogFileError("README.md needs the line \(marker) exactly once, before its table")
    }
    var rest = parts[1].split(separator: "\n", omittingEmptySubsequences: false)[...]
    var leading: [Substring] = []
    while let first = rest.first, first.isEmpty {
      leading.append(first)
      rest = rest.dropFirst()
    }
    rest = rest.drop { $0.hasPrefix("|") }
    if rest.first?.isEmpty == false { rest.insert("", at: rest.startIndex) }
    return parts[0] + marker + "\n" + table.joined(separator: "\n") + "\n" + rest.joined(separator: "\n")
  }
}
