import HuaweiCloudErrors
import Testing

/// One documented message of the catalog, for table-driven tests.
struct CatalogText: Sendable, CustomTestStringConvertible {
  var entry: CatalogEntry
  var row: CatalogEntry.Row
  var message: String
  var template: MessageTemplate { MessageTemplate(message) }
  var testDescription: String { "\(entry.service.identifier) \(entry.code): \(message)" }

  /// Every row that has a message.
  static let all: [CatalogText] = HuaweiCloudCatalog.entries.flatMap { entry in
    entry.rows.compactMap { row in row.message.map { CatalogText(entry: entry, row: row, message: $0) } }
  }
}

@Suite("Matching a received message to its documented entry")
struct MessageMatchingTests {
  /// Value sets a rendered message is filled with: plain, spaces, punctuation, quotes, unicode.
  static let valueSets: [[String]] = [
    ["AKIA3X9Q", "prod-key", "42", "x", "y", "z"],
    ["prod key 42", "my user name", "two words", "a b", "c d", "e f"],
    ["a:b.c/d-e_f?g=h&i", "https://iam.example.com:443/v3", "3.14", "-1", "1,500", "p"],
    ["名前😀", "ünïcödé", "日本語", "Ω", "🇨🇳", "é"],
    ["O'Brien \"quoted\"", "{braces} [brackets] <angles>", "%s %(x)s {0}", "(paren)", "tab\there", "50%"],
  ]

  static func arguments(for template: MessageTemplate, values: [String]) -> TemplateArguments {
    TemplateArguments(template.keys.enumerated().map { ($0.element, values[$0.offset % values.count]) })
  }

  /// The texts that stand between two placeholders (`:` in `({0}:{1})`, a space in `%s %s`).
  static func separators(_ template: MessageTemplate) -> [String] {
    var separators: [String] = []
    var pending: String? = nil
    for segment in template.segments {
      switch segment {
      case .placeholder:
        if let pending { separators.append(pending) }
        pending = ""
      case .literal(let text):
        pending = pending.map { _ in text }
      }
    }
    return separators.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? " " : $0.lowercased() }
  }

  /// The value sets a template can be tested with: none whose values hold a text that stands
  /// between two of its placeholders, where no one can tell where one value ends.
  static func valueSets(for template: MessageTemplate) -> [[String]] {
    let separators = separators(template)
    return valueSets.filter { values in
      !values.contains { value in
        separators.contains { separator in
          separator == " " ? value.contains(where: \.isWhitespace) : value.lowercased().contains(separator)
        }
      }
    }
  }

  /// The message fits its own entry with exactly these values; whatever ranks above it is at least
  /// as specific (another text the rendered message happens to spell out).
  static func expectMatchesBack(
    _ message: String, to item: CatalogText, arguments: TemplateArguments, lenient: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let matches = HuaweiCloudCatalog.matches(for: message)
    guard let own = matches.first(where: { $0.entry == item.entry }) else {
      Issue.record(
        "\(message.debugDescription) did not match \(item.entry.service) \(item.entry.code)",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      own.arguments == arguments, "\(message.debugDescription): \(own)", sourceLocation: sourceLocation)
    #expect(own.isLenient == lenient || (lenient && !own.isLenient), sourceLocation: sourceLocation)
    for better in matches.prefix(while: { $0 != own }) {
      #expect(
        better.kind != .detail && better.literalLength >= own.literalLength,
        "\(message.debugDescription): \(better) above \(own)", sourceLocation: sourceLocation)
    }
  }

  static func lenientlyEqual(_ a: String, _ b: String) -> Bool {
    func fold(_ s: String) -> String {
      var text = s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
      if text.hasSuffix(".") { text.removeLast() }
      return text
    }
    return fold(a) == fold(b)
  }

  @Test(
    "every text rendered with varied values matches back with exactly those values",
    arguments: HuaweiCloudService.allCases)
  func renderedMatchesBack(service: HuaweiCloudService) {
    for item in CatalogText.all where item.entry.service == service {
      let template = item.template
      for values in Self.valueSets(for: template) {
        let arguments = Self.arguments(for: template, values: values)
        Self.expectMatchesBack(template.render(arguments), to: item, arguments: arguments, lenient: false)
      }
    }
  }

  /// The template with its literal parts garbled the way logs garble them.
  static func garbled(_ template: MessageTemplate, _ arguments: TemplateArguments, style: Int) -> String {
    var message = ""
    for segment in template.segments {
      switch segment {
      case .literal(let text):
        switch style {
        case 0: message += text.uppercased()
        case 1: message += text.lowercased().replacingOccurrences(of: " ", with: "  \t")
        default: message += text.replacingOccurrences(of: " ", with: "\n ")
        }
      case .placeholder(let placeholder): message += arguments[placeholder.key]!
      }
    }
    if message.hasSuffix(".") { message.removeLast() } else { message += "." }
    if style == 2 { message = "  " + message + " \n" }
    return message
  }

  /// HTTP reason phrases (RFC 9110 and older names), lenient: a documented text that is only one
  /// is matched from a message alone only when spelled exactly.
  static let reasonPhrases: Set<String> = [
    "bad request", "unauthorized", "payment required", "forbidden", "not found", "method not allowed",
    "not acceptable", "proxy authentication required", "request timeout", "conflict", "gone", "length required",
    "precondition failed", "payload too large", "request entity too large", "content too large", "uri too long",
    "request-uri too long", "request uri too large", "unsupported media type", "range not satisfiable",
    "requested range not satisfiable", "expectation failed", "misdirected request", "unprocessable entity",
    "unprocessable content", "too many requests", "request header fields too large", "internal server error",
    "not implemented", "bad gateway", "service unavailable", "gateway timeout", "http version not supported",
  ]

  static func isReasonPhrase(_ text: String) -> Bool {
    var folded = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    if folded.hasSuffix(".") { folded.removeLast() }
    return reasonPhrases.contains(folded)
  }

  @Test(
    "lenient forms match too: letter case, whitespace runs, a trailing period", arguments: HuaweiCloudService.allCases)
  func lenientMatchesBack(service: HuaweiCloudService) {
    for item in CatalogText.all where item.entry.service == service && !Self.isReasonPhrase(item.message) {
      let template = item.template
      for style in 0..<3 where Self.valueSets(for: template).contains(Self.valueSets[style]) {
        let arguments = Self.arguments(for: template, values: Self.valueSets[style])
        let message = Self.garbled(template, arguments, style: style)
        Self.expectMatchesBack(message, to: item, arguments: arguments, lenient: true)
      }
    }
  }

  /// Every text whose last placeholder ends it (`Invalid request. %s`).
  static let textsEndingInAPlaceholder: [CatalogText] = CatalogText.all.filter { item in
    guard case .placeholder? = item.template.segments.last else { return false }
    return !isReasonPhrase(item.message)
  }

  @Test(
    "a lenient match's values render back to the message's lenient form, when the last value ends in a period too",
    arguments: [("Wait.", "."), ("reached.", "\u{0C}\u{0C}."), ("v1.2", ""), ("done", ".")])
  func lenientValuesRenderBack(lastValue: String, tail: String) {
    #expect(!Self.textsEndingInAPlaceholder.isEmpty)
    for item in Self.textsEndingInAPlaceholder {
      let template = item.template
      let keys = template.keys
      let arguments = TemplateArguments(
        keys.enumerated().map { ($0.element, $0.offset == keys.count - 1 ? lastValue : Self.valueSets[0][0]) })
      // In capitals, so that only the lenient form fits, with `tail` after the last value.
      let message = template.render(arguments).uppercased() + tail
      let matches = HuaweiCloudCatalog.matches(for: message)
      guard let own = matches.first(where: { $0.entry == item.entry }) else {
        Issue.record("\(message.debugDescription) did not match \(item.entry.code)")
        continue
      }
      #expect(
        Self.lenientlyEqual(template.render(own.arguments), message),
        "\(message.debugDescription) gave \(own.arguments)")
    }
  }

  @Test(
    "unrelated and generic messages match nothing",
    arguments: [
      "", " ", ".", "OK", "The security token included in the request is invalid.", "Rate exceeded",
      "Connection reset by peer", "java.lang.NullPointerException", "{\"error_code\":\"IAM.0001\"}", "token expiry",
      "The token has", "token", "Could not find: .", "请求参数无效", "The {0} widget of the quantum request exploded",
      "Field has invalid value.", "Bad Request:", "The access key is inactive.",
    ])
  func unrelatedMessages(message: String) {
    #expect(HuaweiCloudCatalog.matches(for: message).isEmpty, "\(HuaweiCloudCatalog.matches(for: message))")
  }

  @Test("a reason phrase in another spelling than a table's is no documented text's exact match")
  func reasonPhrasesInOtherSpellings() {
    for phrase in Self.reasonPhrases {
      for spelling in [phrase.uppercased(), phrase + ". ", phrase.capitalized + "!"] {
        // A template may still take it as a value (`{0} failed`); no text that is only the phrase does.
        #expect(!HuaweiCloudCatalog.matches(for: spelling).contains { $0.kind == .exact }, "\(spelling)")
      }
    }
  }

  @Test(
    "a text that is only a reason phrase matches exactly, or with its code, but never leniently",
    arguments: CatalogText.all.filter { isReasonPhrase($0.message) }.prefix(200))
  func reasonPhraseTexts(item: CatalogText) throws {
    #expect(HuaweiCloudCatalog.matches(for: item.message).contains { $0.entry == item.entry })
    let garbled = item.message.uppercased() == item.message ? item.message.lowercased() : item.message.uppercased()
    #expect(!HuaweiCloudCatalog.matches(for: garbled).contains { $0.entry == item.entry })
    #expect(
      !HuaweiCloudCatalog.matches(for: item.message + " Upstream said no").contains { $0.entry == item.entry })
    #expect(item.entry.match(garbled)?.isLenient == true)
  }

  @Test("the issue's example: the user and access key come back in order")
  func accessKeyExample() throws {
    let match = try #require(
      HuaweiCloudCatalog.bestMatch(for: "The user AKIA3X9Q with access key prod-key is disabled."))
    #expect(match.entry.code == "IAM.0080")
    #expect(match.kind == .template)
    #expect(!match.isLenient)
    #expect(match.arguments == ["0": "AKIA3X9Q", "1": "prod-key"])
    #expect(match.arguments.keys == ["0", "1"])
  }

  @Test("values keep their case and spacing in a lenient match")
  func lenientValuesKeepCase() throws {
    let match = try #require(HuaweiCloudCatalog.bestMatch(for: "COULD NOT FIND User:   ABC-Def 42"))
    #expect(match.entry.code == "IAM.0004")
    #expect(match.isLenient)
    #expect(match.arguments == ["target": "User", "target_id": "ABC-Def 42"])
  }

  @Test("a more specific template ranks above a more generic one")
  func specificBeatsGeneric() {
    let matches = HuaweiCloudCatalog.matches(for: "The user alice is disabled.")
    #expect(matches.map(\.entry.code) == ["IAM.0082"])
    let both = HuaweiCloudCatalog.matches(for: "Invalid Parameter: Field x has invalid value y.")
    #expect(both.first?.entry.code == "PM.02175006")
    #expect(both.dropFirst().allSatisfy { $0.literalLength < both[0].literalLength || $0.kind == .detail })
    let nested = HuaweiCloudCatalog.matches(for: "Bad Request: Policy not found.")
    #expect(nested.map(\.entry.code) == ["Organizations.2007"])
  }

  @Test("identical texts of two codes both come back, in catalog order, and hints reorder them")
  func identicalTexts() {
    let message = "The order status has changed and no payment can be made."
    #expect(HuaweiCloudCatalog.matches(for: message).map(\.entry.code) == ["CBC.3106", "CBC.99003106"])
    #expect(HuaweiCloudCatalog.matches(for: message, status: 400).map(\.entry.code) == ["CBC.99003106", "CBC.3106"])
    #expect(HuaweiCloudCatalog.matches(for: message, status: 200).map(\.entry.code) == ["CBC.3106", "CBC.99003106"])
    let password = HuaweiCloudCatalog.matches(for: "Incorrect password.")
    #expect(password.map(\.entry.code) == ["1103", "IAM.0062"])
    #expect(HuaweiCloudCatalog.matches(for: "Incorrect password.", status: 401).first?.entry.code == "IAM.0062")
    let email = HuaweiCloudCatalog.matches(for: "Invalid email address.", service: .cbc)
    #expect(email.prefix(2).map(\.entry.service) == [.cbc, .cbc])
    #expect(Set(email.dropFirst(2).map(\.entry.service)).isSuperset(of: [.iam]))
    #expect(!email.dropFirst(2).contains { $0.entry.service == .cbc })
    let byIAM = HuaweiCloudCatalog.matches(for: "Invalid email address.", service: .iam)
    #expect(byIAM.first?.entry.service == .iam && byIAM.count == email.count)
  }

  @Test("an exact text beats a lenient one")
  func strictBeatsLenient() throws {
    let match = try #require(HuaweiCloudCatalog.bestMatch(for: "concurrent modification."))
    #expect(match.entry.code == "Organizations.1003")
    #expect(match.row.isVariant)
    #expect(!match.isLenient)
    let current = try #require(HuaweiCloudCatalog.bestMatch(for: "Concurrent modification."))
    #expect(!current.row.isVariant && !current.isLenient)
  }

  @Test("a former text still matches its entry, as a variant")
  func formerTextMatches() throws {
    let match = try #require(
      HuaweiCloudCatalog.bestMatch(for: "Policy doesn't allow 'organizations:accounts:list' to be performed."))
    #expect(match.entry.code == "Organizations.1007")
    #expect(match.row.isVariant)
    #expect(match.arguments == ["0": "organizations:accounts:list"])
  }

  /// Every documented text with placeholders, with the entry it belongs to.
  static let templatedRows: [CatalogEntry.Row] = HuaweiCloudCatalog.entries.flatMap { entry in
    entry.rows.filter { !($0.template?.keys.isEmpty ?? true) }
  }

  @Test(
    "a text rendered with empty or blank values matches its entry strictly, and its values render back",
    arguments: templatedRows)
  func emptyValues(row: CatalogEntry.Row) throws {
    let template = try #require(row.template)
    for value in ["", " "] {
      let rendered = template.render(TemplateArguments(template.keys.map { ($0, value) }))
      let match = try #require(row.entry.match(rendered, status: row.status), "\(rendered.debugDescription)")
      #expect(!match.isLenient)
      #expect(match.row.template?.render(match.arguments) == rendered)
    }
  }

  @Test("an empty value is found only where no value fits, and a more specific text then wins")
  func emptyValueRanking() throws {
    let empty = try #require(HuaweiCloudCatalog.bestMatch(for: "The requested resource [] could not be found."))
    #expect(empty.entry.code == "AS.0007")
    #expect(empty.arguments == ["0": ""])
    #expect(!empty.isLenient)
    let policy = try #require(HuaweiCloudCatalog.bestMatch(for: "Policy does not allow [] to be performed."))
    #expect(policy.entry.code == "AS.0031")
    #expect(policy.arguments == ["0": ""])
    // Where a value fits, it is taken: the same texts with something between the brackets.
    let filled = try #require(HuaweiCloudCatalog.bestMatch(for: "The requested resource [i-42] could not be found."))
    #expect(filled.entry.code == "AS.0007")
    #expect(filled.arguments == ["0": "i-42"])
    // Every literal of the text, in order, with nothing between: the text with empty values.
    let bare = try #require(HuaweiCloudCatalog.bestMatch(for: "Could not find : ."))
    #expect(bare.entry.code == "IAM.0004")
    #expect(bare.arguments == ["target": "", "target_id": ""])
    // A message whose spaces were collapsed cannot show an empty value: no fit is invented.
    #expect(HuaweiCloudCatalog.entry(code: "AS.0007")?.match("The requested resource could not be found.") == nil)
  }

  @Test("a placeholder value may hold the template's own words, spaces, quotes, colons and dots")
  func valuesWithPunctuation() throws {
    let match = try #require(
      HuaweiCloudCatalog.bestMatch(for: "Invalid input for field 'a.b:c'. The value is 'it's \"x\" y.'."))
    #expect(match.entry.code == "IAM.0073")
    #expect(match.arguments == ["key": "a.b:c", "value": "it's \"x\" y."])
  }
}

@Suite("Matching hostile messages")
struct HostileMessageTests {
  static let megabyte = 1 << 20

  /// Messages built to make a backtracking matcher go quadratic or worse.
  static let hostile: [String] = [
    "The user " + String(repeating: " with access key ", count: 60_000) + " is disabled.",
    "Could not find " + String(repeating: ": ", count: 500_000) + ".",
    "Field " + String(repeating: "{0} has invalid value ", count: 50_000),
    "Region '" + String(repeating: "' of resource '", count: 70_000) + "' is invalid.",
    String(repeating: "a", count: megabyte), String(repeating: " ", count: megabyte),
    "Conflict occurred when attempting to store " + String(repeating: " - ", count: 350_000),
    "The number [" + String(repeating: "x] of attributes '", count: 55_000) + "' for operator 'y' must be",
    String(repeating: "é", count: megabyte / 2),
    "The " + String(repeating: "%s ", count: 300_000) + "is required in the request body.",
  ]

  @Test(
    "a megabyte of adversarial separators is answered (linear time: it would hang otherwise)",
    arguments: 0..<hostile.count)
  func hostileMessage(index: Int) {
    let message = Self.hostile[index]
    #expect(message.utf8.count >= Self.megabyte / 2)
    let matches = HuaweiCloudCatalog.matches(for: message)
    for match in matches {
      // Whatever matched, the recovered values are pieces of the message.
      for (_, value) in match.arguments { #expect(message.contains(value)) }
    }
  }

  @Test("the adversarial separator message still matches the template it abuses, leftmost")
  func hostileStillMatches() throws {
    let message = "The user " + String(repeating: "a with access key ", count: 60_000) + "b is disabled."
    let match = try #require(HuaweiCloudCatalog.bestMatch(for: message))
    #expect(match.entry.code == "IAM.0080")
    #expect(match.arguments["0"] == "a")
  }

  @Test("messages over the limit get no match rather than a long wait")
  func overLimit() {
    let message = "Invalid token." + String(repeating: " ", count: 5 << 20)
    #expect(HuaweiCloudCatalog.matches(for: message).isEmpty)
    #expect(
      HuaweiCloudCatalog.matches(for: "Invalid token." + String(repeating: " ", count: 1 << 20)).count
        == HuaweiCloudCatalog.matches(for: "Invalid token.").count)
  }
}
