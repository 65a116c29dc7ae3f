import HuaweiCloudErrors

extension HuaweiCloudErrorsTool {
  /// `render CODE [--service S] [KEY=VALUE …]`: the entry's message with the values substituted.
  static func render(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "render", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: ["--service"], flags: [])
    guard let code = parsed.positionals.first else { throw UsageError("render needs a CODE") }
    let service = try service(parsed)
    var entries = HuaweiCloudCatalog.entries(code: code)
    if let service { entries = entries.filter { $0.service == service } }
    guard let entry = entries.first else {
      io.writeError(
        "huaweicloud-errors: \(UsageError.quoted(code)) is not a documented code\(service.map { " of \($0)" } ?? "")\n")
      return ExitStatus.notFound
    }
    guard Set(entries.map(\.message)).count == 1 else {
      let services = entries.map(\.service.identifier).joined(separator: ", ")
      throw UsageError(
        "\(entry.code) is documented by several services with different messages (\(services)); name one with --service"
      )
    }
    guard let template = entry.template else {
      io.writeError("huaweicloud-errors: the table gives \(entry.code) no message\n")
      return ExitStatus.notFound
    }
    var values: [(String, String)] = []
    for pair in parsed.positionals.dropFirst() {
      guard let equals = pair.firstIndex(of: "=") else {
        throw UsageError("render wants KEY=VALUE, not \(UsageError.quoted(pair))")
      }
      let key = String(pair[..<equals])
      guard template.keys.contains(key) else {
        let keys =
          template.keys.isEmpty ? "it has no placeholders" : "its keys: " + template.keys.joined(separator: ", ")
        throw UsageError("\(entry.code) has no placeholder \(UsageError.quoted(key)); \(keys)")
      }
      guard !values.contains(where: { $0.0 == key }) else {
        throw UsageError("\(UsageError.quoted(key)) is given twice")
      }
      values.append((key, String(pair[pair.index(after: equals)...])))
    }
    io.write(template.render(TemplateArguments(values)) + "\n")
    return ExitStatus.success
  }
}
