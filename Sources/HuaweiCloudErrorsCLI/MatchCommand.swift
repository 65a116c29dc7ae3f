import HuaweiCloudErrors
import TinyJSON

extension HuaweiCloudErrorsTool {
  /// The longest `--stdin` line read whole; a longer one gets an error line.
  static let maximumLineLength = 4 << 20

  /// `match MESSAGE [--service S] [--status N] [--json]` and `match --stdin`.
  static func match(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "match", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: ["--service", "--status"], flags: ["--json", "--stdin"])
    let service = try service(parsed)
    let status = try parsed.status()
    if parsed.flags.contains("--stdin") {
      guard parsed.positionals.isEmpty else {
        throw UsageError("match --stdin reads messages from standard input only")
      }
      matchLines(defaultService: service, defaultStatus: status, io: &io)
      return ExitStatus.success
    }
    guard !parsed.positionals.isEmpty else { throw UsageError("match needs a MESSAGE (or --stdin)") }
    // Unquoted words are one message, as the shell split it.
    let message = parsed.positionals.joined(separator: " ")
    let matches = HuaweiCloudCatalog.matches(for: message, service: service, status: status)
    if parsed.flags.contains("--json") {
      writeJSON(matchesJSON(matches), io: &io)
    } else if !matches.isEmpty {
      io.write(matches.map(MatchFormatter.block).joined(separator: "\n"))
    }
    if matches.isEmpty {
      io.writeError("huaweicloud-errors: no documented message fits \(UsageError.quoted(message))\n")
      return ExitStatus.notFound
    }
    return ExitStatus.success
  }

  /// `{"matches": [{"code", "service", "status", "arguments"}]}`.
  static func matchesJSON(_ matches: [MessageMatch]) -> JSONValue {
    .object(["matches": .array(matches.map(\.json))])
  }

  /// One JSON line out per line in; a line that is not a request gets `{"error": …}`.
  static func matchLines(defaultService: HuaweiCloudService?, defaultStatus: Int?, io: inout some ToolIO) {
    var lineNumber = 0
    while let (line, truncated) = io.readLine(limit: maximumLineLength) {
      lineNumber += 1
      do throws(UsageError) {
        guard !truncated else { throw UsageError("line \(lineNumber) is longer than \(maximumLineLength) bytes") }
        let request = try MatchRequest(line: line, lineNumber: lineNumber)
        let matches = HuaweiCloudCatalog.matches(
          for: request.message, service: request.service ?? defaultService, status: request.status ?? defaultStatus)
        writeJSON(matchesJSON(matches), io: &io)
      } catch {
        writeJSON(.object(["error": .string(error.message)]), io: &io)
      }
    }
  }
}

/// A `match --stdin` line: `{"message": "…", "service": "iam", "status": 401}`.
struct MatchRequest {
  var message: String
  var service: HuaweiCloudService?
  var status: Int?

  init(line: [UInt8], lineNumber: Int) throws(UsageError) {
    guard line.contains(where: { !LenientWhitespace.contains($0) }) else {
      throw UsageError("line \(lineNumber): empty")
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(line)
    } catch {
      throw UsageError("line \(lineNumber): not JSON: \(error)")
    }
    guard let object = value.objectValue else { throw UsageError("line \(lineNumber): not a JSON object") }
    guard let message = object["message"]?.stringValue else {
      throw UsageError("line \(lineNumber): no \"message\" string")
    }
    self.message = message
    switch object["service"] {
    case nil, .null?: service = nil
    case .string(let identifier)?:
      guard let service = HuaweiCloudService(identifier: identifier) else {
        throw UsageError("line \(lineNumber): unknown service \(UsageError.quoted(identifier))")
      }
      self.service = service
    default: throw UsageError("line \(lineNumber): \"service\" is not a string")
    }
    switch object["status"] {
    case nil, .null?: status = nil
    case .number(let text)?:
      guard let status = Int(text), (100...599).contains(status) else {
        throw UsageError("line \(lineNumber): \"status\" is not an HTTP status: \(UsageError.quoted(text))")
      }
      self.status = status
    default: throw UsageError("line \(lineNumber): \"status\" is not a number")
    }
  }
}

enum MatchFormatter {
  static func block(_ match: MessageMatch) -> String {
    var heading =
      "\(match.entry.code) · \(EntryFormatter.statusPhrase(match.row)) · \(match.entry.service.title) · \(match.kind)"
    if match.isLenient { heading += ", lenient" }
    if match.row.isVariant { heading += ", another documented text" + (match.row.updated.map { " (\($0))" } ?? "") }
    var lines = [heading]
    lines += EntryFormatter.field("Template", match.row.message ?? "")
    for (key, value) in match.arguments {
      lines += EntryFormatter.field("", "\(key) = \(UsageError.quoted(value, limit: 200))")
    }
    if let description = match.row.description { lines += EntryFormatter.field("Description", description) }
    if let solution = match.row.solution { lines += EntryFormatter.field("Solution", solution) }
    return lines.joined(separator: "\n") + "\n"
  }
}

private enum LenientWhitespace {
  static func contains(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
