import HuaweiCloudErrors
import TinyJSON

// The JSON shapes the CLI prints and other tools rely on. Keys and their order are part of the
// contract; `null` is written, never left out. The shapes are written as UTF-8 straight to the
// output's bytes; a JSON value of one, where a command needs it, is read back from them.
extension CatalogEntry {
  /// `{"service", "code", "status", "statuses", "message", "description", "solution", "updated",
  /// "origin", "sources", "category", "retry", "variants"}`.
  var json: JSONValue { json(primary: nil) }

  /// The same shape with `primary` (one of the entry's rows) as the top-level row and the other
  /// rows as the variants: what a lookup by code and status shows. Read back from the text
  /// ``appendJSON(primary:to:)`` writes, so that the shape is defined once.
  func json(primary: Row?) -> JSONValue {
    var text: [UInt8] = []
    appendJSON(primary: primary, to: &text)
    do {
      return try JSONValue.parse(text)
    } catch {
      preconditionFailure("the entry's JSON does not parse: \(error)")
    }
  }

  /// Appends the shape of ``json(primary:)`` on one line, without building a JSON value: a scan
  /// writes one for each entry it finds.
  func appendJSON(primary: Row?, to output: inout [UInt8]) {
    let (top, others) = rows(primary: primary)
    output.write(#"{"service":"#)
    JSONWriter.appendQuoted(service.identifier, to: &output)
    output.write(#","code":"#)
    JSONWriter.appendQuoted(code, to: &output)
    output.write(",")
    top.appendMembers(to: &output)
    output.write(#","variants":["#)
    for (index, row) in others.enumerated() {
      output.write(index == 0 ? "{" : ",{")
      row.appendMembers(to: &output)
      output.write("}")
    }
    output.write("]}")
  }
}

extension CatalogEntry.Row {
  /// `"status", "statuses", "message", "description", "solution", "updated", "origin", "sources",
  /// "category", "retry"`: the members of a row's object, without its braces.
  func appendMembers(to output: inout [UInt8]) {
    output.write(#""status":"#)
    output.write(status.map(String.init) ?? "null")
    output.write(#","statuses":["#)
    for (index, status) in statuses.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      output.write(String(status))
    }
    output.write(#"],"message":"#)
    JSONWriter.appendQuoted(orNull: message, to: &output)
    output.write(#","description":"#)
    JSONWriter.appendQuoted(orNull: description, to: &output)
    output.write(#","solution":"#)
    JSONWriter.appendQuoted(orNull: solution, to: &output)
    output.write(#","updated":"#)
    JSONWriter.appendQuoted(orNull: updated, to: &output)
    output.write(#","origin":"#)
    JSONWriter.appendQuoted(origin.rawValue, to: &output)
    output.write(#","sources":["#)
    for (index, source) in sources.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      JSONWriter.appendQuoted(source, to: &output)
    }
    output.write(#"],"category":"#)
    JSONWriter.appendQuoted(category.rawValue, to: &output)
    output.write(#","retry":"#)
    JSONWriter.appendQuoted(retryAdvice.rawValue, to: &output)
  }
}

extension MessageMatch {
  /// `{"code", "service", "status", "kind", "arguments": {key: value}}`; the status is the matched
  /// row's.
  var json: JSONValue {
    .object([
      "code": .string(entry.code),
      "service": .string(entry.service.identifier),
      "status": row.status.map(JSONValue.int) ?? .null,
      "kind": .string(kind.rawValue),
      "arguments": arguments.json,
    ])
  }
}

/// `[{"code", "service"}]` of each entry an error may be.
private func candidatesJSON(_ entries: [CatalogEntry]) -> JSONValue {
  verbatimJSON { appendCandidatesJSON(entries, to: &$0) }
}

private func appendCandidatesJSON(_ entries: [CatalogEntry], to output: inout [UInt8]) {
  appendCodePairs(entries.lazy.map { ($0.code, $0.service.identifier) }, secondKey: "service", to: &output)
}

/// `[{"code": …, "<secondKey>": …}]`, `null` for a value that is `nil`.
private func appendCodePairs(
  _ pairs: some Sequence<(String?, String?)>, secondKey: String, to output: inout [UInt8]
) {
  output.write("[")
  for (index, (code, second)) in pairs.enumerated() {
    output.write(index == 0 ? #"{"code":"# : #",{"code":"#)
    JSONWriter.appendQuoted(orNull: code, to: &output)
    output.write(",")
    JSONWriter.appendQuoted(secondKey, to: &output)
    output.write(":")
    JSONWriter.appendQuoted(orNull: second, to: &output)
    output.write("}")
  }
  output.write("]")
}

/// The JSON value of what `append` writes, kept as its text: it is compact JSON already, and the
/// commands that use these values write them compact.
private func verbatimJSON(_ append: (inout [UInt8]) -> Void) -> JSONValue {
  var text: [UInt8] = []
  append(&text)
  return .verbatim(String(decoding: text, as: UTF8.self))
}

extension HuaweiCloudError {
  /// `{"isError", "status", "code", "message", "requestId", "encodedAuthorizationMessage",
  /// "details", "service", "resolution", "category", "retry", "retryAfter", "entry", "candidates",
  /// "similarTexts", "arguments"}`: the code and message as the body gave them, `details` as
  /// `[{"code", "message"}]`, the advice for this error (its detail and status included),
  /// `retryAfter` in seconds or `null`, the entry as in `--json` lookups, and `similarTexts`: the
  /// documented entries whose text an undocumented code's message has, as `{"code", "service"}`.
  func json(isError: Bool) -> JSONValue {
    .object([
      "isError": .bool(isError),
      "status": .int(statusCode),
      "code": .string(orNull: code?.rawValue),
      "message": .string(orNull: message),
      "requestId": .string(orNull: requestID),
      "encodedAuthorizationMessage": .string(orNull: encodedAuthorizationMessage),
      "details": details.json,
      "service": .string(orNull: service?.identifier),
      "resolution": .string(resolution.rawValue),
      "category": .string(category.rawValue),
      "retry": .string(retryAdvice.rawValue),
      "retryAfter": retryAfter.map(JSONValue.seconds) ?? .null,
      "entry": entry?.json(primary: documentedRow) ?? .null,
      "candidates": candidatesJSON(candidates),
      "similarTexts": candidatesJSON(similarTexts.map(\.entry)),
      "arguments": arguments.json,
    ])
  }
}

extension [HuaweiCloudError.Detail] {
  /// `[{"code", "message"}]`, `null` for what an element lacks.
  var json: JSONValue { verbatimJSON { appendJSON(to: &$0) } }

  func appendJSON(to output: inout [UInt8]) {
    appendCodePairs(lazy.map { ($0.code, $0.message) }, secondKey: "message", to: &output)
  }
}

extension HuaweiCloudLogScanner.Finding {
  /// Appends `{"line", "format", "status", "code", "message", "requestId",
  /// "encodedAuthorizationMessage", "details", "service", "entry", "candidates", "similarTexts",
  /// "arguments"}` on one line, as `explain` gives them, without building a JSON value: a scan
  /// writes one per error found. `entry` is the entry's JSON text, or `null`: a scan writes each
  /// entry's once per run.
  func appendJSON(entry: [UInt8], to output: inout [UInt8]) {
    output.write(#"{"line":"#)
    output.write(String(line))
    output.write(#","format":"#)
    JSONWriter.appendQuoted(format.rawValue, to: &output)
    output.write(#","status":"#)
    output.write(status.map(String.init) ?? "null")
    output.write(#","code":"#)
    JSONWriter.appendQuoted(orNull: code?.rawValue, to: &output)
    output.write(#","message":"#)
    JSONWriter.appendQuoted(orNull: message, to: &output)
    output.write(#","requestId":"#)
    JSONWriter.appendQuoted(orNull: requestID, to: &output)
    output.write(#","encodedAuthorizationMessage":"#)
    JSONWriter.appendQuoted(orNull: encodedAuthorizationMessage, to: &output)
    output.write(#","details":"#)
    details.appendJSON(to: &output)
    output.write(#","service":"#)
    JSONWriter.appendQuoted(orNull: service?.identifier, to: &output)
    output.write(#","entry":"#)
    output += entry
    output.write(#","candidates":"#)
    appendCandidatesJSON(candidates, to: &output)
    output.write(#","similarTexts":"#)
    appendCandidatesJSON(similarTexts.map(\.entry), to: &output)
    output.write(#","arguments":"#)
    arguments.appendJSON(to: &output)
    output.write("}")
  }
}

extension JSONValue {
  /// A duration as a number of seconds: `30`, `1.5`, `0.25`.
  static func seconds(_ duration: Duration) -> JSONValue {
    let (seconds, attoseconds) = duration.components
    let milliseconds = attoseconds / 1_000_000_000_000_000
    guard milliseconds != 0 else { return .number(String(seconds)) }
    var fraction = String(milliseconds)
    fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return .number("\(seconds).\(fraction)")
  }
}

extension TemplateArguments {
  /// `{key: value}`, in the template's order.
  var json: JSONValue { verbatimJSON { appendJSON(to: &$0) } }

  func appendJSON(to output: inout [UInt8]) {
    output.append(UInt8(ascii: "{"))
    // Read in place: `match --stdin` writes the arguments of every match of every line.
    withPairs { pairs in
      for index in pairs.indices {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        JSONWriter.appendQuoted(pairs[index].key, to: &output)
        output.append(UInt8(ascii: ":"))
        JSONWriter.appendQuoted(pairs[index].value, to: &output)
      }
    }
    output.append(UInt8(ascii: "}"))
  }
}
