import Testing

@testable import CatalogBuilder

@Suite("Case names")
struct NamingTests {
  @Test(
    "names come from the message's meaningful words",
    arguments: [
      ("The token has expired.", "tokenExpired"),
      ("Account creation status not found.", "accountCreationStatusNotFound"),
      ("Invalid input for field '%(key)s'. The value is '%(value)s'.", "invalidInputFieldValue"),
      ("The length [input length] of the display name exceeds 64 characters.", "lengthDisplayNameExceeds"),
      ("The role must be a JSONObject.", "roleJSONObject"),
      ("SSL check failed.", "sslCheckFailed"),
      ("xAccountId exists.", "xAccountIdExists"),
      ("The customer is being authenticated by HUAWEI CLOUD.", "customerAuthenticatedHuaweiCloud"),
      ("Policy doesn't allow %(actions)s to be performed.", "policyDoesntAllowPerformed"),
      ("6,144 characters.", "n6144Characters"),
    ])
  func names(message: String, expected: String) {
    #expect(SwiftNaming.name(message: message, code: "X.1", taken: [:]) == expected)
  }

  @Test("a different message with the same first words gets more words; the same message gets the digits")
  func collisions() {
    let taken = ["accountCannotInvitedType": "This account cannot be invited: type mismatch."]
    #expect(
      SwiftNaming.name(
        message: "This account cannot be invited because its type is unsupported.", code: "X.1", taken: taken)
        == "accountCannotInvitedTypeUnsupported")
    let same = ["orderStatusChangedNoPayment": "The order status has changed and no payment can be made."]
    #expect(
      SwiftNaming.name(
        message: "The order status has changed and no payment can be made.", code: "CBC.99003106", taken: same)
        == "orderStatusChangedNoPayment99003106")
  }

  @Test("a message with no words or only Swift keywords still gets a usable name")
  func degenerate() {
    #expect(SwiftNaming.name(message: "%s", code: "IAM.1", taken: [:]) == "code1")
    #expect(SwiftNaming.name(message: "Default.", code: "IAM.2", taken: [:]) == "default2")
    #expect(Generator.isIdentifier(SwiftNaming.name(message: "Ünïcödé only!", code: "IAM.3", taken: [:])))
  }
}
