import HuaweiCloudErrors
import TinyJSON

extension HuaweiCloudErrorsTool {
  /// `lookup CODE [--json]`: the entry, or exit 1 for a code the catalog does not document.
  static func lookup(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "lookup", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: ["--status"], flags: ["--json"])
    guard parsed.positionals.count == 1 else {
      throw UsageError(parsed.positionals.isEmpty ? "lookup needs a CODE" : "lookup takes one CODE")
    }
    let code = parsed.positionals[0]
    let status = try parsed.status()
    guard let entry = HuaweiCloudCatalog.entry(code: code) else {
      var message = "huaweicloud-errors: unknown code \(UsageError.quoted(code))"
      if let near = HuaweiCloudErrorCode(code).entry ?? caseInsensitiveMatch(code) {
        message += "; did you mean \(near.code)?"
      }
      io.writeError(message + "\n")
      return ExitStatus.notFound
    }
    var row: CatalogEntry.Variant? = nil
    if let status {
      // A code documented with several statuses (the gateway's APIGW.0201) has a row for each.
      guard let text = entry.text(status: status) else {
        let statuses = entry.texts.map { String($0.status) }.joined(separator: ", ")
        io.writeError("huaweicloud-errors: \(entry.code) is not documented with HTTP \(status) (only \(statuses))\n")
        return ExitStatus.notFound
      }
      row = text
    }
    if parsed.flags.contains("--json") {
      writeJSON(entry.json(primary: row), io: &io)
    } else {
      io.write(EntryFormatter.block(entry, primary: row))
    }
    return ExitStatus.success
  }

  static func caseInsensitiveMatch(_ code: String) -> CatalogEntry? {
    guard code.utf8.count <= 64 else { return nil }
    let lowered = code.lowercased()
    return HuaweiCloudCatalog.entries.first { $0.code.lowercased() == lowered }
  }

  /// `list [--service S] [--status N] [--json]`: entries in catalog order.
  static func list(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "list", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: ["--service", "--status"], flags: ["--json"])
    guard parsed.positionals.isEmpty else {
      throw UsageError("list takes no arguments besides options, not \(UsageError.quoted(parsed.positionals[0]))")
    }
    let service = try service(parsed)
    let status = try parsed.status()
    var entries = service.map(HuaweiCloudCatalog.entries(service:)) ?? HuaweiCloudCatalog.entries
    if let status {
      entries = entries.filter { $0.status == status || $0.variants.contains { $0.status == status } }
    }
    if parsed.flags.contains("--json") {
      io.write(JSONValue.array(entries.map(\.json)).serialized(pretty: true) + "\n")
    } else {
      io.write(entries.map { EntryFormatter.block($0) }.joined(separator: "\n"))
    }
    return ExitStatus.success
  }
}
