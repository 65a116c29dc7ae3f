import HuaweiCloudErrors
import TinyJSON

extension HuaweiCloudErrorsTool {
  /// `scan [--service S] [--host HOST] [--json] [--stats] [FILE|-]`: the Huawei Cloud errors in a
  /// log, one block (or JSON line) each; with `--stats`, a summary on standard error. A long scan
  /// of a file shows its progress on standard error when that is a terminal.
  static func scan(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "scan", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(
      arguments, valueOptions: ["--service", "--host"], flags: ["--json", "--stats"])
    guard parsed.positionals.count <= 1 else { throw UsageError("scan reads one FILE (or - for standard input)") }
    let path = parsed.positionals.first ?? "-"
    var run = ScanRun(
      scanner: HuaweiCloudLogScanner(service: try service(parsed), host: try parsed.value("--host")),
      json: parsed.flags.contains("--json"))
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
      let showProgress = io.errorIsTerminal
      var reported = 0
      while file.withNextLine(limit: limit, { line, truncated in run.scan(line, truncated: truncated) }) {
        run.flushOutput(to: &io)
        if showProgress, file.bytesRead - reported >= 64 << 20 {
          reported = file.bytesRead
          io.writeError("\rscanned \(reported >> 20) MiB, \(run.found) errors")
        }
      }
      if reported > 0 { io.writeError("\r\u{1B}[K") }
      readFailed = file.failed
    }
    run.finish()
    run.flushOutput(to: &io)
    if run.truncatedLines > 0 {
      io.writeError(
        "huaweicloud-errors: \(run.truncatedLines) line(s) longer than \(limit) bytes were scanned only up to "
          + "\(limit) bytes (the first: line \(run.firstTruncatedLine))\n")
    }
    if parsed.flags.contains("--stats") { io.writeError(run.statistics) }
    if readFailed {
      io.writeError("huaweicloud-errors: cannot read \(UsageError.quoted(path)) to its end\n")
      return ExitStatus.notFound
    }
    if run.found == 0 {
      io.writeError("huaweicloud-errors: no Huawei Cloud error found\n")
      return ExitStatus.notFound
    }
    return ExitStatus.success
  }
}

/// One `scan`: the scanner, the output not yet written, and the counts for `--stats`.
struct ScanRun {
  var scanner: HuaweiCloudLogScanner
  let json: Bool
  var output = ""
  var lines = 0
  var found = 0
  var truncatedLines = 0
  var firstTruncatedLine = 0
  /// Findings by service identifier (or `-`) and by code (or `-`).
  var byService: [String: Int] = [:]
  var byCode: [String: Int] = [:]
  /// Each entry's JSON as written, by entry and the row it was written with.
  private var entryJSONs: [EntryRow: String] = [:]

  private struct EntryRow: Hashable {
    let entry: CatalogEntry
    let row: CatalogEntry.Row?
  }

  init(scanner: HuaweiCloudLogScanner, json: Bool) {
    self.scanner = scanner
    self.json = json
  }

  mutating func scan(_ line: UnsafeBufferPointer<UInt8>, truncated: Bool) {
    lines += 1
    if truncated {
      truncatedLines += 1
      if firstTruncatedLine == 0 { firstTruncatedLine = lines }
    }
    report(scanner.scan(utf8: line))
  }

  mutating func finish() {
    report(scanner.finish())
  }

  private mutating func report(_ findings: [HuaweiCloudLogScanner.Finding]) {
    for finding in findings {
      found += 1
      byService[finding.service?.identifier ?? "-", default: 0] += 1
      byCode[finding.code?.rawValue ?? "-", default: 0] += 1
      if json {
        finding.json(entry: entryJSON(of: finding)).append(to: &output)
        output += "\n"
      } else {
        output += FindingFormatter.block(finding) + "\n"
      }
    }
  }

  /// The entry's JSON, written once per entry and row in a run: a log repeats few entries many
  /// times.
  private mutating func entryJSON(of finding: HuaweiCloudLogScanner.Finding) -> JSONValue {
    guard let entry = finding.entry else { return .null }
    let key = EntryRow(entry: entry, row: finding.documentedRow)
    if let written = entryJSONs[key] { return .verbatim(written) }
    let written = entry.json(primary: finding.documentedRow).serialized()
    entryJSONs[key] = written
    return .verbatim(written)
  }

  mutating func flushOutput(to io: inout some ToolIO) {
    guard !output.isEmpty else { return }
    io.write(output)
    output.removeAll(keepingCapacity: true)
  }

  /// The `--stats` summary: lines, errors, errors by service, the ten most frequent codes.
  var statistics: String {
    func ranked(_ counts: [String: Int]) -> [(String, Int)] {
      counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    var text = "scanned \(lines) lines: \(found) Huawei Cloud errors\n"
    if !byService.isEmpty {
      text += "by service:\n"
      for (service, count) in ranked(byService) { text += "  \(service)  \(count)\n" }
      text += "top codes:\n"
      for (code, count) in ranked(byCode).prefix(10) { text += "  \(code)  \(count)\n" }
    }
    return text
  }
}

enum FindingFormatter {
  static func block(_ finding: HuaweiCloudLogScanner.Finding) -> String {
    var heading = "line \(finding.line) · \(finding.format.rawValue)"
    if let status = finding.status { heading += " · HTTP \(status)" }
    if let code = finding.code { heading += " · \(code.rawValue)" }
    var lines = [heading]
    if let message = finding.message {
      lines += EntryFormatter.field("Message", UsageError.quoted(message, limit: 500))
    }
    if let requestID = finding.requestID { lines += EntryFormatter.field("Request ID", requestID) }
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
