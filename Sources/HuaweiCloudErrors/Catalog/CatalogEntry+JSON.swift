import TinyJSON

// The JSON shapes the CLI prints and other tools rely on. Keys and their order are part of the
// contract; `null` is written, never left out.
extension CatalogEntry {
  /// `{"service", "code", "status", "message", "description", "solution", "updated", "variants"}`.
  package var json: JSONValue { json(primary: nil) }

  /// The same shape with `primary` (one of the entry's texts) as the top-level row and the other
  /// texts as the variants: what a lookup by code and status shows.
  package func json(primary: Variant?) -> JSONValue {
    let (top, others) = texts(primary: primary)
    var object = JSONObject()
    object.append("service", .string(service.identifier))
    object.append("code", .string(code))
    object.members += top.json.objectValue!.members
    object.append("variants", .array(others.map(\.json)))
    return .object(object)
  }
}

extension CatalogEntry.Variant {
  /// `{"status", "message", "description", "solution", "updated"}`.
  package var json: JSONValue {
    .object([
      "status": .int(status),
      "message": .string(message),
      "description": .string(description),
      "solution": .string(orNull: solution),
      "updated": .string(orNull: updated),
    ])
  }
}

extension MessageMatch {
  /// `{"code", "service", "status", "arguments": {key: value}}`; the status is the matched
  /// text's.
  package var json: JSONValue {
    .object([
      "code": .string(entry.code),
      "service": .string(entry.service.identifier),
      "status": .int(text.status),
      "arguments": arguments.json,
    ])
  }
}

extension HuaweiCloudError {
  /// `{"isError", "status", "code", "message", "requestId", "entry", "arguments"}`: the code and
  /// message as the body gave them, the entry as in `--json` lookups.
  package func json(isError: Bool) -> JSONValue {
    .object([
      "isError": .bool(isError),
      "status": .int(status),
      "code": .string(orNull: code?.rawValue),
      "message": .string(orNull: message),
      "requestId": .string(orNull: requestID),
      "entry": entry?.json(primary: documentedText) ?? .null,
      "arguments": arguments.json,
    ])
  }
}

extension HuaweiCloudLogScanner.Finding {
  /// `{"line", "format", "status", "code", "message", "requestId", "entry", "arguments"}`.
  package var json: JSONValue {
    .object([
      "line": .int(line),
      "format": .string(format.rawValue),
      "status": status.map(JSONValue.int) ?? .null,
      "code": .string(orNull: code?.rawValue),
      "message": .string(orNull: message),
      "requestId": .string(orNull: requestID),
      "entry": entry?.json(primary: documentedText) ?? .null,
      "arguments": arguments.json,
    ])
  }
}

extension TemplateArguments {
  /// `{key: value}`, in the template's order.
  package var json: JSONValue {
    .object(JSONObject(map { (key: $0.key, value: JSONValue.string($0.value)) }))
  }
}
