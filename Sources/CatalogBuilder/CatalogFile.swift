import TinyJSON

/// One documented row's texts: what a table says about a code at one date.
public struct CatalogRow: Hashable, Sendable {
  public var status: Int
  public var message: String
  public var description: String
  /// `nil` when the table has no solution column.
  public var solution: String?
  /// The page date (`YYYY-MM-DD`), `nil` when the page gives none.
  public var updated: String?
  /// Where the row was read: the captured page's file name, or the addresses a reconstruction cites.
  public var sources: [String]
  /// How sure a reconstructed row is (the API Gateway's table); `nil` for rows read from a page.
  public var confidence: String?

  public init(
    status: Int, message: String, description: String, solution: String?, updated: String?,
    sources: [String] = [], confidence: String? = nil
  ) {
    self.status = status
    self.message = message
    self.description = description
    self.solution = solution
    self.updated = updated
    self.sources = sources
    self.confidence = confidence
  }

  /// Whether two rows document the same thing: provenance and date aside.
  public func hasSameText(as other: CatalogRow) -> Bool {
    status == other.status && message == other.message && description == other.description
      && solution == other.solution
  }
}

/// One code of a service: its current row, the rows it had or has besides, and its Swift name.
public struct CatalogFileEntry: Hashable, Sendable {
  public var code: String
  /// The enum case name; chosen once, when the code is first imported, and kept from then on.
  public var swiftName: String
  /// Whether the code means success (CBC's `CBC.0000`).
  public var success: Bool
  public var row: CatalogRow
  /// Former texts and second rows of the same code, oldest import first.
  public var variants: [CatalogRow]

  public init(code: String, swiftName: String, success: Bool, row: CatalogRow, variants: [CatalogRow] = []) {
    self.code = code
    self.swiftName = swiftName
    self.success = success
    self.row = row
    self.variants = variants
  }

  /// The own row and the variants.
  public var allRows: [CatalogRow] { [row] + variants }
}

/// The catalog of one service as stored in `Resources/<service>.json`.
public struct CatalogFile: Hashable, Sendable {
  public var service: ServiceDescriptor
  public var entries: [CatalogFileEntry]

  public init(service: ServiceDescriptor, entries: [CatalogFileEntry] = []) {
    self.service = service
    self.entries = entries
  }

  public func entry(code: String) -> CatalogFileEntry? {
    entries.first { $0.code == code }
  }
}

/// Why a catalog file could not be read.
public struct CatalogFileError: Error, Sendable, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}

extension CatalogFile {
  /// Reads a catalog file's JSON text.
  public init(json text: String) throws {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw CatalogFileError("not valid JSON: \(error)")
    }
    guard let object = value.objectValue else { throw CatalogFileError("the top level is not an object") }
    guard let identifier = object["service"]?.stringValue else { throw CatalogFileError("no \"service\"") }
    guard let service = ServiceDescriptor.named(identifier) else {
      throw CatalogFileError("unknown service \"\(identifier)\"")
    }
    guard let entries = object["entries"]?.arrayValue else { throw CatalogFileError("no \"entries\" array") }
    self.service = service
    self.entries = try entries.enumerated().map { offset, value in
      guard let entry = value.objectValue else { throw CatalogFileError("entry \(offset) is not an object") }
      return try CatalogFileEntry(json: entry, context: "entry \(offset)")
    }
  }

  /// The file's JSON text: stable key order, two-space indentation, a final newline.
  public var json: String {
    let object: JSONObject = [
      "service": .string(service.identifier),
      "title": .string(service.title),
      "entries": .array(entries.map { .object($0.json) }),
    ]
    return JSONValue.object(object).serialized(pretty: true) + "\n"
  }
}

extension CatalogFileEntry {
  init(json object: JSONObject, context: String) throws {
    guard let code = object["code"]?.stringValue else { throw CatalogFileError("\(context): no \"code\"") }
    guard let swiftName = object["swiftName"]?.stringValue else {
      throw CatalogFileError("\(code): no \"swiftName\"")
    }
    let variants = object["variants"]?.arrayValue ?? []
    self.init(
      code: code,
      swiftName: swiftName,
      success: object["success"] == .bool(true),
      row: try CatalogRow(json: object, context: code),
      variants: try variants.enumerated().map { offset, value in
        guard let variant = value.objectValue else {
          throw CatalogFileError("\(code): variant \(offset) is not an object")
        }
        return try CatalogRow(json: variant, context: "\(code) variant \(offset)")
      }
    )
  }

  var json: JSONObject {
    var object: JSONObject = ["code": .string(code), "swiftName": .string(swiftName)]
    if success { object.append("success", .bool(true)) }
    object.members += row.json.members
    object.append("variants", .array(variants.map { .object($0.json) }))
    return object
  }
}

extension CatalogRow {
  init(json object: JSONObject, context: String) throws {
    guard let status = object["status"]?.intValue else { throw CatalogFileError("\(context): no integer \"status\"") }
    guard let message = object["message"]?.stringValue else { throw CatalogFileError("\(context): no \"message\"") }
    guard let description = object["description"]?.stringValue else {
      throw CatalogFileError("\(context): no \"description\"")
    }
    func optionalString(_ key: String) throws -> String? {
      switch object[key] {
      case nil, .null?: return nil
      case .string(let value)?: return value
      default: throw CatalogFileError("\(context): \"\(key)\" is neither a string nor null")
      }
    }
    self.init(
      status: status,
      message: message,
      description: description,
      solution: try optionalString("solution"),
      updated: try optionalString("updated"),
      sources: try (object["sources"]?.arrayValue ?? []).map {
        guard let source = $0.stringValue else { throw CatalogFileError("\(context): a source is not a string") }
        return source
      },
      confidence: try optionalString("confidence")
    )
  }

  var json: JSONObject {
    var object: JSONObject = [
      "status": .int(status),
      "message": .string(message),
      "description": .string(description),
      "solution": .string(orNull: solution),
      "updated": .string(orNull: updated),
      "sources": .array(sources.map(JSONValue.string)),
    ]
    if let confidence { object.append("confidence", .string(confidence)) }
    return object
  }
}
