import HuaweiCloudErrors
import TinyJSON

extension HuaweiCloudErrorsTool {
  /// `lookup CODE [--service S] [--status N] [--json]`: the entry of every service that
  /// documents the code, or exit 1 when none does.
  static func lookup(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "lookup", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: ["--status", "--service"], flags: ["--json"])
    guard parsed.positionals.count == 1 else {
      throw UsageError(parsed.positionals.isEmpty ? "lookup needs a CODE" : "lookup takes one CODE")
    }
    let code = parsed.positionals[0]
    let status = try parsed.status()
    let service = try service(parsed)
    var entries = HuaweiCloudCatalog.entries(code: code)
    if let service { entries = entries.filter { $0.service == service } }
    guard !entries.isEmpty else {
      var message = "huaweicloud-errors: \(UsageError.quoted(code)) is not a documented code"
      if let service {
        let others = HuaweiCloudCatalog.entries(code: code).map(\.service.identifier)
        message += " of \(service.identifier)"
        if !others.isEmpty { message += " (documented by \(others.joined(separator: ", ")))" }
      }
      io.writeError(message + "\n")
      return ExitStatus.notFound
    }
    var shown: [(entry: CatalogEntry, row: CatalogEntry.Row?)] = []
    for entry in entries {
      guard let status else {
        shown.append((entry, nil))
        continue
      }
      // A code documented with several statuses (the gateway's APIGW.0201) has a row for each.
      if let row = entry.row(status: status) { shown.append((entry, row)) }
    }
    if shown.isEmpty, let status {
      let statuses = Set(entries.flatMap { $0.rows.flatMap(\.statuses) }).sorted().map(String.init)
      io.writeError(
        "huaweicloud-errors: \(entries[0].code) is not documented with HTTP \(status) (only \(statuses.joined(separator: ", ")))\n"
      )
      return ExitStatus.notFound
    }
    if parsed.flags.contains("--json") {
      for (entry, row) in shown { writeJSON(entry.json(primary: row), io: &io) }
    } else {
      io.write(shown.map { EntryFormatter.block($0.entry, primary: $0.row) }.joined(separator: "\n"))
    }
    return ExitStatus.success
  }

  /// The categories `list --category` takes, in the order the documentation gives them.
  package static let categories: [HuaweiCloudError.Category] = [
    .authentication, .authorization, .throttling, .quota, .notFound, .conflict, .invalidRequest, .state, .server,
    .unavailable, .success,
  ]

  /// `list [--service S] [--status N] [--category C] [--json]`: entries in catalog order; with a
  /// category, those with a row of it.
  static func list(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "list", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(
      arguments, valueOptions: ["--service", "--status", "--category"], flags: ["--json"])
    guard parsed.positionals.isEmpty else {
      throw UsageError("list takes no arguments besides options, not \(UsageError.quoted(parsed.positionals[0]))")
    }
    let service = try service(parsed)
    let status = try parsed.status()
    var entries = service.map(HuaweiCloudCatalog.entries(service:)) ?? HuaweiCloudCatalog.entries
    if let status {
      entries = entries.filter { $0.row(status: status) != nil }
    }
    if let name = try parsed.value("--category") {
      guard let category = categories.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
        throw UsageError(
          "unknown category \(UsageError.quoted(name)); one of "
            + categories.map(\.rawValue).joined(separator: ", "))
      }
      entries = entries.filter { $0.rows.contains { $0.category == category } }
    }
    if parsed.flags.contains("--json") {
      io.write(JSONValue.array(entries.map(\.json)).serialized(pretty: true) + "\n")
    } else {
      io.write(entries.map { EntryFormatter.block($0) }.joined(separator: "\n"))
    }
    return ExitStatus.success
  }

  /// `services [--json]`: every service with its identifier, title, code prefixes, number of
  /// codes, source and page date.
  static func services(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "services", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: [], flags: ["--json"])
    guard parsed.positionals.isEmpty else {
      throw UsageError("services takes no arguments, not \(UsageError.quoted(parsed.positionals[0]))")
    }
    let services = HuaweiCloudService.allCases
    if parsed.flags.contains("--json") {
      for service in services { writeJSON(service.json, io: &io) }
      return ExitStatus.success
    }
    let width = services.map(\.identifier.count).max() ?? 0
    var lines: [String] = []
    for service in services {
      let identifier = service.identifier + String(repeating: " ", count: width - service.identifier.count)
      let prefixes = service.codePrefixes.isEmpty ? "" : " · " + service.codePrefixes.joined(separator: " ")
      let date = service.pageDate.map { " · \($0)" } ?? ""
      lines.append("\(identifier)  \(service.title) · \(service.entries.count) codes\(prefixes)\(date)")
    }
    io.write(lines.joined(separator: "\n") + "\n")
    return ExitStatus.success
  }
}

extension HuaweiCloudService {
  /// The newest page date of the service's tables.
  var pageDate: String? { tables.compactMap(\.pageDate).max() }

  /// Where the service's table comes from: the repository, else the captured page.
  var source: String? { tables.first.map { $0.repository ?? $0.source } }

  /// `{"service", "title", "codePrefixes", "hostLabels", "codes", "source", "pageDate"}`.
  var json: JSONValue {
    .object([
      "service": .string(identifier),
      "title": .string(title),
      "codePrefixes": .array(codePrefixes.map(JSONValue.string)),
      "hostLabels": .array(hostLabels.map(JSONValue.string)),
      "codes": .int(entries.count),
      "source": .string(orNull: source),
      "pageDate": .string(orNull: pageDate),
    ])
  }
}
