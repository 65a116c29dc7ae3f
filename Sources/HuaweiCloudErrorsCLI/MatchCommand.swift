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

  /// One JSON line out per line in; a line that is not a request gets `{"error": …}`. Each line is
  /// read in place from the input buffer, and its answer written straight to the output: the work
  /// per line is proportional to the line.
  static func matchLines(defaultService: HuaweiCloudService?, defaultStatus: Int?, io: inout some ToolIO) {
    var lineNumber = 0
    var answer: [UInt8] = []
    answer.reserveCapacity(1024)
    var fragments = MatchFragments()
    while io.withNextLine(
      limit: maximumLineLength,
      { line, truncated in
        lineNumber += 1
        answer.removeAll(keepingCapacity: true)
        do throws(UsageError) {
          guard !truncated else { throw UsageError("line \(lineNumber) is longer than \(maximumLineLength) bytes") }
          let request = try MatchRequest(line: line, lineNumber: lineNumber)
          let matches = HuaweiCloudCatalog.matches(
            for: request.message, service: request.service ?? defaultService, status: request.status ?? defaultStatus)
          appendMatchesJSON(matches, to: &answer, fragments: &fragments)
        } catch {
          answer.write(#"{"error":"#)
          JSONWriter.appendQuoted(error.message, to: &answer)
          answer.write("}")
        }
        answer.append(UInt8(ascii: "\n"))
      })
    {
      io.write(bytes: answer)
    }
  }

  /// `{"matches":[…]}` as ``matchesJSON(_:)`` gives it, appended without building a JSON value.
  /// Each line's matches repeat a few thousand rows: `fragments` keeps each row's opening, so that
  /// its code, service, status and kind are written once per run, not once per line.
  static func appendMatchesJSON(_ matches: [MessageMatch], to output: inout [UInt8], fragments: inout MatchFragments) {
    guard !matches.isEmpty else { return output.write(#"{"matches":[]}"#) }
    output.write(#"{"matches":["#)
    for (index, match) in matches.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      fragments.appendOpening(of: match.row, kind: match.kind, to: &output)
      if match.arguments.isEmpty {
        output.write("{}}")
      } else {
        match.arguments.appendJSON(to: &output)
        output.append(UInt8(ascii: "}"))
      }
    }
    output.write("]}")
  }
}

/// A `match --stdin` line: `{"message": "…", "service": "iam", "status": 401}`, read in place with
/// the first of each key counting, as a JSON object's lookup does.
struct MatchRequest {
  var message: String
  var service: HuaweiCloudService?
  var status: Int?

  init(line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(UsageError) {
    guard line.contains(where: { !LenientWhitespace.contains($0) }) else {
      throw UsageError("line \(lineNumber): empty")
    }
    var reader = JSONReader(line)
    var message: String?? = nil
    var service: JSONValue? = nil
    var status: JSONValue? = nil
    do {
      reader.skipWhitespace()
      guard reader.current == UInt8(ascii: "{") else {
        // Not an object: parse it whole, to say what it is.
        var whole = JSONReader(line)
        _ = try whole.parseValue()
        whole.skipWhitespace()
        if !whole.isAtEnd { throw JSONError(.trailingContent, at: whole.position) }
        throw UsageError("line \(lineNumber): not a JSON object")
      }
      try reader.expect(UInt8(ascii: "{"))
      if !reader.consume(UInt8(ascii: "}")) {
        repeat {
          let key = try reader.scanString()
          try reader.expect(UInt8(ascii: ":"))
          reader.skipWhitespace()
          if reader.token(key, equals: "message"), message == nil {
            let value = try reader.parseValue(depth: 1)
            message = .some(value.stringValue)
          } else if reader.token(key, equals: "service"), service == nil {
            service = try reader.parseValue(depth: 1)
          } else if reader.token(key, equals: "status"), status == nil {
            status = try reader.parseValue(depth: 1)
          } else {
            try reader.skipValue(depth: 1)
          }
        } while reader.consume(UInt8(ascii: ","))
        try reader.expect(UInt8(ascii: "}"))
      }
      reader.skipWhitespace()
      if !reader.isAtEnd { throw JSONError(.trailingContent, at: reader.position) }
    } catch let error as UsageError {
      throw error
    } catch {
      throw UsageError("line \(lineNumber): not JSON: \(error)")
    }
    guard let message = message ?? nil else { throw UsageError("line \(lineNumber): no \"message\" string") }
    self.message = message
    switch service {
    case nil, .null?: self.service = nil
    case .string(let identifier)?:
      guard let service = HuaweiCloudService(identifier: identifier) else {
        throw UsageError("line \(lineNumber): unknown service \(UsageError.quoted(identifier))")
      }
      self.service = service
    default: throw UsageError("line \(lineNumber): \"service\" is not a string")
    }
    switch status {
    case nil, .null?: self.status = nil
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

/// The opening of a match's JSON object by row and kind,
/// `{"code":"IAM.0066","service":"iam","status":401,"kind":"exact","arguments":`, made once per row
/// and kind: the answers to a run's lines repeat a few thousand rows.
struct MatchFragments {
  /// Where each opening is in `bytes`, by row and kind; `nil` until first written. The openings
  /// live in one buffer, so that appending one copies bytes and counts no references.
  private var openings: [Range<Int32>?] = []
  private var bytes: [UInt8] = []

  /// Appends the opening for `row` and `kind` to `output`.
  mutating func appendOpening(of row: CatalogEntry.Row, kind: MessageMatch.Kind, to output: inout [UInt8]) {
    let kindIndex: Int? =
      switch kind {
      case .exact: 0
      case .template: 1
      case .detail: 2
      default: nil
      }
    guard let kindIndex else { return output += Self.opening(of: row, kind: kind) }
    let index = Int(row.index) * 3 + kindIndex
    if index >= openings.count { openings += [Range<Int32>?](repeating: nil, count: index + 1 - openings.count) }
    let range: Range<Int32>
    if let known = openings[index] {
      range = known
    } else {
      let start = Int32(bytes.count)
      bytes += Self.opening(of: row, kind: kind)
      range = start..<Int32(bytes.count)
      openings[index] = range
    }
    bytes.withUnsafeBufferPointer { output.append(contentsOf: $0[Int(range.lowerBound)..<Int(range.upperBound)]) }
  }

  private static func opening(of row: CatalogEntry.Row, kind: MessageMatch.Kind) -> [UInt8] {
    var opening: [UInt8] = []
    opening.write(#"{"code":"#)
    JSONWriter.appendQuoted(row.entry.code, to: &opening)
    opening.write(#","service":"#)
    JSONWriter.appendQuoted(row.entry.service.identifier, to: &opening)
    opening.write(#","status":"#)
    opening.write(row.status.map(String.init) ?? "null")
    opening.write(#","kind":"#)
    JSONWriter.appendQuoted(kind.rawValue, to: &opening)
    opening.write(#","arguments":"#)
    return opening
  }
}
