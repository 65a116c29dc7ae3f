import Foundation
import HuaweiCloudErrors
import Testing

/// The README's Swift examples, run. Each README line `expression  // result` has its expression
/// here, which the last test checks, so the README cannot drift from what is tested.
@Suite("README examples")
struct ReadmeExamplesTests {
  @Test("the tour of the enums and the open code type")
  func tour() {
    let code = IAMErrorCode.tokenExpired
    #expect(code.rawValue == "IAM.0066")
    #expect(code.entry.status == 401)
    #expect(code.entry.message == "The token has expired.")
    #expect(code.entry.solution != nil)

    let received: HuaweiCloudErrorCode = "CBC.0150"
    #expect(received == .cbc(.accessDeniedCustomerNotBelong))
    #expect(received.entry?.variants.first?.message == "Invalid operation.")
    #expect(HuaweiCloudErrorCode("ECS.0001").entry == nil)

    #expect(HuaweiCloudCatalog.entry(code: "PM.02175201")?.message == "Field {0} has invalid value {1}.")
    #expect(HuaweiCloudCatalog.entry(code: "iam.0066") == nil)
    #expect(HuaweiCloudCatalog.entries(status: 429).map(\.code) == ["IAM.0012", "CBC.0250", "APIGW.0308"])
    #expect(HuaweiCloudCatalog.entries(service: .projectman).count == 54)
  }

  @Test("matching and rendering")
  func matching() {
    let match = HuaweiCloudCatalog.bestMatch(for: "The user AKIA3X9Q with access key prod-key is disabled.")
    #expect(match?.entry.code == "IAM.0080")
    #expect(match?.arguments["0"] == "AKIA3X9Q")
    #expect(match?.arguments["1"] == "prod-key")

    #expect(HuaweiCloudCatalog.matches(for: "Incorrect password.").map(\.entry.code) == ["1103", "IAM.0062"])
    #expect(HuaweiCloudCatalog.matches(for: "Incorrect password.", status: 401).first?.entry.code == "IAM.0062")
    #expect(
      HuaweiCloudCatalog.matches(for: "COULD NOT FIND user: 42").first?.arguments == [
        "target": "user", "target_id": "42",
      ])
    #expect(HuaweiCloudCatalog.matches(for: "Internal Server Error") == [])

    let detail = HuaweiCloudCatalog.bestMatch(
      for: "Incorrect IAM authentication information: verify aksk signature fail")
    #expect(detail?.entry.code == "APIGW.0301")
    #expect(detail?.arguments["detail"] == "verify aksk signature fail")

    let rendered = CatalogEntry(code: "IAM.0004")!.render(["target": "user", "target_id": "42"])
    #expect(rendered == "Could not find user: 42.")
    #expect(MessageTemplate("Field {0} has invalid value {1}.").keys == ["0", "1"])
  }

  @Test("every other Swift block of the README is compiled, line for line, in the example files")
  func readmeBlocksCompiled() throws {
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let examples = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "ReadmeResponseExamples.swift"),
      encoding: .utf8)
    let exampleLines = Set(examples.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
    var checked = 0
    for block in readme.components(separatedBy: "```swift\n").dropFirst() {
      let code = block.components(separatedBy: "```")[0]
      guard code.contains("HuaweiCloudError(") || code.contains("catch") else { continue }
      for line in code.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        #expect(exampleLines.contains(line.trimmingCharacters(in: .whitespaces)), "README line not compiled: \(line)")
        checked += 1
      }
    }
    #expect(checked >= 30)
  }

  @Test("every example expression in the README is one of the tested ones above")
  func readmeMatchesTests() throws {
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let tests = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    var inSwift = false
    var checked = 0
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inSwift = line == "```swift"
        continue
      }
      guard inSwift, let comment = line.range(of: "  // ") else { continue }
      let expression = line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
      guard !expression.isEmpty, !expression.hasPrefix("."), !expression.hasPrefix("import ") else { continue }
      #expect(tests.contains(expression), "README example not tested: \(expression)")
      checked += 1
    }
    #expect(checked >= 15)
  }
}
