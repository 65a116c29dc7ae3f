/// A captured vendor "Error Codes" page: the rows of its table and the date it gives.
///
/// The captures are a browser's text of the page: site navigation, headings and footers around a
/// table whose cells come one per line, or one per line ending in `|`, or a whole row per line
/// between `|`s. The table starts at its header ("Status Code", "Error Code", …) and each row at a
/// three-digit status followed by a code; a cell paragraph that starts with "Note:" continues the
/// cell before it.
package struct VendorPage: Sendable {
  /// One row as the table gives it.
  package struct Row: Hashable, Sendable {
    package var code: String
    package var status: Int
    package var message: String
    package var description: String
    /// `nil` when the table has no solution column.
    package var solution: String?
  }

  /// The page's "Updated on" date (`YYYY-MM-DD`), or `nil` when it gives none.
  package var updated: String?
  package var rows: [Row]
  /// Lines after the table's last row that belong to the page around it (footers, banners).
  package var ignoredTrailingLines: [String]

  /// Extracts the table from a page's text; throws, naming the row, when a row does not have the
  /// table's shape, rather than guess.
  package init(text: String) throws(PageError) {
    let cells = Self.cells(of: text)
    updated = Self.pageDate(in: text)
    guard let header = Self.headerStart(in: cells) else {
      throw PageError("no table header (\"Status Code\", \"Error Code\", …) found")
    }
    var index = header
    var columns: [Column] = []
    while index < cells.count, !Self.isRowStart(cells, at: index) {
      guard let column = Column(header: cells[index]) else {
        throw PageError("unknown table column \"\(cells[index])\"")
      }
      columns.append(column)
      index += 1
    }
    guard columns.starts(with: [.status, .code]), columns.contains(.message), columns.contains(.description),
      Set(columns).count == columns.count
    else {
      throw PageError("unexpected table columns: \(columns.map(\.rawValue).joined(separator: ", "))")
    }
    let textColumns = Array(columns.dropFirst(2))
    rows = []
    ignoredTrailingLines = []
    while index < cells.count {
      let code = cells[index + 1]
      var next = index + 2
      while next < cells.count, !Self.isRowStart(cells, at: next) { next += 1 }
      var texts = Self.joiningNotes(Array(cells[(index + 2)..<next]))
      if texts.count > textColumns.count, next == cells.count {
        ignoredTrailingLines = Array(texts[textColumns.count...])
        texts.removeLast(texts.count - textColumns.count)
      }
      guard texts.count == textColumns.count else {
        throw PageError(
          "row \(code) has \(texts.count) text cells where the table has \(textColumns.count): "
            + texts.map { "\"\($0)\"" }.joined(separator: ", "))
      }
      var row = Row(code: code, status: Int(cells[index])!, message: "", description: "", solution: nil)
      for (column, text) in zip(textColumns, texts) {
        switch column {
        case .message: row.message = text
        case .description: row.description = text
        case .solution: row.solution = text
        case .status, .code: break
        }
      }
      rows.append(row)
      index = next
    }
    guard !rows.isEmpty else { throw PageError("the table has no rows") }
  }

  enum Column: String, Hashable {
    case status, code, message, description, solution

    init?(header: String) {
      switch header.lowercased() {
      case "status code", "http status code", "status": self = .status
      case "error code", "code": self = .code
      case "error message", "message", "error information": self = .message
      case "description": self = .description
      case "solution", "measure", "handling measure", "corrective action", "suggestion": self = .solution
      default: return nil
      }
    }
  }

  /// The page's cells: non-empty lines, a line of `|`-separated cells split into them, and
  /// separator lines (`---|---`) dropped. Cells are trimmed.
  static func cells(of text: String) -> [String] {
    var cells: [String] = []
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      let trimmed = line.trimmingWhitespace()
      guard !trimmed.isEmpty else { continue }
      guard trimmed.contains("|") else {
        cells.append(String(trimmed))
        continue
      }
      if trimmed.allSatisfy({ "|-: ".contains($0) }) { continue }
      var pieces = trimmed.split(separator: "|", omittingEmptySubsequences: false)
      if pieces.last?.trimmingWhitespace().isEmpty == true { pieces.removeLast() }
      if pieces.first?.trimmingWhitespace().isEmpty == true, trimmed.first == "|" { pieces.removeFirst() }
      cells += pieces.map { String($0.trimmingWhitespace()) }
    }
    return cells
  }

  static func pageDate(in text: String) -> String? {
    guard let range = text.firstRange(of: "Updated on ") else { return nil }
    let date = text[range.upperBound...].prefix(10)
    let shape = date.enumerated().allSatisfy { offset, character in
      offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
    }
    return date.count == 10 && shape ? String(date) : nil
  }

  static func headerStart(in cells: [String]) -> Int? {
    cells.indices.first { index in
      index + 1 < cells.count && Column(header: cells[index]) == .status && Column(header: cells[index + 1]) == .code
    }
  }

  /// Whether a row starts at `index`: a three-digit HTTP status followed by something shaped
  /// like a code (`PREFIX.digits`, or four or more digits).
  static func isRowStart(_ cells: [String], at index: Int) -> Bool {
    guard index + 1 < cells.count else { return false }
    let status = cells[index].utf8
    guard status.count == 3, status.allSatisfy({ (0x30...0x39).contains($0) }), status.first! >= 0x31,
      status.first! <= 0x35
    else { return false }
    return isCodeShaped(cells[index + 1])
  }

  static func isCodeShaped(_ cell: String) -> Bool {
    let parts = cell.split(separator: ".", omittingEmptySubsequences: false)
    func isDigits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    switch parts.count {
    case 1: return parts[0].count >= 4 && isDigits(parts[0])
    case 2: return !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && $0.isLetter } && isDigits(parts[1])
    default: return false
    }
  }

  /// Joins a paragraph that starts with "Note:" to the cell before it, with a newline.
  static func joiningNotes(_ texts: [String]) -> [String] {
    var joined: [String] = []
    for text in texts {
      if let last = joined.last, text.lowercased().hasPrefix("note:") {
        joined[joined.count - 1] = last + "\n" + text
      } else {
        joined.append(text)
      }
    }
    return joined
  }
}

/// Why a page could not be read.
package struct PageError: Error, Hashable, Sendable, CustomStringConvertible {
  package var description: String
  package init(_ description: String) { self.description = description }
}

extension StringProtocol {
  func trimmingWhitespace() -> SubSequence {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<Swift.max(start, end)]
  }
}
