import TinyJSON

/// One documented row's texts: what a table says about a code at one date.
package struct CatalogRow: Hashable, Sendable {
  /// Every HTTP status the row gives, in the table's order: one for most rows, several for a cell
  /// such as `404/500`, none where the table gives none (RDS).
  package var statuses: [Int]
  /// The status cell as the table writes it, when it is more than the digits (`400 Bad Request`,
  /// `404/500`); `nil` otherwise.
  package var statusText: String?
  /// `nil` where the table has no such text (an empty cell or no such column).
  package var message: String?
  package var description: String?
  package var solution: String?
  /// The page date (`YYYY-MM-DD`), `nil` when the page gives none.
  package var updated: String?
  /// Where the row was read: a captured page's file name, a repository file
  /// (`github:owner/repo@commit:path`), or the addresses a reconstruction cites.
  package var sources: [String]
  /// Whose words the text is: ``TextOrigin``.
  package var origin: TextOrigin
  /// How sure a reconstructed row is (the API Gateway's table); `nil` for rows read from a table.
  package var confidence: String?
  /// The API modules the table lists the row under (VPC's "Creating a VPC"); empty for tables
  /// without a module column.
  package var modules: [String]
  /// What kind of failure the row is (``Classification``), and why it is not what the rules say,
  /// when it is not.
  package var category: String?
  package var categoryReason: String?
  /// Whether and how to retry (``Classification``), and why it is not what the rules say, when it
  /// is not.
  package var retry: String?
  package var retryReason: String?

  package init(
    statuses: [Int], statusText: String? = nil, message: String?, description: String?, solution: String?,
    updated: String?, sources: [String] = [], origin: TextOrigin = .huawei, confidence: String? = nil,
    modules: [String] = []
  ) {
    self.statuses = statuses
    self.statusText = statusText
    self.message = message
    self.description = description
    self.solution = solution
    self.updated = updated
    self.sources = sources
    self.origin = origin
    self.confidence = confidence
    self.modules = modules
  }

  /// A row with a single status.
  package init(
    status: Int, message: String, description: String, solution: String?, updated: String?,
    sources: [String] = [], origin: TextOrigin = .huawei, confidence: String? = nil
  ) {
    self.init(
      statuses: [status], message: message, description: description, solution: solution, updated: updated,
      sources: sources, origin: origin, confidence: confidence)
  }

  /// The first status, or `nil` when the row gives none.
  package var status: Int? { statuses.first }

  /// Whether two rows document the same thing: provenance, date, module and classification aside.
  package func hasSameText(as other: CatalogRow) -> Bool {
    statuses == other.statuses && message == other.message && description == other.description
      && solution == other.solution
  }
}

/// Whose words a row's text is.
package enum TextOrigin: String, Hashable, Sendable, CaseIterable {
  /// Huawei Cloud's own table: the captured pages, and Huawei's own messages where Open Telekom
  /// Cloud's copy differs.
  case huawei
  /// Open Telekom Cloud's copy of Huawei's table, where it says what Huawei's says or Huawei's
  /// table does not have the code.
  case openTelekomCloud = "otc"
  /// Open Telekom Cloud's copy where its message differs from Huawei's for the same code.
  case openTelekomCloudRewritten = "otc-rewritten"
}

/// One code of a service: its current row, the rows it had or has besides, and its Swift name.
package struct CatalogFileEntry: Hashable, Sendable {
  package var code: String
  /// The member name in the service's code type; chosen once, when the code is first imported,
  /// and kept from then on.
  package var swiftName: String
  /// Names the member had before a rename, kept as deprecated aliases.
  package var formerNames: [String]
  /// Whether the code means success (CBC's `CBC.0000`).
  package var success: Bool
  package var row: CatalogRow
  /// Former texts and further rows of the same code, oldest import first.
  package var variants: [CatalogRow]

  package init(
    code: String, swiftName: String, formerNames: [String] = [], success: Bool, row: CatalogRow,
    variants: [CatalogRow] = []
  ) {
    self.code = code
    self.swiftName = swiftName
    self.formerNames = formerNames
    self.success = success
    self.row = row
    self.variants = variants
  }

  /// The own row and the variants.
  package var allRows: [CatalogRow] { [row] + variants }
}

/// What the catalog knows of a service besides its codes: the first part of its
/// `Resources/<identifier>.json`.
package struct ServiceMetadata: Hashable, Sendable {
  /// The identifier used in file names, JSON, the CLI and the API (`iam`, `dms-kafka`).
  package var identifier: String
  /// The service's name as the vendor writes it.
  package var title: String
  /// The static member of `HuaweiCloudService` (`iam`, `dmsKafka`).
  package var memberName: String
  /// The generated code type (`IAMErrorCode`).
  package var typeName: String
  /// What codes of the service start with (`IAM.`); codes without a prefix (IAM's bare numbers,
  /// OBS's words) need none.
  package var codePrefixes: [String]
  /// The first labels of the service's endpoint hosts (`iam` for `iam.myhuaweicloud.com`).
  package var hosts: [String]
  /// The tables the rows were read from, in the order they were imported: the service's own
  /// table first.
  package var tables: [TableSource]

  package init(
    identifier: String, title: String, memberName: String, typeName: String, codePrefixes: [String],
    hosts: [String] = [], tables: [TableSource] = []
  ) {
    self.identifier = identifier
    self.title = title
    self.memberName = memberName
    self.typeName = typeName
    self.codePrefixes = codePrefixes
    self.hosts = hosts
    self.tables = tables
  }

  /// The catalog file's name in `Resources/`.
  package var fileName: String { "\(identifier).json" }
}

/// A table a service's rows were read from.
package struct TableSource: Hashable, Sendable {
  /// The source string the rows name (`seeds/002_….txt`, `github:owner/repo@commit:path`).
  package var source: String
  /// The repository it is a file of (`opentelekomcloud-docs/elastic-cloud-server`), or `nil`.
  package var repository: String?
  /// The page's date (`YYYY-MM-DD`), or `nil` when it gives none.
  package var pageDate: String?
  /// The licence the table is published under, or `nil` when not stated.
  package var license: String?

  package init(source: String, repository: String? = nil, pageDate: String? = nil, license: String? = nil) {
    self.source = source
    self.repository = repository
    self.pageDate = pageDate
    self.license = license
  }
}

/// The catalog of one service as stored in `Resources/<service>.json`.
package struct CatalogFile: Hashable, Sendable {
  package var service: ServiceMetadata
  package var entries: [CatalogFileEntry]

  package init(service: ServiceMetadata, entries: [CatalogFileEntry] = []) {
    self.service = service
    self.entries = entries
  }

  package func entry(code: String) -> CatalogFileEntry? {
    entries.first { $0.code == code }
  }
}

/// Why a catalog file could not be read.
package struct CatalogFileError: Error, Sendable, CustomStringConvertible {
  package var description: String
  init(_ description: String) { self.description = description }
}

extension CatalogFile {
  /// Reads a catalog file's JSON text.
  package init(json text: String) throws(CatalogFileError) {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw CatalogFileError("not valid JSON: \(error)")
    }
    guard let object = value.objectValue else { throw CatalogFileError("the top level is not an object") }
    let fields = Fields(object, context: "the file")
    service = ServiceMetadata(
      identifier: try fields.string("service"), title: try fields.string("title"),
      memberName: try fields.string("memberName"), typeName: try fields.string("typeName"),
      codePrefixes: try fields.strings("codePrefixes"), hosts: try fields.strings("hosts"),
      tables: try fields.objects("tables").enumerated().map { offset, table throws(CatalogFileError) in
        let fields = Fields(table, context: "table \(offset)")
        return TableSource(
          source: try fields.string("source"), repository: try fields.optionalString("repository"),
          pageDate: try fields.optionalString("pageDate"), license: try fields.optionalString("license"))
      })
    entries = try fields.objects("entries").enumerated().map { offset, entry throws(CatalogFileError) in
      try CatalogFileEntry(json: entry, context: "entry \(offset)")
    }
  }

  /// The file's JSON text: stable key order, two-space indentation, a final newline.
  package var json: String {
    var tables: [JSONValue] = []
    for table in service.tables {
      var object: JSONObject = ["source": .string(table.source)]
      if let repository = table.repository { object.append("repository", .string(repository)) }
      object.append("pageDate", .string(orNull: table.pageDate))
      if let license = table.license { object.append("license", .string(license)) }
      tables.append(.object(object))
    }
    let object: JSONObject = [
      "service": .string(service.identifier),
      "title": .string(service.title),
      "memberName": .string(service.memberName),
      "typeName": .string(service.typeName),
      "codePrefixes": .array(service.codePrefixes.map(JSONValue.string)),
      "hosts": .array(service.hosts.map(JSONValue.string)),
      "tables": .array(tables),
      "entries": .array(entries.map { .object($0.json) }),
    ]
    return JSONValue.object(object).serialized(pretty: true) + "\n"
  }
}

extension CatalogFileEntry {
  init(json object: JSONObject, context: String) throws(CatalogFileError) {
    let fields = Fields(object, context: context)
    let code = try fields.string("code")
    let named = Fields(object, context: code)
    self.init(
      code: code,
      swiftName: try named.string("swiftName"),
      formerNames: try named.strings("formerNames", required: false),
      success: object["success"] == .bool(true),
      row: try CatalogRow(json: object, context: code),
      variants: try named.objects("variants", required: false).enumerated().map {
        offset, variant throws(CatalogFileError) in
        try CatalogRow(json: variant, context: "\(code) variant \(offset)")
      }
    )
  }

  var json: JSONObject {
    var object: JSONObject = ["code": .string(code), "swiftName": .string(swiftName)]
    if !formerNames.isEmpty { object.append("formerNames", .array(formerNames.map(JSONValue.string))) }
    if success { object.append("success", .bool(true)) }
    object.members += row.json.members
    object.append("variants", .array(variants.map { .object($0.json) }))
    return object
  }
}

extension CatalogRow {
  init(json object: JSONObject, context: String) throws(CatalogFileError) {
    let fields = Fields(object, context: context)
    var statuses: [Int]
    switch object["status"] {
    case .null?: statuses = []
    case .number(let text)?:
      guard let status = Int(text) else { throw CatalogFileError("\(context): \"status\" is not an integer") }
      statuses = [status]
    default: throw CatalogFileError("\(context): no \"status\" (an integer or null)")
    }
    if let more = object["statuses"] {
      guard let list = more.arrayValue?.compactMap(\.intValue), list.count == more.arrayValue?.count,
        list.first == statuses.first, list.count > 1
      else {
        throw CatalogFileError("\(context): \"statuses\" must list two or more integers, starting with \"status\"")
      }
      statuses = list
    }
    let originName = try fields.optionalString("origin") ?? TextOrigin.huawei.rawValue
    guard let origin = TextOrigin(rawValue: originName) else {
      throw CatalogFileError("\(context): unknown \"origin\" \"\(originName)\"")
    }
    self.init(
      statuses: statuses,
      statusText: try fields.optionalString("statusText"),
      message: try fields.optionalString("message", required: true),
      description: try fields.optionalString("description", required: true),
      solution: try fields.optionalString("solution", required: true),
      updated: try fields.optionalString("updated", required: true),
      sources: try fields.strings("sources"),
      origin: origin,
      confidence: try fields.optionalString("confidence"),
      modules: try fields.strings("modules", required: false)
    )
    category = try fields.optionalString("category")
    categoryReason = try fields.optionalString("categoryReason")
    retry = try fields.optionalString("retry")
    retryReason = try fields.optionalString("retryReason")
  }

  var json: JSONObject {
    var object: JSONObject = ["status": status.map(JSONValue.int) ?? .null]
    if statuses.count > 1 { object.append("statuses", .array(statuses.map(JSONValue.int))) }
    if let statusText { object.append("statusText", .string(statusText)) }
    object.append("message", .string(orNull: message))
    object.append("description", .string(orNull: description))
    object.append("solution", .string(orNull: solution))
    object.append("updated", .string(orNull: updated))
    object.append("sources", .array(sources.map(JSONValue.string)))
    if origin != .huawei { object.append("origin", .string(origin.rawValue)) }
    if let confidence { object.append("confidence", .string(confidence)) }
    if !modules.isEmpty { object.append("modules", .array(modules.map(JSONValue.string))) }
    if let category { object.append("category", .string(category)) }
    if let categoryReason { object.append("categoryReason", .string(categoryReason)) }
    if let retry { object.append("retry", .string(retry)) }
    if let retryReason { object.append("retryReason", .string(retryReason)) }
    return object
  }
}

/// Typed access to an object's members, with errors that name where the value was expected.
private struct Fields {
  let object: JSONObject
  let context: String

  init(_ object: JSONObject, context: String) {
    self.object = object
    self.context = context
  }

  func string(_ key: String) throws(CatalogFileError) -> String {
    guard let value = object[key]?.stringValue else { throw CatalogFileError("\(context): no \"\(key)\" string") }
    return value
  }

  /// A string or `null`; a missing key is `nil` unless `required`.
  func optionalString(_ key: String, required: Bool = false) throws(CatalogFileError) -> String? {
    switch object[key] {
    case nil:
      if required { throw CatalogFileError("\(context): no \"\(key)\" (a string or null)") }
      return nil
    case .null?: return nil
    case .string(let value)?: return value
    default: throw CatalogFileError("\(context): \"\(key)\" is neither a string nor null")
    }
  }

  func strings(_ key: String, required: Bool = true) throws(CatalogFileError) -> [String] {
    guard let array = object[key]?.arrayValue else {
      if !required, object[key] == nil { return [] }
      throw CatalogFileError("\(context): no \"\(key)\" array")
    }
    var strings: [String] = []
    for element in array {
      guard let string = element.stringValue else {
        throw CatalogFileError("\(context): \"\(key)\" holds a non-string")
      }
      strings.append(string)
    }
    return strings
  }

  func objects(_ key: String, required: Bool = true) throws(CatalogFileError) -> [JSONObject] {
    guard let array = object[key]?.arrayValue else {
      if !required, object[key] == nil { return [] }
      throw CatalogFileError("\(context): no \"\(key)\" array")
    }
    var objects: [JSONObject] = []
    for (offset, element) in array.enumerated() {
      guard let object = element.objectValue else {
        throw CatalogFileError("\(context): \"\(key)\" element \(offset) is not an object")
      }
      objects.append(object)
    }
    return objects
  }
}
