import HuaweiCloudErrors
import TinyJSON

// The JSON shapes the CLI prints and other tools rely on. Keys and their order are part of the
// contract; `null` is written, never left out.
extension CatalogEntry {
  /// `{"service", "code", "status", "statuses", "message", "description", "solution", "updated",
  /// "origin", "sources", "category", "retry", "variants"}`.
  var json: JSONValue { json(primary: nil) }

  /// The same shape with `primary` (one of the entry's rows) as the top-level row and the other
  /// rows as the variants: what a lookup by code and status shows.
  func json(primary: Row?) -> JSONValue {
    let (top, others) = rows(primary: primary)
    var object = JSONObject()
    object.append("service", .string(service.identifier))
    object.append("code", .string(code))
    object.members += top.jsonObject.members
    object.append("variants", .array(others.map { .object($0.jsonObject) }))
    return .object(object)
  }
}

extension CatalogEntry.Row {
  /// `{"status", "statuses", "message", "description", "solution", "updated", "origin", "sources",
  /// "category", "retry"}`.
  var jsonObject: JSONObject {
    [
      "status": status.map(JSONValue.int) ?? .null,
      "statuses": .array(statuses.map(JSONValue.int)),
      "message": .string(orNull: message),
      "description": .string(orNull: description),
      "solution": .string(orNull: solution),
      "updated": .string(orNull: updated),
      "origin": .string(origin.rawValue),
      "sources": .array(sources.map(JSONValue.string)),
      "category": .string(category.rawValue),
      "retry": .string(retryAdvice.rawValue),
    ]
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

/// `{"code", "service"}` of each entry an error may be.
private func candidatesJSON(_ entries: [CatalogEntry]) -> JSONValue {
  .array(entries.map { .object(["code": .string($0.code), "service": .string($0.service.identifier)]) })
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
  var json: JSONValue {
    .array(map { .object(["code": .string(orNull: $0.code), "message": .string(orNull: $0.message)]) })
  }
}

extension HuaweiCloudLogScanner.Finding {
  /// `{"line", "format", "status", "code", "message", "requestId", "encodedAuthorizationMessage",
  /// "details", "service", "entry", "candidates", "similarTexts", "arguments"}`, as `explain`
  /// gives them.
  var json: JSONValue { json(entry: entry?.json(primary: documentedRow) ?? .null) }

  /// The same with the entry's JSON given: the scanner writes each entry's once per run.
  func json(entry: JSONValue) -> JSONValue {
    .object([
      "line": .int(line),
      "format": .string(format.rawValue),
      "status": status.map(JSONValue.int) ?? .null,
      "code": .string(orNull: code?.rawValue),
      "message": .string(orNull: message),
      "requestId": .string(orNull: requestID),
      "encodedAuthorizationMessage": .string(orNull: encodedAuthorizationMessage),
      "details": details.json,
      "service": .string(orNull: service?.identifier),
      "entry": entry,
      "candidates": candidatesJSON(candidates),
      "similarTexts": candidatesJSON(similarTexts.map(\.entry)),
      "arguments": arguments.json,
    ])
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
  var json: JSONValue {
    .object(JSONObject(map { (key: $0.key, value: JSONValue.string($0.value)) }))
  }
}
