import Foundation
import HuaweiCloudErrors
import HuaweiCloudErrorsCLI
import Testing

@Suite("huaweicloud-errors lookup and list")
struct LookupCommandTests {
  static let rowKeys = [
    "status", "statuses", "message", "description", "solution", "updated", "origin", "sources", "category", "retry",
  ]
  static let entryKeys = ["service", "code"] + rowKeys + ["variants"]
  static let variantKeys = rowKeys

  /// Checks one entry object of the JSON output against the catalog, key order included.
  static func checkEntryJSON(_ text: String, entry: CatalogEntry) throws {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == Set(entryKeys))
    #expect(text.hasPrefix("{\"service\":"))
    // Keys in their documented order.
    let positions = entryKeys.map { text.range(of: "\"\($0)\":")!.lowerBound }
    #expect(positions == positions.sorted())
    #expect(object["service"] as? String == entry.service.identifier)
    #expect(object["code"] as? String == entry.code)
    #expect(object["status"] as? Int == entry.status)
    #expect(object["statuses"] as? [Int] == entry.row.statuses)
    #expect(object["origin"] as? String == entry.row.origin.rawValue)
    #expect(object["sources"] as? [String] == entry.row.sources)
    #expect(object["message"] as? String == entry.message)
    #expect(object["description"] as? String == entry.description)
    #expect(object["solution"] as? String == entry.solution)
    #expect(entry.solution != nil || object["solution"] is NSNull)
    #expect(object["updated"] as? String == entry.updated)
    #expect(object["category"] as? String == entry.row.category.rawValue)
    #expect(object["retry"] as? String == entry.row.retryAdvice.rawValue)
    let variants = try #require(object["variants"] as? [[String: Any]])
    #expect(variants.count == entry.variants.count)
    for (json, variant) in zip(variants, entry.variants) {
      #expect(Set(json.keys) == Set(variantKeys))
      #expect(json["message"] as? String == variant.message)
      #expect(json["status"] as? Int == variant.status)
      #expect(json["updated"] as? String == variant.updated)
      #expect(json["category"] as? String == variant.category.rawValue)
      #expect(json["retry"] as? String == variant.retryAdvice.rawValue)
    }
  }

  @Test(
    "lookup --json prints one entry object per service that documents the code",
    arguments: HuaweiCloudService.allCases)
  func lookupJSON(service: HuaweiCloudService) throws {
    for entry in service.entries {
      let all = HuaweiCloudCatalog.entries(code: entry.code)
      let run = ToolRun(["lookup", entry.code, "--json"])
      #expect(run.status == 0)
      #expect(run.errors.isEmpty)
      #expect(run.outputLines.count == all.count)
      let line = try #require(run.outputLines.first { $0.contains("\"service\":\"\(service.identifier)\"") })
      try Self.checkEntryJSON(line, entry: entry)
      let one = ToolRun(["lookup", entry.code, "--json", "--service", service.identifier])
      #expect(one.outputLines == [line])
    }
  }

  @Test("lookup prints a readable block with the message, description, solution and Swift name")
  func lookupHuman() {
    let run = ToolRun(["lookup", "CBC.0150"])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("CBC.0150 · HTTP 403 · "))
    #expect(run.output.contains("Access denied. The customer does not belong to the website you are now at."))
    #expect(run.output.contains("Invalid operation."))
    #expect(run.output.contains("CBCErrorCode."))
  }

  @Test("an undocumented code exits 1 with one line on stderr; letter case and spaces do not matter")
  func unknownCode() {
    let run = ToolRun(["lookup", "NoSuch.0066"])
    #expect(run.status == 1)
    #expect(run.output.isEmpty)
    #expect(run.errors == "huaweicloud-errors: \"NoSuch.0066\" is not a documented code\n")
    let lower = ToolRun(["lookup", "iam.0066"])
    #expect(lower.status == 0)
    #expect(lower.output == ToolRun(["lookup", "IAM.0066"]).output)
    let elsewhere = ToolRun(["lookup", "IAM.0066", "--service", "cbc"])
    #expect(elsewhere.status == 1)
    #expect(
      elsewhere.errors == "huaweicloud-errors: \"IAM.0066\" is not a documented code of cbc (documented by iam)\n")
  }

  @Test("a huge or binary code is reported cut short")
  func hugeCode() {
    let run = ToolRun(["lookup", String(repeating: "\u{1}x", count: 500_000)])
    #expect(run.status == 1)
    #expect(run.errors.count < 400)
    #expect(!run.errors.contains("\u{1}"))
  }

  @Test(
    "bad usage exits 2 with a one-line reason",
    arguments: [
      [], ["frobnicate"], ["lookup"], ["lookup", "A", "B"], ["lookup", "IAM.0001", "--yaml"], ["list", "--status"],
      ["list", "--status", "abc"], ["list", "--status", "1000"], ["list", "--service", "no-such"], ["list", "extra"],
      ["list", "--service", "iam", "--service", "cbc"], ["list", "--json=yes"], ["list", "--category", "bogus"],
      ["list", "--category"],
    ])
  func badUsage(arguments: [String]) {
    let run = ToolRun(arguments)
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.errors.hasPrefix(arguments.isEmpty ? "usage:" : "huaweicloud-errors: "))
  }

  @Test("--help prints the usage and succeeds", arguments: [["--help"], ["-h"], ["help"], ["lookup", "--help"]])
  func help(arguments: [String]) {
    let run = ToolRun(arguments)
    #expect(run.status == 0)
    #expect(run.output.contains("usage:"))
  }

  @Test(
    "every command answers --help with its synopsis, which the usage lists",
    arguments: ["lookup", "list", "match", "render", "explain", "scan"])
  func commandHelp(command: String) {
    let run = ToolRun([command, "--help"])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("usage: huaweicloud-errors \(command) "))
    #expect(ToolRun(["--help"]).output.contains("\n  \(command) "))
  }

  @Test("list --json prints every entry, in catalog order, in the entry shape")
  func listAll() throws {
    let run = ToolRun(["list", "--json"])
    #expect(run.status == 0)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    #expect(array.map { $0["code"] as? String } == HuaweiCloudCatalog.entries.map(\.code))
    let rows = array.reduce(0) { $0 + 1 + (($1["variants"] as? [Any])?.count ?? 0) }
    #expect(rows == HuaweiCloudCatalog.entries.reduce(0) { $0 + $1.rows.count })
  }

  @Test("list filters by service and status", arguments: HuaweiCloudService.allCases)
  func listFilters(service: HuaweiCloudService) throws {
    for status in Set(service.entries.compactMap(\.status)) {
      let run = ToolRun(["list", "--service", service.identifier, "--status", String(status), "--json"])
      let array = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
      let expected = service.entries.filter { $0.row(status: status) != nil }.map(\.code)
      #expect(array.map { $0["code"] as? String } == expected)
    }
    let none = ToolRun(["list", "--service", service.identifier, "--status", "599", "--json"])
    #expect(none.status == 0)
    #expect(none.output == "[]\n")
  }

  @Test("list --category keeps the entries with a row of that category; the text shows both")
  func listCategory() throws {
    var seen = 0
    for category in HuaweiCloudErrorsTool.categories {
      let run = ToolRun(["list", "--category", category.rawValue, "--json"])
      #expect(run.status == 0)
      let array = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
      let expected = HuaweiCloudCatalog.entries.filter { $0.rows.contains { $0.category == category } }
      #expect(array.map { $0["code"] as? String } == expected.map(\.code))
      seen += expected.count
    }
    // Every entry is listed under at least one category.
    #expect(seen >= HuaweiCloudCatalog.entries.count)
    let text = ToolRun(["list", "--category", "THROTTLING", "--service", "projectman"])
    #expect(text.output.contains("PM.02153001"))
    #expect(text.output.contains("  Category     throttling\n  Retry        backoff: back off and retry\n"))
  }
}
