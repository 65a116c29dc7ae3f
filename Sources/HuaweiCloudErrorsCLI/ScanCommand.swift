import HuaweiCloudErrors
import TinyJSON

#if canImport(Dispatch)
  import Dispatch
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension HuaweiCloudErrorsTool {
  /// `scan [--service S] [--host HOST] [--json] [--stats] [FILE|-]`: the Huawei Cloud errors in a
  /// log, one block (or JSON line) each; with `--stats`, a summary on standard error. A long scan
  /// of a file shows its progress on standard error when that is a terminal.
  ///
  /// A file is read in parts of whole lines that are scanned at once, one per processor, and
  /// reported in order: the output is the same as scanning it line by line. Standard input is
  /// scanned line by line, each line's errors written as they are found, so that a followed log
  /// (`tail -f app.log | huaweicloud-errors scan`) is reported as it grows.
  static func scan(
    _ arguments: [String], io: inout some ToolIO, parts: ParallelScan.Layout
  ) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "scan", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(
      arguments, valueOptions: ["--service", "--host"], flags: ["--json", "--stats"])
    guard parsed.positionals.count <= 1 else { throw UsageError("scan reads one FILE (or - for standard input)") }
    let path = parsed.positionals.first ?? "-"
    var run = ScanRun(
      scanner: HuaweiCloudLogScanner(service: try service(parsed), host: try parsed.value("--host")),
      json: parsed.flags.contains("--json"), countsCodes: parsed.flags.contains("--stats"))
    let limit = HuaweiCloudLogScanner.maximumLineLength
    var readFailed = false
    if path == "-" {
      while io.withNextLine(limit: limit, { line, truncated in run.scan(line, truncated: truncated) }) {
        run.flushOutput(to: &io)
      }
    } else {
      guard var file = DescriptorReader(path: path) else {
        io.writeError("huaweicloud-errors: cannot read \(UsageError.quoted(path))\n")
        return ExitStatus.notFound
      }
      var parts = ParallelScan(parts)
      let showProgress = io.errorIsTerminal
      var reported = 0
      while parts.scanNext(from: &file, limit: limit, into: &run, io: &io) {
        if showProgress, file.bytesRead - reported >= 64 << 20 {
          reported = file.bytesRead
          io.writeError("\rscanned \(reported >> 20) MiB, \(run.counts.found) errors")
        }
      }
      if reported > 0 { io.writeError("\r\u{1B}[K") }
      readFailed = file.failed
    }
    run.finish()
    run.flushOutput(to: &io)
    if run.counts.truncatedLines > 0 {
      io.writeError(
        "huaweicloud-errors: \(run.counts.truncatedLines) line(s) longer than \(limit) bytes were scanned only up to "
          + "\(limit) bytes (the first: line \(run.counts.firstTruncatedLine))\n")
    }
    if parsed.flags.contains("--stats") { io.writeError(run.statistics) }
    if readFailed {
      io.writeError("huaweicloud-errors: cannot read \(UsageError.quoted(path)) to its end\n")
      return ExitStatus.notFound
    }
    if run.counts.found == 0 {
      io.writeError("huaweicloud-errors: no Huawei Cloud error found\n")
      return ExitStatus.notFound
    }
    return ExitStatus.success
  }
}

/// What a scan counts: lines, errors, and for `--stats` errors by service and by code.
struct ScanCounts {
  var lines = 0
  var found = 0
  var truncatedLines = 0
  var firstTruncatedLine = 0
  /// Findings by service identifier (or `-`) and by code (or `-`), kept for `--stats` only.
  var byService: [String: Int] = [:]
  var byCode: [String: Int] = [:]

  /// Adds the counts of the lines after these.
  mutating func add(_ later: ScanCounts) {
    lines += later.lines
    found += later.found
    if firstTruncatedLine == 0 { firstTruncatedLine = later.firstTruncatedLine }
    truncatedLines += later.truncatedLines
    byService.merge(later.byService, uniquingKeysWith: +)
    byCode.merge(later.byCode, uniquingKeysWith: +)
  }
}

/// One `scan`: the scanner, the output not yet written, and the counts.
struct ScanRun {
  var scanner: HuaweiCloudLogScanner
  let json: Bool
  /// Whether findings are counted by service and code (for `--stats`).
  let countsCodes: Bool
  var output: [UInt8] = []
  var counts = ScanCounts()
  /// Each entry's JSON as written, by entry and the row it was written with.
  private var entryJSONs: [EntryRow: [UInt8]] = [:]

  private static let null = Array("null".utf8)

  private struct EntryRow: Hashable {
    let entry: CatalogEntry
    let row: CatalogEntry.Row?
  }

  init(scanner: HuaweiCloudLogScanner, json: Bool, countsCodes: Bool) {
    self.scanner = scanner
    self.json = json
    self.countsCodes = countsCodes
  }

  mutating func scan(_ line: UnsafeBufferPointer<UInt8>, truncated: Bool) {
    let findings = scanner.scan(utf8: line)
    counts.lines += 1
    if truncated {
      counts.truncatedLines += 1
      if counts.firstTruncatedLine == 0 { counts.firstTruncatedLine = scanner.linesScanned }
    }
    report(findings)
  }

  mutating func finish() {
    report(scanner.finish())
  }

  private mutating func report(_ findings: [HuaweiCloudLogScanner.Finding]) {
    for finding in findings {
      counts.found += 1
      if countsCodes {
        counts.byService[finding.service?.identifier ?? "-", default: 0] += 1
        counts.byCode[finding.code?.rawValue ?? "-", default: 0] += 1
      }
      if json {
        finding.appendJSON(entry: entryJSON(of: finding), to: &output)
        output.append(UInt8(ascii: "\n"))
      } else {
        output.write(FindingFormatter.block(finding) + "\n")
      }
    }
  }

  /// The entry's JSON, written once per entry and row in a run: a log repeats few entries many
  /// times.
  private mutating func entryJSON(of finding: HuaweiCloudLogScanner.Finding) -> [UInt8] {
    guard let entry = finding.entry else { return Self.null }
    let key = EntryRow(entry: entry, row: finding.documentedRow)
    if let written = entryJSONs[key] { return written }
    var written: [UInt8] = []
    entry.appendJSON(primary: finding.documentedRow, to: &written)
    entryJSONs[key] = written
    return written
  }

  mutating func flushOutput(to io: inout some ToolIO) {
    guard !output.isEmpty else { return }
    io.write(bytes: output)
    output.removeAll(keepingCapacity: true)
  }

  /// The `--stats` summary: lines, errors, errors by service, the ten most frequent codes.
  var statistics: String {
    func ranked(_ counts: [String: Int]) -> [(String, Int)] {
      counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    var text = "scanned \(counts.lines) lines: \(counts.found) Huawei Cloud errors\n"
    if !counts.byService.isEmpty {
      text += "by service:\n"
      for (service, count) in ranked(counts.byService) { text += "  \(service)  \(count)\n" }
      text += "top codes:\n"
      for (code, count) in ranked(counts.byCode).prefix(10) { text += "  \(UsageError.shown(code))  \(count)\n" }
    }
    return text
  }
}

/// Scans a file in parts of whole lines, one part per worker at once, and reports the parts in
/// order, so that the output is the one of scanning the file line by line.
///
/// Each part but the first starts from a scanner that carries nothing over from earlier lines.
/// That is right unless the part before ends inside a Java SDK block or with a status waiting
/// for the next line: then the part is scanned again, after the one before, from where that one
/// ended. Such ends are rare, and a part is at most ``Layout/partSize`` bytes (or one line).
package struct ParallelScan {
  /// How many parts are scanned at once, and the bytes of lines read into each before it is
  /// closed (a longer line is a part alone).
  package struct Layout: Sendable {
    package var workers: Int
    package var partSize: Int

    package init(workers: Int, partSize: Int) {
      self.workers = min(max(workers, 1), 64)
      self.partSize = max(partSize, 1)
    }

    /// One part per processor (at most 8), of 1 MiB each.
    package static var perProcessor: Layout { Layout(workers: processorCount, partSize: 1 << 20) }

    /// The processors online, or 1 where the platform cannot scan at once.
    private static var processorCount: Int {
      #if canImport(Dispatch)
        min(max(sysconf(Int32(_SC_NPROCESSORS_ONLN)), 1), 8)
      #else
        1
      #endif
    }
  }

  private let partSize: Int
  private var hasStarted = false
  private var parts: [LinePart]
  /// Each worker's run, kept across rounds for its cache of entries' JSON (index 0 is unused:
  /// the first part is scanned with the scan's own run).
  private var runs: [ScanRun?]

  /// Builds the catalog's message index on another thread, returning at once.
  private static func prepareMessageIndex() {
    #if canImport(Dispatch)
      DispatchQueue.global().async { _ = HuaweiCloudCatalog.matches(for: "") }
    #endif
  }

  init(_ layout: Layout) {
    partSize = layout.partSize
    parts = Array(repeating: LinePart(), count: layout.workers)
    runs = Array(repeating: nil, count: layout.workers)
  }

  /// Reads the next parts of the file, scans them and writes their findings; `false` when the
  /// file had nothing more.
  mutating func scanNext(
    from file: inout DescriptorReader, limit: Int, into run: inout ScanRun, io: inout some ToolIO
  ) -> Bool {
    // A file that fills every part is long enough for the catalog's message index to be needed
    // and worth building on another thread, beside the code index and the first parts, rather
    // than in the way of the first finding that matches a message.
    if !hasStarted, parts.count > 1, let size = file.fileSize, size >= partSize * parts.count {
      hasStarted = true
      Self.prepareMessageIndex()
    }
    var used = 0
    var firstLine = run.scanner.linesScanned + 1
    while used < parts.count {
      parts[used].removeAll(firstLine: firstLine)
      while parts[used].bytes.count < partSize,
        file.withNextLine(limit: limit, { [used] line, truncated in parts[used].append(line, truncated: truncated) })
      {}
      guard !parts[used].isEmpty else { break }
      firstLine += parts[used].count
      used += 1
    }
    guard used > 0 else { return false }
    if !hasStarted {
      hasStarted = true
      // A pipe's size is known only once it fills every part.
      if used == parts.count, used > 1 { Self.prepareMessageIndex() }
    }
    // Every part but the first on a worker's own run, from a scanner that carries nothing.
    for index in 1..<used {
      var worker = runs[index] ?? ScanRun(scanner: run.scanner, json: run.json, countsCodes: run.countsCodes)
      worker.scanner = run.scanner.resumed(afterLine: parts[index].firstLine - 1)
      worker.counts = ScanCounts()
      worker.output.removeAll(keepingCapacity: true)
      runs[index] = worker
    }
    if used == 1 {
      parts[0].scan(with: &run)
    } else {
      scanConcurrently(count: used, first: &run)
    }
    run.flushOutput(to: &io)
    for index in 1..<used {
      guard var worker = runs[index] else { continue }
      if run.scanner.carriesNothing {
        run.counts.add(worker.counts)
        run.scanner = worker.scanner
        worker.flushOutput(to: &io)
      } else {
        // The part before ended inside a block: this part is read again, after it.
        parts[index].scan(with: &run)
        run.flushOutput(to: &io)
      }
      worker.output.removeAll(keepingCapacity: true)
      runs[index] = worker
    }
    return true
  }

  /// Scans parts `0..<count` at once: the first with `first`, the others with their workers' runs.
  private mutating func scanConcurrently(count: Int, first: inout ScanRun) {
    #if canImport(Dispatch)
      withUnsafeMutablePointer(to: &first) { first in
        parts.withUnsafeBufferPointer { parts in
          runs.withUnsafeMutableBufferPointer { runs in
            // Each index reads its own part and writes its own run only.
            nonisolated(unsafe) let first = first
            nonisolated(unsafe) let parts = parts
            nonisolated(unsafe) let runs = runs
            DispatchQueue.concurrentPerform(iterations: count) { index in
              if index == 0 {
                parts[0].scan(with: &first.pointee)
              } else {
                parts[index].scan(with: &runs[index]!)
              }
            }
          }
        }
      }
    #else
      parts[0].scan(with: &first)
      for index in 1..<count { parts[index].scan(with: &runs[index]!) }
    #endif
  }
}

/// Whole lines of a file, end to end, read ahead for one worker.
struct LinePart {
  private(set) var bytes: [UInt8] = []
  /// Where each line ends in `bytes`, and whether it was cut at the line limit.
  private var lines: [(end: Int, truncated: Bool)] = []
  /// The number of the first line.
  private(set) var firstLine = 1

  var isEmpty: Bool { lines.isEmpty }
  var count: Int { lines.count }

  mutating func removeAll(firstLine: Int) {
    bytes.removeAll(keepingCapacity: true)
    lines.removeAll(keepingCapacity: true)
    self.firstLine = firstLine
  }

  mutating func append(_ line: UnsafeBufferPointer<UInt8>, truncated: Bool) {
    bytes.append(contentsOf: line)
    lines.append((bytes.count, truncated))
  }

  /// Scans the lines in order with `run`.
  func scan(with run: inout ScanRun) {
    bytes.withUnsafeBufferPointer { all in
      var start = 0
      for (end, truncated) in lines {
        run.scan(UnsafeBufferPointer(rebasing: all[start..<end]), truncated: truncated)
        start = end
      }
    }
  }
}

enum FindingFormatter {
  static func block(_ finding: HuaweiCloudLogScanner.Finding) -> String {
    var heading = "line \(finding.line) · \(finding.format.rawValue)"
    if let status = finding.status { heading += " · HTTP \(status)" }
    if let code = finding.code { heading += " · \(UsageError.shown(code.rawValue))" }
    var lines = [heading]
    if let message = finding.message {
      lines += EntryFormatter.field("Message", UsageError.quoted(message, limit: 500))
    }
    if let requestID = finding.requestID { lines += EntryFormatter.field("Request ID", UsageError.shown(requestID)) }
    lines += EntryFormatter.received(
      encodedAuthorizationMessage: finding.encodedAuthorizationMessage, details: finding.details)
    if let entry = finding.entry, let row = finding.documentedRow {
      lines += EntryFormatter.documented(entry, row: row, arguments: finding.arguments)
    } else {
      lines += EntryFormatter.resolution(
        entry: nil, row: nil, arguments: [:], resolution: .none, candidates: finding.candidates,
        service: finding.service)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
