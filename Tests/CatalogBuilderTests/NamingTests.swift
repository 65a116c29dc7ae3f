import Foundation
import Testing

@testable import CatalogBuilder

@Suite("Member names")
struct NamingTests {
  static func subject(_ message: String, description: String? = nil, code: String = "X.1") -> SwiftNaming.Subject {
    SwiftNaming.Subject(code: code, message: message, description: description)
  }

  @Test(
    "a name is the message's meaningful words, idioms said the usual way",
    arguments: [
      ("The token has expired.", "tokenExpired"),
      ("Account creation status not found.", "accountCreationStatusNotFound"),
      ("The organization does not exist.", "organizationNotFound"),
      ("The VPC already exists.", "vpcAlreadyExists"),
      ("Invalid input for field '%(key)s'. The value is '%(value)s'.", "invalidInputForField"),
      ("The role must be a JSONObject.", "roleMustJSONObject"),
      ("SSL check failed.", "sslCheckFailed"),
      ("xAccountId exists.", "xAccountIdExists"),
      ("The project ID is invalid.", "projectIDInvalid"),
      ("Policy doesn't allow %(actions)s to be performed.", "policyDoesntAllow"),
    ])
  func names(message: String, expected: String) {
    let name = SwiftNaming.name(for: Self.subject(message), taken: [:])
    #expect(name == expected)
  }

  @Test("an automatic name always follows the rules or is a placeholder the rules refuse")
  func automaticNamesFollowRules() {
    for message in [
      "The account cannot be deleted.", "Deleting the account is not", "6,144 characters.", "%s", "Default.",
      "Ünïcödé only!", "The length of the name cannot exceed 64 characters.",
    ] {
      let subject = Self.subject(message)
      let name = SwiftNaming.name(for: subject, taken: [:])
      let problems = SwiftNaming.problems(in: name, subject: subject)
      #expect(problems.isEmpty || name.hasPrefix("unnamed"), "\(message): \(name) \(problems)")
    }
  }

  @Test("a code whose message another code holds gets words from its description, never digits")
  func collisions() {
    let taken = ["orderStatusChanged": Self.subject("The order status has changed.", description: "Order changed.")]
    let name = SwiftNaming.name(
      for: Self.subject("The order status has changed.", description: "The payment was refused.", code: "CBC.99003106"),
      taken: taken)
    #expect(name == "orderStatusChangedPayment")
    let nothingTells = SwiftNaming.name(
      for: Self.subject("The order status has changed.", code: "CBC.9"),
      taken: ["orderStatusChanged": Self.subject("The order status has changed.")])
    #expect(nothingTells.hasPrefix("unnamed"))
    #expect(!SwiftNaming.problems(in: nothingTells, subject: Self.subject("The order status has changed.")).isEmpty)
  }

  @Test(
    "the rules refuse what does not read as English",
    arguments: [
      ("incorrectPassword0062", "holds 0062"),
      ("accountAdministratorCannotDeleted", "cannot deleted"),
      ("userAccessKeyCannot", "ends on \"cannot\""),
      ("operationNot", "ends on \"not\""),
      ("valueMustBe", "ends on \"be\""),
      ("theTokenExpired", "article"),
      ("TokenExpired", "lower-camel-case"),
      ("token_expired", "lower-camel-case"),
      ("rawValue", "keyword"),
      (String(repeating: "a", count: 61), "longer than"),
      ("unnamedX1", "placeholder"),
      ("incorrectPasswordIncorrectPassword", "says \"incorrect\" 2 times"),
      ("passwordIncorrectPassword", "says \"password\" 2 times"),
    ])
  func rulesRefuse(name: String, problem: String) {
    let problems = SwiftNaming.problems(in: name, subject: Self.subject("Incorrect password.", code: "IAM.0062"))
    #expect(problems.contains { $0.contains(problem) }, "\(name): \(problems)")
  }

  @Test("the rules accept names that read as English, digits the text has and 'cannot' with a verb")
  func rulesAccept() {
    let subject = Self.subject("The description cannot exceed 500 characters over IPv6.")
    for name in [
      "tokenExpired", "descriptionOver500Characters", "cannotExceedLimit", "ipv6NotSupported", "userIDInvalid",
    ] {
      #expect(SwiftNaming.problems(in: name, subject: subject).isEmpty, "\(name)")
    }
  }

  @Test(
    "a word said twice is accepted only where a text says it twice",
    arguments: [
      ("The start time cannot equal the end time.", "startTimeEqualsEndTime", true),
      ("The CloudTable table does not exist", "cloudTableTableNotFound", true),
      ("The Action or NotAction must be a JSONArray.", "actionOrNotActionNotJSONArray", true),
      ("Coupons cannot be used together with dedicated coupons.", "couponNotCombinableWithDedicatedCoupon", true),
      ("Server unavailable.", "serverUnavailableServer", false),
      ("Invalid description.", "invalidDescriptionInvalidDescription", false),
      ("The job failed.", "jobFailedFailed", false),
    ])
  func repeatedWords(message: String, name: String, accepted: Bool) {
    let problems = SwiftNaming.problems(in: name, subject: Self.subject(message))
    #expect(problems.isEmpty == accepted, "\(name): \(problems)")
  }

  static let catalog: [CatalogFile] = (try? CatalogDirectory(root: SeedImportTests.root).loadAll()) ?? []

  @Test(
    "every stored name of every service follows the rules: unique, no tie-break digits, nothing dangling, no word said twice",
    arguments: catalog.map(\.service.identifier))
  func everyStoredName(service: String) throws {
    let file = try #require(Self.catalog.first { $0.service.identifier == service })
    #expect(SwiftNaming.problems(in: file) == [])
  }

  @Test("the whole-catalog check sees a bad name in any service")
  func wholeCatalogCheckCanFail() throws {
    #expect(Self.catalog.count >= 60)
    var file = try #require(Self.catalog.last)
    file.entries[0].swiftName = "unnamed" + file.entries[0].swiftName
    #expect(!SwiftNaming.problems(in: file).isEmpty)
    file.entries[0].swiftName = file.entries[1].swiftName
    #expect(SwiftNaming.problems(in: file).contains { $0.contains("taken by") })
  }

  @Test("two codes of a service cannot share a name, even in another letter case")
  func uniqueness() {
    let row = CatalogRow(status: 400, message: "Bad.", description: "Bad.", solution: nil, updated: nil)
    var file = CatalogFile(
      service: ServiceMetadata(
        identifier: "x", title: "X", memberName: "x", typeName: "XErrorCode", codePrefixes: ["X."]),
      entries: [
        CatalogFileEntry(code: "X.1", swiftName: "badRequest", success: false, row: row),
        CatalogFileEntry(code: "X.2", swiftName: "badRequest", success: false, row: row),
      ])
    #expect(SwiftNaming.problems(in: file).contains { $0.contains("taken by X.1") })
    file.entries[1].swiftName = "badREQUEST"
    #expect(SwiftNaming.problems(in: file).contains { $0.contains("taken by X.1") })
    file.entries[1].swiftName = "anotherBadRequest"
    #expect(SwiftNaming.problems(in: file).isEmpty)
    file.entries[1].formerNames = ["badRequest"]
    #expect(SwiftNaming.problems(in: file).contains { $0.contains("taken by X.1") })
  }

  @Test("camel-case words split the way the rules read them")
  func words() {
    #expect(SwiftNaming.words(of: "accessKeyID") == ["access", "Key", "ID"])
    #expect(SwiftNaming.words(of: "descriptionOver500Characters") == ["description", "Over", "500", "Characters"])
    #expect(SwiftNaming.words(of: "invalidURLScheme") == ["invalid", "URL", "Scheme"])
    #expect(SwiftNaming.words(of: "tooManyAPIs") == ["too", "Many", "APIs"])
    #expect(SwiftNaming.words(of: "noAZsInRegion") == ["no", "AZs", "In", "Region"])
  }
}
