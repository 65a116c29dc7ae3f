import HuaweiCloudErrors
import Testing

@Suite("Parsing and rendering message templates")
struct MessageTemplateTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var keys: [String]
    var spellings: [String]
    var testDescription: String { text }
  }

  @Test(
    "every placeholder dialect is recognised with its key",
    arguments: [
      Case(text: "Request parameter %(key)s is invalid.", keys: ["key"], spellings: ["%(key)s"]),
      Case(
        text: "Could not find %(target)s: %(target_id)s.", keys: ["target", "target_id"],
        spellings: ["%(target)s", "%(target_id)s"]),
      Case(text: "Count %(n)d.", keys: ["n"], spellings: ["%(n)d"]),
      Case(text: "The user %s with access key %s is disabled.", keys: ["0", "1"], spellings: ["%s", "%s"]),
      Case(text: "Threshold: %d times per %d seconds", keys: ["0", "1"], spellings: ["%d", "%d"]),
      Case(text: "Invalid key '{}'.", keys: ["0"], spellings: ["{}"]),
      Case(text: "Field {0} has invalid value {1}.", keys: ["0", "1"], spellings: ["{0}", "{1}"]),
      Case(text: "Swap {1} and {0}.", keys: ["1", "0"], spellings: ["{1}", "{0}"]),
      Case(text: "Value <0> of <1>.", keys: ["0", "1"], spellings: ["<0>", "<1>"]),
      Case(text: "The following protocol is supported: {xxx}", keys: ["xxx"], spellings: ["{xxx}"]),
      Case(text: "The length [input length] of the name.", keys: ["input length"], spellings: ["[input length]"]),
      Case(
        text: "Invalid Attribute '[input attribute ]'.", keys: ["input attribute"], spellings: ["[input attribute ]"]),
      Case(
        text: "URIs [input Resource uri size ] must", keys: ["input Resource uri size"],
        spellings: ["[input Resource uri size ]"]),
      Case(text: "The length [condition length] of x.", keys: ["condition length"], spellings: ["[condition length]"]),
      Case(
        text: "Mixed %s, {} and %(name)s and {}.", keys: ["0", "1", "name", "2"],
        spellings: ["%s", "{}", "%(name)s", "{}"]),
      Case(text: "%s", keys: ["0"], spellings: ["%s"]),
      Case(text: "{0}{1}", keys: ["0", "1"], spellings: ["{0}", "{1}"]),
    ])
  func dialects(testCase: Case) {
    let template = MessageTemplate(testCase.text)
    #expect(template.placeholders.map(\.key) == testCase.keys)
    #expect(template.placeholders.map(\.spelling) == testCase.spellings)
    #expect(template.render() == testCase.text)
  }

  @Test(
    "text that only looks like a placeholder stays literal",
    arguments: [
      "The size exceeds 6,144 characters.", "if the rate is 90% and the discount is less than 90% in all lines",
      "100%", "%", "%x and %(unclosed and %()s and %(a)x", "{\"error_code\": \"AS.0001\"}", "a { b } c", "{", "{a b}",
      "line<br>break", "<>", "<a1>", "<", "x [1] y", "[ERROR] z", "[APIGW.0301]", "[]", "[ ]", "[input]",
      "[unclosed words",
      "[input [nested] x]", "The type must be 'AX' or 'XA'.",
    ])
  func literals(text: String) {
    let template = MessageTemplate(text)
    #expect(!template.hasPlaceholders)
    #expect(template.segments == [.literal(text)] || text.isEmpty)
    #expect(template.render(["0": "X"]) == text)
  }

  @Test("`%%` is one literal percent sign, as in printf")
  func percentEscape() {
    let template = MessageTemplate("%s is 100%% done")
    #expect(template.keys == ["0"])
    #expect(template.render(["0": "it"]) == "it is 100% done")
  }

  @Test("rendering substitutes by key, leaves missing ones visible and ignores extra ones")
  func rendering() {
    let template = MessageTemplate("Could not find %(target)s: %(target_id)s.")
    #expect(template.render(["target": "user", "target_id": "42"]) == "Could not find user: 42.")
    #expect(template.render(["target": "user"]) == "Could not find user: %(target_id)s.")
    #expect(template.render(["target": "user", "target_id": "42", "extra": "x"]) == "Could not find user: 42.")
  }

  @Test("a value that looks like a placeholder is inserted once, not expanded again")
  func noReexpansion() {
    let template = MessageTemplate("Field {0} has invalid value {1}.")
    #expect(template.render(["0": "{1}", "1": "%s"]) == "Field {1} has invalid value %s.")
  }

  @Test("a repeated key takes the same value everywhere")
  func repeatedKey() {
    #expect(MessageTemplate("{0} and {0}").render(["0": "x"]) == "x and x")
    #expect(MessageTemplate("{0} and {0}").keys == ["0"])
  }

  @Test(
    "every catalog text parses back to itself, and renders to itself with no arguments",
    arguments: HuaweiCloudCatalog.entries)
  func catalogTexts(entry: CatalogEntry) {
    for row in entry.rows {
      #expect(row.template?.render() == row.message)
    }
  }

  @Test("the catalog's placeholder keys are the ones its dialects give")
  func catalogKeys() {
    #expect(CatalogEntry(code: "IAM.0073")?.template?.keys == ["key", "value"])
    #expect(CatalogEntry(code: "IAM.0080")?.template?.keys == ["0", "1"])
    #expect(CatalogEntry(code: "IAM.1059")?.template?.keys == ["0"])
    #expect(CatalogEntry(code: "PM.02175201")?.template?.keys == ["0", "1"])
    #expect(
      CatalogEntry(code: "IAM.1054")?.template?.keys == ["input attribute size", "input attribute", "input operator"])
    #expect(CatalogEntry(code: "IAM.1021")?.template?.keys == ["input policySize"])
    #expect(CatalogEntry(code: "CBC.99003117")?.template?.hasPlaceholders == false)
    #expect(CatalogEntry(code: "IAM.1009")?.template?.hasPlaceholders == false)
  }

  @Test("arguments compare by content, not order")
  func argumentEquality() {
    let a: TemplateArguments = ["0": "x", "1": "y"]
    let b: TemplateArguments = ["1": "y", "0": "x"]
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a != ["0": "x"])
    #expect(a.keys == ["0", "1"])
    #expect(TemplateArguments([("k", "first"), ("k", "second")])["k"] == "first")
  }
}
