// libFuzzer target: the importer's page reader. Input: page text. Checks: a page either fails
// with a reason or gives rows shaped as the table says; merging the rows never loses a code; the
// catalog file written from them reads back to the same file.
import CatalogBuilder

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let page = try? VendorPage(text: text) else { return 0 }
  precondition(!page.rows.isEmpty, "a page with no rows")
  for row in page.rows {
    precondition((100...599).contains(row.status), "status \(row.status)")
    precondition(!row.code.isEmpty && !row.code.contains("\n"), "code \(row.code.debugDescription)")
  }
  let services = [
    ServiceMetadata(
      identifier: "any", title: "Any", memberName: "any", typeName: "AnyErrorCode",
      codePrefixes: Array(Set(page.rows.compactMap { Importer.codePrefix(of: $0.code) }))),
    ServiceMetadata(
      identifier: "iam", title: "IAM", memberName: "iam", typeName: "IAMErrorCode", codePrefixes: ["IAM."]),
  ]
  for service in services {
    var file = CatalogFile(service: service)
    guard (try? Importer.importTable(text: text, source: "fuzz", into: &file)) != nil else { continue }
    // Codes that differ only in letter case or spaces are one code, as the library looks them up.
    precondition(
      Set(file.entries.map { Importer.codeKey($0.code) }) == Set(page.rows.map { Importer.codeKey($0.code) }),
      "a code was lost")
    precondition(
      Set(file.entries.map { $0.swiftName.lowercased() }).count == file.entries.count, "two members share a name")
    guard let reread = try? CatalogFile(json: file.json) else { preconditionFailure("the written file does not read") }
    precondition(reread == file, "the written file reads back differently")
  }
  return 0
}
