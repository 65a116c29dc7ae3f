import Foundation
import Testing

@testable import CatalogBuilder

@Suite("Categories and retry advice: the written rules")
struct ClassificationTests {
  static func row(_ status: Int?, _ message: String, _ description: String? = nil) -> CatalogRow {
    CatalogRow(
      statuses: status.map { [$0] } ?? [], message: message, description: description, solution: nil,
      updated: nil)
  }

  @Test(
    "each rule decides the category it documents, in its order",
    arguments: [
      // 2. throttling, whatever the status says.
      (400, "Too frequent access. Try again later.", "throttling", "backoff"),
      (200, "The request is too much.", "throttling", "backoff"),
      (429, "Anything.", "throttling", "backoff"),
      // 3. authentication: a renewable token or credential, versus a password or signature.
      (400, "The securitytoken has expired.", "authentication", "reauthenticate"),
      (401, "Incorrect password.", "authentication", "no"),
      (401, "Verify aksk signature fail.", "authentication", "no"),
      // 4. authorization by text, 10. by status.
      (400, "You do not have permission to perform this operation.", "authorization", "no"),
      (403, "The operation is not allowed for this account.", "authorization", "no"),
      // 5. quota; a length or a failed operation on a quota is not one.
      (400, "The number of VPCs has reached the upper limit.", "quota", "no"),
      (400, "The name can contain a maximum number of 64 characters.", "invalidRequest", "no"),
      (400, "Failed to query the certificate quota.", "server", "backoff"),
      (400, "Quota info validate failed.", "invalidRequest", "no"),
      (400, "Create notebook failed. Quota is exhausted.", "quota", "no"),
      (500, "Too many jobs are being submitted, please try again later.", "quota", "backoff"),
      // 6. notFound, 7. conflict.
      (400, "The subnet does not exist.", "notFound", "no"),
      (404, "Anything.", "notFound", "no"),
      (400, "The VPC already exists.", "conflict", "no"),
      (409, "Anything.", "conflict", "no"),
      // 8. a busy system is unavailable, before 9. state.
      (400, "The system is busy. Please try again later.", "unavailable", "backoff"),
      (400, "The instance is frozen.", "state", "no"),
      (400, "The disk is being backed up. Wait until it completes and try again.", "state", "backoff"),
      // 12. unavailable by status or text.
      (503, "Anything.", "unavailable", "backoff"),
      (400, "The request timed out.", "unavailable", "backoff"),
      // 13. a 5xx whose text blames a request value; 14. server.
      (500, "Invalid account name.", "invalidRequest", "no"),
      (500, "Internal server error: invalid image layer.", "server", "backoff"),
      (500, "Anything.", "server", "backoff"),
      (400, "A system exception occurred.", "server", "backoff"),
      // 15. everything else.
      (400, "Parameter name is missing.", "invalidRequest", "no"),
    ])
  func rules(status: Int, message: String, category: String, advice: String) {
    let row = Self.row(status, message)
    let decided = Classification.category(of: row, isSuccess: false)
    #expect(decided == category)
    #expect(Classification.retry(of: row, category: decided) == advice)
  }

  @Test("a success row is a success; the same text on an error row is not")
  func success() {
    let row = Self.row(200, "Success.")
    #expect(Classification.category(of: row, isSuccess: true) == "success")
    #expect(Classification.category(of: row, isSuccess: false) != "success")
  }

  @Test(
    "a row reports success only with a 2xx status and a text of success or of work done, without a failure",
    arguments: [
      (200, "Success.", nil, true),
      (204, "Successful", nil, true),
      (200, "null", "The request is properly executed.", true),
      (202, "", "Operation successful.", true),
      (200, "Training job prepared.", nil, true),
      (400, "Success.", nil, false),
      (500, "The verification code is successfully generated but fails to be sent.", nil, false),
      (200, "The verification code is successfully generated but fails to be sent.", nil, false),
      (200, "Partial success.", nil, false),
      (200, "Exporting labels.", "Labels are being exported.", false),
      (200, "The resource has been locked.", nil, false),
      (200, "Resources have been unsubscribed from.", nil, false),
    ] as [(Int, String, String?, Bool)])
  func successRows(status: Int, message: String, description: String?, success: Bool) {
    #expect(Importer.isSuccess(Self.row(status, message, description)) == success)
  }

  @Test("an entry means success only when none of its rows is an error")
  func successEntries() {
    var entry = CatalogFileEntry(
      code: "ModelArts.4904", swiftName: "labelsExported", success: false, row: Self.row(200, "Labels exported."))
    #expect(Importer.isSuccess(entry))
    entry.variants = [Self.row(400, "The app-auth api didn't bind to apig sign whose key is %s.")]
    #expect(!Importer.isSuccess(entry))
  }

  @Test("every row of Resources/ has the rules' category and advice, or an override that says why")
  func wholeCatalog() throws {
    let files = try CatalogDirectory(root: SeedImportTests.root).loadAll()
    #expect(files.count >= 60)
    var overrides = 0
    for file in files {
      #expect(Classification.problems(in: file) == [], "\(file.service.identifier)")
      for row in file.entries.flatMap({ $0.allRows }) {
        if let reason = row.categoryReason ?? row.retryReason {
          overrides += 1
          #expect(reason.count >= 20, "an override's reason says why: \(reason)")
        }
      }
    }
    #expect(overrides > 0)
  }

  @Test("an override without a reason is a problem the generator reports")
  func overrideNeedsReason() throws {
    var file = try #require(try CatalogDirectory(root: SeedImportTests.root).load("apigw"))
    let index = try #require(file.entries.firstIndex { $0.code == "APIGW.0612" })
    #expect(Classification.problems(in: file) == [])
    file.entries[index].row.retryReason = nil
    #expect(Classification.problems(in: file).count == 1)
    file.entries[index].row.retry = "reauthenticate"
    file.entries[index].row.retryReason = "A reason that is long enough."
    #expect(Classification.problems(in: file) == [])
    file.entries[index].row.category = "sideways"
    #expect(Classification.problems(in: file).count == 1)
  }
}
