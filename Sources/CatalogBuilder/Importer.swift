/// Merges a table's rows into a service's catalog file. Nothing is ever dropped:
/// - a new code is added, after the code that precedes it in the table;
/// - a row whose text differs from the entry's becomes the entry's own text and the former text a
///   variant, unless the table is older than the entry's text, in which case the row is the variant;
/// - a code's further rows in one table (CBC's `CBC.0150`, VPC's rows per module) are variants of
///   its first; a further row with the same text only adds its module;
/// - a row already in the catalog only adds its source;
/// - rows that only add a message (Huawei's own tables, whose prose is not taken) are variants of
///   an entry that exists, and mark the entry's rows whose message differs as rewritten.
package enum Importer: Sendable {
  /// What an import did.
  package struct Report: Hashable, Sendable, CustomStringConvertible {
    /// Codes new to the catalog.
    package var added: [String] = []
    /// Codes whose own text was replaced (the former text is now a variant).
    package var changed: [String] = []
    /// Codes that gained a variant without their own text changing.
    package var variantsAdded: [String] = []
    /// Rows the catalog already held.
    package var unchanged = 0
    /// Codes the catalog has that the table does not list (kept: nothing is ever dropped).
    package var notInTable: [String] = []
    /// Page lines after the table's last row, left out as the page's surroundings.
    package var ignoredTrailingLines: [String] = []
    /// Rows of a table whose prose is not taken that are notes, not codes.
    package var ignoredNotes: [String] = []

    package var description: String {
      var lines = [
        "added \(added.count) code(s)\(Self.list(added))",
        "changed \(changed.count) code(s)\(Self.list(changed))",
        "added variants to \(variantsAdded.count) code(s)\(Self.list(variantsAdded))",
        "\(unchanged) row(s) unchanged",
      ]
      if !notInTable.isEmpty {
        lines.append("\(notInTable.count) code(s) of the catalog not in this table, kept\(Self.list(notInTable))")
      }
      if !ignoredNotes.isEmpty {
        lines.append("left out \(ignoredNotes.count) row(s) whose code is a note in prose, not a code")
      }
      if !ignoredTrailingLines.isEmpty {
        lines.append(
          "ignored \(ignoredTrailingLines.count) line(s) after the table, from \"\(ignoredTrailingLines[0])\"")
      }
      if added.isEmpty && changed.isEmpty && variantsAdded.isEmpty { lines.append("nothing to do") }
      return lines.joined(separator: "\n")
    }

    private static func list(_ codes: [String]) -> String {
      guard !codes.isEmpty else { return "" }
      let shown = codes.prefix(40).joined(separator: ", ")
      return ": " + shown + (codes.count > 40 ? ", … (\(codes.count - 40) more)" : "")
    }
  }

  /// Why rows could not be imported.
  package struct Failure: Error, Sendable, CustomStringConvertible {
    package var description: String
  }

  /// How a table's rows join the catalog.
  package enum Mode: Sendable {
    /// A table with the service's texts: its rows are entries' own texts or their variants.
    case texts
    /// A table from which only codes, statuses and messages are taken (Huawei's own tables, whose
    /// descriptions are in Chinese): a row of a known code is a variant when its message is new,
    /// and marks the code's rows with another message as rewritten.
    case messagesOnly
  }

  /// Merges `rows` (in table order) into `file`, or throws without changing anything when a row's
  /// code has a prefix that is not one of the file's service's.
  package static func merge(
    _ rows: [(code: String, row: CatalogRow)], into file: inout CatalogFile, mode: Mode = .texts
  ) throws -> Report {
    let foreign = rows.map(\.code).filter { !owns(file.service, code: $0) }
    guard foreign.isEmpty else {
      throw Failure(
        description: "codes not of service \(file.service.identifier) "
          + "(\(file.service.codePrefixes.joined(separator: ", "))…): "
          + foreign.prefix(20).joined(separator: ", ")
          + "; add their prefix to \"codePrefixes\" in \(file.service.fileName) if they are")
    }
    var report = Report()
    var names = Dictionary(
      file.entries.map { ($0.swiftName, SwiftNaming.Subject(code: $0.code, row: $0.row)) },
      uniquingKeysWith: { first, _ in first })
    var seenInThisTable: Set<String> = []
    // Where the table's previous code sits in the file: a new code goes right after it.
    var anchor: Int? = nil
    for (code, row) in rows {
      // Codes are one code whatever their letter case and spaces, as the library looks them up
      // (`CbC.0000` is `CBC.0000`): the first spelling stays the entry's.
      let key = codeKey(code)
      guard let index = file.entries.firstIndex(where: { isSameCode($0.code, code) }) else {
        let subject = SwiftNaming.Subject(code: code, row: row)
        let name = SwiftNaming.name(for: subject, taken: names)
        names[name] = subject
        let entry = CatalogFileEntry(code: code, swiftName: name, success: isSuccess(row), row: row)
        let position = anchor.map { $0 + 1 } ?? 0
        file.entries.insert(entry, at: position)
        anchor = position
        report.added.append(code)
        seenInThisTable.insert(key)
        continue
      }
      let isFurtherRow = !seenInThisTable.insert(key).inserted
      if !isFurtherRow { anchor = index }
      var entry = file.entries[index]
      defer { file.entries[index] = entry }
      if mode == .messagesOnly {
        mergeMessage(row, into: &entry, report: &report)
        continue
      }
      if entry.row.hasSameText(as: row) {
        merge(provenanceOf: row, into: &entry.row)
        report.unchanged += 1
        continue
      }
      if let same = entry.variants.firstIndex(where: { $0.hasSameText(as: row) }) {
        if !isFurtherRow, isOlder(entry.row, than: row) {
          // A newer table went back to a former text: it is the entry's own again.
          var former = entry.variants.remove(at: same)
          former.updated = row.updated
          merge(provenanceOf: row, into: &former)
          entry.variants.append(entry.row)
          entry.row = former
          entry.success = isSuccess(former)
          appendOnce(code, to: &report.changed)
        } else {
          merge(provenanceOf: row, into: &entry.variants[same])
          report.unchanged += 1
        }
        continue
      }
      if isFurtherRow || isOlder(row, than: entry.row) {
        entry.variants.append(row)
        appendOnce(code, to: &report.variantsAdded)
      } else {
        entry.variants.append(entry.row)
        entry.row = row
        entry.success = isSuccess(row)
        appendOnce(code, to: &report.changed)
      }
    }
    report.notInTable = file.entries.map(\.code).filter { !seenInThisTable.contains($0) }
    return report
  }

  /// A messages-only row of a known code: a variant when its message is new, and the code's rows
  /// with another message (from another publisher) marked as rewritten.
  private static func mergeMessage(_ row: CatalogRow, into entry: inout CatalogFileEntry, report: inout Report) {
    guard let message = row.message else {
      report.unchanged += 1
      return
    }
    // The same message from the same publisher with the same statuses is the same row.
    if let same = entry.allRows.firstIndex(where: {
      $0.message == message && $0.origin == row.origin && $0.statuses == row.statuses
    }) {
      if same == 0 {
        merge(provenanceOf: row, into: &entry.row)
      } else {
        merge(provenanceOf: row, into: &entry.variants[same - 1])
      }
      report.unchanged += 1
      return
    }
    // A copy of the table that never says this message rewrote it.
    if !entry.allRows.contains(where: { $0.message == message }) {
      if entry.row.origin == .openTelekomCloud { entry.row.origin = .openTelekomCloudRewritten }
      for index in entry.variants.indices where entry.variants[index].origin == .openTelekomCloud {
        entry.variants[index].origin = .openTelekomCloudRewritten
      }
    }
    // A row that says what a row there says, with its statuses, adds nothing.
    if entry.allRows.contains(where: { $0.message == message && $0.statuses == row.statuses }) {
      report.unchanged += 1
      return
    }
    entry.variants.append(row)
    appendOnce(entry.code, to: &report.variantsAdded)
  }

  /// Whether `code` may be a code of the service: a code with a prefix (letters and a dot) must
  /// have one of the service's, in any letter case; codes without one (bare numbers, words) may be
  /// any service's.
  static func owns(_ service: ServiceMetadata, code: String) -> Bool {
    guard let prefix = codePrefix(of: code) else { return true }
    return service.codePrefixes.contains { $0.lowercased() == prefix.lowercased() }
  }

  /// `IAM.` for `IAM.0066`: the leading letters (and inner dots, `SVCSTG.SWR.`) up to the dot
  /// before the first digit; `nil` for codes without one.
  package static func codePrefix(of code: String) -> String? {
    guard let firstDigit = code.firstIndex(where: { $0.isASCII && $0.isNumber }),
      let dot = code[..<firstDigit].lastIndex(of: "."), dot > code.startIndex
    else { return nil }
    let prefix = code[...dot]
    guard prefix.first!.isLetter, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "." || $0 == "_") }) else {
      return nil
    }
    return String(prefix)
  }

  /// A success row: documented with a 2xx status and a message that says so (CBC's
  /// `CBC.0000 Success.`).
  /// Whether a row reports success, not a failure: a 2xx status and a text that says the request
  /// succeeded (`CBC.0000` "Success.", `RDS.0000` "Request processed successfully.", AOM's
  /// "The request is properly executed."), or that a task was done (`ModelArts.4900` "Training
  /// job prepared."). A text that also speaks of a failure, of part of the work or of work still
  /// going on is not success (`CBC.4003` "… successfully generated but fails to be sent.",
  /// "Partial success.", `ModelArts.4902` "Labels are being exported.").
  static func isSuccess(_ row: CatalogRow) -> Bool {
    guard let status = row.status, (200..<300).contains(status) else { return false }
    let texts = [row.message, row.description].compactMap { $0?.lowercased() }
    if texts.contains(where: { text in failureWords.contains { text.contains($0) } }) { return false }
    return texts.contains { text in
      text.hasPrefix("success") || text.contains("successful") || text.contains("succeeded")
        || text.contains("properly executed")
        || completionWords.contains { text.hasSuffix(" \($0).") || text.hasSuffix(" \($0)") }
    }
  }

  /// Whether an entry means success: its own row does, and no other row of it is an error
  /// (`ModelArts.4904` is "Labels exported." with 200 in one table and a 400 in another).
  static func isSuccess(_ entry: CatalogFileEntry) -> Bool {
    isSuccess(entry.row) && entry.variants.allSatisfy { $0.statuses.allSatisfy { (200..<300).contains($0) } }
  }

  private static let failureWords = ["fail", "partial", "error", "not ", "cannot", "unable", " being "]
  private static let completionWords = ["submitted", "executed", "exported", "prepared", "processed"]

  /// Whether `row` comes from a table older than `current`'s; a row with no date is never older.
  static func isOlder(_ row: CatalogRow, than current: CatalogRow) -> Bool {
    guard let date = row.updated, let currentDate = current.updated else { return false }
    return date < currentDate
  }

  /// Adds the sources and modules the row does not list yet.
  static func merge(provenanceOf row: CatalogRow, into existing: inout CatalogRow) {
    existing.sources += row.sources.filter { !existing.sources.contains($0) }
    existing.modules += row.modules.filter { !existing.modules.contains($0) }
  }

  private static func appendOnce(_ code: String, to codes: inout [String]) {
    if !codes.contains(code) { codes.append(code) }
  }
}

extension Importer {
  /// Reads a table in any form the importer knows and merges its rows into `file`:
  /// - a captured vendor page (text);
  /// - a reconstructed table in JSON (an array of rows with `code`, an integer `status`,
  ///   `message`, `description`, `solution`, `sources` and `confidence`, as `apigw-errors.json`);
  /// - a published table in JSON (an array of rows with `code`, a `status` cell, `message`,
  ///   `description`, `solution`, `source` and an optional `module`, as `catalog-sources/otc/*.json`).
  ///
  /// - Parameters:
  ///   - text: The table's text.
  ///   - source: Stands in for a row that names no source of its own (a captured page's name).
  ///   - file: The service's catalog file, changed only when every row could be read.
  ///   - pageDates: The page date of each source a published table's rows name.
  ///   - origin: Whose words a published table's rows are.
  ///   - mode: How the rows join the catalog.
  /// - Returns: What the import did.
  /// - Throws: ``PageError`` when the table cannot be read, ``Failure`` when a code is not the
  ///   service's.
  package static func importTable(
    text: String, source: String, into file: inout CatalogFile, pageDates: [String: String] = [:],
    origin: TextOrigin = .huawei, mode: Mode = .texts
  ) throws -> Report {
    if text.drop(while: \.isWhitespace).first == "[" {
      var table = try PublishedTable(json: text, source: source, pageDates: pageDates, origin: origin)
      var notes: [String] = []
      if mode == .messagesOnly {
        // A row whose code is Chinese prose is a note under the table, not a code.
        notes = table.rows.map(\.code).filter(isChinese)
        table.rows.removeAll { isChinese($0.code) }
        // Only codes, statuses and English messages are taken from such a table.
        for index in table.rows.indices {
          table.rows[index].row.description = nil
          table.rows[index].row.solution = nil
          if table.rows[index].row.message.map(isChinese) == true { table.rows[index].row.message = nil }
        }
      }
      var report = try merge(table.rows, into: &file, mode: mode)
      report.ignoredNotes = notes
      record(table.tableSources, in: &file.service, pageDates: pageDates)
      return report
    }
    let page = try VendorPage(text: text)
    let rows = page.rows.map { row in
      (
        code: row.code,
        row: CatalogRow(
          status: row.status, message: row.message, description: row.description, solution: row.solution,
          updated: page.updated, sources: [source], origin: origin)
      )
    }
    var report = try merge(rows, into: &file, mode: mode)
    report.ignoredTrailingLines = page.ignoredTrailingLines
    record([source], in: &file.service, pageDates: [source: page.updated].compactMapValues { $0 })
    return report
  }

  /// Whether two codes are one as the library compares codes (see ``codeKey(_:)``), compared
  /// byte by byte without building either key: the merge compares every row with every entry.
  static func isSameCode(_ a: String, _ b: String) -> Bool {
    func significant(_ byte: UInt8) -> Bool { byte != 0x20 && byte != 0x09 }
    func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
    return a.utf8.lazy.filter(significant).map(lowered).elementsEqual(b.utf8.lazy.filter(significant).map(lowered))
  }

  /// A code as the library compares codes: ASCII letters lowered, spaces and tabs left out.
  package static func codeKey(_ code: String) -> String {
    String(
      decoding: code.utf8.filter { $0 != 0x20 && $0 != 0x09 }.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// Whether a text holds Chinese (or other CJK) characters: prose, not an API message.
  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      (0x3000...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        || (0xFF00...0xFFEF).contains(scalar.value)
    }
  }

  /// Adds the tables the service does not list yet, in the order they are imported: the service's
  /// own table first.
  static func record(_ sources: [String], in service: inout ServiceMetadata, pageDates: [String: String]) {
    for source in sources where !service.tables.contains(where: { $0.source == source }) {
      service.tables.append(
        TableSource(
          source: source, repository: SourceIndex.repository(of: source), pageDate: pageDates[source],
          license: source.hasPrefix("github:opentelekomcloud-docs/") ? "Apache-2.0" : nil))
    }
  }
}
