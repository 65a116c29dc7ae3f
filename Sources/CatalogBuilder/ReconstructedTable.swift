import TinyJSON

/// A table reconstructed row by row from several sources, as JSON: the API Gateway's, whose page
/// was not captured whole. Each row keeps where it was read and how sure it is.
public struct ReconstructedTable: Sendable {
  public var rows: [(code: String, row: CatalogRow)]

  /// Reads the rows; `source` stands in for a row that names no source of its own. Throws, naming
  /// the row, when one lacks a field.
  public init(json text: String, source: String) throws(PageError) {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw PageError("not valid JSON: \(error)")
    }
    guard let array = value.arrayValue else { throw PageError("the JSON is not an array of rows") }
    rows = []
    for (index, element) in array.enumerated() {
      guard let object = element.objectValue else { throw PageError("row \(index) is not an object") }
      func string(_ key: String) throws(PageError) -> String {
        guard let value = object[key]?.stringValue else { throw PageError("row \(index) has no \"\(key)\"") }
        return value
      }
      let code = try string("code")
      guard let status = object["status"]?.intValue, (100...599).contains(status) else {
        throw PageError("row \(index) (\(code)) has no HTTP status")
      }
      let sources = (object["sources"]?.arrayValue ?? []).compactMap(\.stringValue)
      let solution: String?
      switch object["solution"] {
      case .string(let text)?: solution = text
      case nil, .null?: solution = nil
      default: throw PageError("row \(index) (\(code)) has a \"solution\" that is not a string")
      }
      rows.append(
        (
          code: code,
          row: CatalogRow(
            status: status, message: try string("message"), description: try string("description"),
            solution: solution, updated: nil, sources: sources.isEmpty ? [source] : sources,
            confidence: object["confidence"]?.stringValue)
        ))
    }
    guard !rows.isEmpty else { throw PageError("the table has no rows") }
  }
}
