import HuaweiCloudErrors

extension HuaweiCloudErrorsTool {
  /// `render CODE [KEY=VALUE …]`: the entry's message with the values substituted.
  static func render(_ arguments: [String], io: inout some ToolIO) throws(UsageError) -> Int32 {
    if helpRequested(arguments, command: "render", io: &io) { return ExitStatus.success }
    let parsed = try ParsedArguments(arguments, valueOptions: [], flags: [])
    guard let code = parsed.positionals.first else { throw UsageError("render needs a CODE") }
    guard let entry = HuaweiCloudCatalog.entry(code: code) else {
      io.writeError("huaweicloud-errors: unknown code \(UsageError.quoted(code))\n")
      return ExitStatus.notFound
    }
    let template = entry.template
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
