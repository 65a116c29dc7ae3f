import HuaweiCloudErrors
import TinyJSON

extension HuaweiCloudErrorsTool {
  /// `explain --status N [--header "Name: Value"]… [--service S] [--host HOST] [--json] [FILE|-]`:
  /// the error a response body carries.
  static func explain(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "explain", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(
      arguments, valueOptions: ["--status", "--header", "--service", "--host"], flags: ["--json"])
    guard let status = try parsed.status() else { throw UsageError("explain needs --status N") }
    guard parsed.positionals.count <= 1 else { throw UsageError("explain reads one FILE (or - for standard input)") }
    var headers: [(name: String, value: String)] = []
    for field in parsed.options["--header"] ?? [] {
      guard let colon = field.firstIndex(of: ":"), colon != field.startIndex else {
        throw UsageError("--header wants \"Name: Value\", not \(UsageError.quoted(field))")
      }
      let value = field[field.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
      headers.append((name: String(field[..<colon]), value: String(value)))
    }
    let hints = try self.hints(parsed)
    let options = HuaweiCloudError.ParsingOptions()
    let body: [UInt8]
    let path = parsed.positionals.first ?? "-"
    if path == "-" {
      body = io.readAll(limit: options.maximumBodySize + 1).bytes
    } else {
      var file = DescriptorReader(path: path)
      body = file?.readAll(limit: options.maximumBodySize + 1).bytes ?? []
      file?.close()
      guard let file, !file.failed else {
        io.writeError("huaweicloud-errors: cannot read \(UsageError.quoted(path))\n")
        return ExitStatus.notFound
      }
    }
    let error = HuaweiCloudError.reading(
      status: status, headers: ResponseHeaders(headers), body: body, hints: hints, options: options)
    if parsed.flags.contains("--json") {
      writeJSON(error.json(isError: error.isError), io: &io)
    } else {
      io.write(ErrorFormatter.block(error, isError: error.isError))
    }
    return ExitStatus.success
  }
}

extension Duration {
  /// `30 s`, `1.5 s`.
  var formatted: String {
    guard case .number(let text) = JSONValue.seconds(self) else { return "\(self)" }
    return text + " s"
  }
}

enum ErrorFormatter {
  static func block(_ error: HuaweiCloudError, isError: Bool) -> String {
    var heading = "HTTP \(error.statusCode) · " + (isError ? "error" : "not an error")
    if let code = error.code { heading += " · \(UsageError.shown(code.rawValue))" }
    var lines = [heading]
    lines += EntryFormatter.field("Message", error.message.map { UsageError.quoted($0, limit: 500) } ?? "(none)")
    lines += EntryFormatter.field("Request ID", error.requestID.map { UsageError.shown($0) } ?? "(none)")
    lines += EntryFormatter.received(
      encodedAuthorizationMessage: error.encodedAuthorizationMessage, details: error.details)
    lines += EntryFormatter.field(
      "Body", "\(error.bodyFormat)" + (error.isBodyTruncated ? ", cut at the size limit" : ""))
    lines += EntryFormatter.resolution(
      entry: error.entry, row: error.documentedRow, arguments: error.arguments, resolution: error.resolution,
      candidates: error.candidates, service: error.service)
    if isError {
      lines += EntryFormatter.field("Category", error.category.rawValue)
      lines += EntryFormatter.field("Retry", EntryFormatter.advicePhrase(error.retryAdvice, after: error.retryAfter))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
