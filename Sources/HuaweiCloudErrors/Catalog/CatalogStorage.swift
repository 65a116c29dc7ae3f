/// The compiled-in catalog. The generated files hold each service's rows packed in one string
/// literal (`Generator.packedRows` in the generator describes the format); ``store`` reads them
/// once, on first use, into flat tables of byte ranges. Nothing is read from disk.
enum CatalogStorage {
  /// A service as the generated list gives it.
  struct ServiceTable: Sendable {
    struct Table: Sendable {
      let source: String
      let repository: String?
      let pageDate: String?
      let license: String?
    }

    let identifier: String
    let title: String
    let memberName: String
    let typeName: String
    let codePrefixes: [String]
    let hosts: [String]
    let tables: [Table]
    let rows: StaticString
  }

  static let store = CatalogStore(tables: tables)
}

/// The packed rows of every service, read into tables of byte ranges into the string literals,
/// which live for the life of the process. Texts become strings only when asked for.
final class CatalogStore: @unchecked Sendable {  // immutable after `init`; the literals are constant
  /// A text field: where it is in which service's literal; `length < 0` for none.
  struct Span {
    var service: UInt16
    var start: UInt32
    var length: Int32

    static let none = Span(service: 0, start: 0, length: -1)
  }

  struct EntryRecord {
    var service: UInt16
    /// The position in its service's table.
    var ordinal: UInt16
    var code: Span
    var name: Span
    var isSuccess: Bool
    /// The entry's own row, then its variants.
    var rows: Range<Int32>
  }

  struct RowRecord {
    var entry: Int32
    var statuses: [Int]
    /// The first of `statuses`, kept inline: the one most read.
    var status: Int?
    var statusText: Span
    var message: Span
    var description: Span
    var solution: Span
    var updated: Span
    var sources: [UInt16]
    var origin: UInt8
    var confidence: Span
    var modules: Span
    var category: HuaweiCloudError.Category
    var retryAdvice: HuaweiCloudError.RetryAdvice
  }

  struct ServiceRecord {
    let table: CatalogStorage.ServiceTable
    let bytes: UnsafeBufferPointer<UInt8>
    let sources: [String]
    /// The service's entries: a contiguous range of `entries`.
    var entries: Range<Int32>
  }

  // Constants, not `var`s: reading a class's stored `var` costs an exclusivity check.
  let services: [ServiceRecord]
  let entries: [EntryRecord]
  let rows: [RowRecord]
  /// What a response asks of its row: its status. Kept apart from the row records, so that
  /// asking does not load one: 8 bytes a row, where a record is over 200.
  let rowHeads: [RowHead]
  /// Each entry's own row, kept apart from the entry records for the same reason.
  let ownRows: [Int32]
  /// The success entries (CBC's `CBC.0000`) and the throttling rows, a bit each: every response
  /// with a known code asks both, and the tables, about a kilobyte each, stay in cache.
  let successEntries: BitTable
  let throttlingRows: BitTable

  /// A row's first status (-1 for none), and whether its record must be asked for the others.
  struct RowHead {
    var status: Int32
    /// More than one status, or a first that `status` cannot hold.
    var hasMoreStatuses: Bool
  }

  init(tables: [CatalogStorage.ServiceTable]) {
    var services: [ServiceRecord] = []
    var entries: [EntryRecord] = []
    var rows: [RowRecord] = []
    for (ordinal, table) in tables.enumerated() {
      Self.read(table, ordinal: UInt16(ordinal), services: &services, entries: &entries, rows: &rows)
    }
    self.services = services
    self.entries = entries
    self.rows = rows
    rowHeads = rows.map {
      RowHead(
        status: $0.status.flatMap { Int32(exactly: $0) } ?? -1,
        hasMoreStatuses: $0.statuses.count > 1 || $0.status.map { Int32(exactly: $0) == nil } == true)
    }
    ownRows = entries.map(\.rows.lowerBound)
    successEntries = BitTable(count: entries.count) { entries[$0].isSuccess }
    throttlingRows = BitTable(count: rows.count) { rows[$0].category == .throttling }
  }

  /// Reads one service's packed rows.
  private static func read(
    _ table: CatalogStorage.ServiceTable, ordinal: UInt16, services: inout [ServiceRecord],
    entries: inout [EntryRecord], rows: inout [RowRecord]
  ) {
    let bytes = UnsafeBufferPointer(start: table.rows.utf8Start, count: table.rows.utf8CodeUnitCount)
    var position = 0
    /// The position of the next 0x1F or 0x1E at or after `start`, or the end: eight bytes at a
    /// time, since the rows of every service are read on first use.
    func nextSeparator(from start: Int) -> Int {
      var position = start
      if let base = bytes.baseAddress {
        while position + 8 <= bytes.count {
          let word = ByteLanes.load(base, position)
          // Only the first 0x1F or 0x1E is read: its flag is exact.
          let found = ByteLanes.firstEqual(word, 0x1F) | ByteLanes.firstEqual(word, 0x1E)
          if found != 0 { return position + found.trailingZeroBitCount / 8 }
          position += 8
        }
      }
      while position < bytes.count, bytes[position] != 0x1F, bytes[position] != 0x1E { position += 1 }
      return position
    }
    /// The next field up to a separator or a row's end; says which ended it.
    func field() -> (Span, endsRow: Bool) {
      let start = position
      position = nextSeparator(from: position)
      let span = Span(service: ordinal, start: UInt32(start), length: Int32(position - start))
      let endsRow = position >= bytes.count || bytes[position] == 0x1E
      position += 1
      return (span, endsRow)
    }
    func text(_ span: Span) -> String {
      String(
        decoding: UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start) + Int(span.length)]),
        as: UTF8.self)
    }
    func list(_ span: Span, separator: UInt8) -> [Substring] {
      span.length <= 0
        ? [] : text(span).split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: false)
    }
    /// A list of decimal numbers separated by commas, read from the bytes.
    func numbers(_ span: Span) -> [Int] {
      var numbers: [Int] = []
      var current: Int? = nil
      for byte in bytes[Int(span.start)..<Int(span.start) + max(Int(span.length), 0)] {
        if byte == UInt8(ascii: ",") {
          if let number = current { numbers.append(number) }
          current = nil
        } else if byte &- UInt8(ascii: "0") < 10 {
          current = (current ?? 0) &* 10 &+ Int(byte &- UInt8(ascii: "0"))
        }
      }
      if let number = current { numbers.append(number) }
      return numbers
    }
    let (sourceList, _) = field()
    let sources = list(sourceList, separator: 0x1D).map(String.init)
    let firstEntry = Int32(entries.count)
    // One list of fields for every row, emptied between rows, rather than one grown for each.
    var fields: [Span] = []
    fields.reserveCapacity(16)
    while position < bytes.count {
      fields.removeAll(keepingCapacity: true)
      var endsRow = false
      while !endsRow {
        let next = field()
        fields.append(next.0)
        endsRow = next.endsRow
      }
      precondition(fields.count == 15, "the generated rows of \(table.identifier) are malformed")
      func optional(_ index: Int) -> Span { fields[index].length > 0 ? fields[index] : .none }
      if fields[0].length > 0 {
        entries.append(
          EntryRecord(
            service: ordinal, ordinal: UInt16(Int32(entries.count) - firstEntry), code: fields[0], name: fields[1],
            isSuccess: fields[2].length > 0, rows: Int32(rows.count)..<Int32(rows.count)))
      }
      let statuses = numbers(fields[3])
      rows.append(
        RowRecord(
          entry: Int32(entries.count - 1), statuses: statuses, status: statuses.first,
          statusText: optional(4), message: optional(5), description: optional(6), solution: optional(7),
          updated: optional(8), sources: numbers(fields[9]).map { UInt16(truncatingIfNeeded: $0) },
          origin: bytes[Int(fields[10].start)], confidence: optional(11), modules: optional(12),
          category: HuaweiCloudError.Category(text(fields[13])),
          retryAdvice: HuaweiCloudError.RetryAdvice(text(fields[14]))))
      entries[entries.count - 1].rows = entries[entries.count - 1].rows.lowerBound..<Int32(rows.count)
    }
    services.append(
      ServiceRecord(table: table, bytes: bytes, sources: sources, entries: firstEntry..<Int32(entries.count)))
  }

  /// The bytes of a field; empty for none.
  func bytes(_ span: Span) -> UnsafeBufferPointer<UInt8> {
    guard span.length > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(
      rebasing: services[Int(span.service)].bytes[Int(span.start)..<Int(span.start) + Int(span.length)])
  }

  /// A field as a string; `nil` for none.
  func text(_ span: Span) -> String? {
    span.length > 0 ? String(decoding: bytes(span), as: UTF8.self) : nil
  }

  /// A list field (modules) as strings.
  func list(_ span: Span) -> [String] {
    guard let text = text(span) else { return [] }
    return text.split(separator: "\u{1D}", omittingEmptySubsequences: false).map(String.init)
  }

  /// The rows of the entry at catalog position `entry`, own row first: each entry's rows follow
  /// the previous entry's, so the table of own rows gives the range without the entry's record.
  func rowRange(entry: Int) -> Range<Int> {
    Int(ownRows[entry])..<(entry + 1 < ownRows.count ? Int(ownRows[entry + 1]) : rows.count)
  }

  /// The catalog-wide index of an entry.
  func entryIndex(service: Int, ordinal: Int) -> Int {
    Int(services[service].entries.lowerBound) + ordinal
  }
}
