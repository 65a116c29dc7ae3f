import HuaweiCloudErrors

extension HuaweiCloudErrorsTool {
  /// `scan [--service S] [--host HOST] [--json] [FILE|-]`: the Huawei Cloud errors in a log, one
  /// block (or JSON line) each.
  static func scan(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "scan", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: ["--service", "--host"], flags: ["--json"])
    guard parsed.positionals.count <= 1 else { throw UsageError("scan reads one FILE (or - for standard input)") }
    let path = parsed.positionals.first ?? "-"
    let json = parsed.flags.contains("--json")
    let service = try service(parsed)
    var scanner = HuaweiCloudLogScanner(service: service, host: try parsed.value("--host"))
    var found = 0
    var readFailed = false
    let limit = HuaweiCloudLogScanner.maximumLineLength
    if path == "-" {
      while let (line, _) = io.readLine(limit: limit) {
        found += report(scanner.scan(line: String(decoding: line, as: UTF8.self)), json: json, io: &io)
      }
    } else {
      guard var file = DescriptorReader(path: path) else {
        io.writeError("huaweicloud-errors: cannot read \(UsageError.quoted(path))\n")
        return ExitStatus.notFound
      }
      while let (line, _) = file.readLine(limit: limit) {
        found += report(scanner.scan(line: String(decoding: line, as: UTF8.self)), json: json, io: &io)
      }
      readFailed = file.failed
    }
    found += report(scanner.finish(), json: json, io: &io)
    if readFailed {
      io.writeError("huaweicloud-errors: cannot read \(UsageError.quoted(path)) to its end\n")
      return ExitStatus.notFound
    }
    if found == 0 {
      io.writeError("huaweicloud-errors: no Huawei Cloud error found\n")
      return ExitStatus.notFound
    }
    return ExitStatus.success
  }

  private static func report(_ findings: [HuaweiCloudLogScanner.Finding], json: Bool, io: inout some ToolIO) -> Int {
    for finding in findings {
      if json {
        writeJSON(finding.json, io: &io)
      } else {
        io.write(FindingFormatter.block(finding) + "\n")
      }
    }
    return findings.count
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
