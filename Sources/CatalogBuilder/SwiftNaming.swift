/// Names for documented codes: `IAM.0066` "The token has expired." is `IAMErrorCode.tokenExpired`.
///
/// A name is chosen once, when its code is first imported, stored in the catalog file, and
/// reviewed there; later text changes never rename a member. After 1.0 a rename keeps the former
/// name as a deprecated alias (`formerNames` in the JSON).
///
/// ## The rules
///
/// Every stored name follows them; ``problems(in:)`` checks them, the generator refuses a catalog
/// that breaks them, and a test holds them over the whole catalog.
///
/// 1. **It says what went wrong**, as an English phrase in lower camel case: the thing, then what
///    is wrong with it (`tokenExpired`, `userDisabled`, `accessKeyNotFound`, `rulesLimitReached`),
///    or an adjective first where English puts it there (`invalidToken`, `incorrectPassword`).
/// 2. **From the message**, or from the description where the table has no message or several
///    codes of the service share one (`A system exception occurred.` says nothing of which).
/// 3. **Plain words.** Placeholders, quotes and punctuation are dropped, and so are articles,
///    auxiliaries and filler ("the", "is", "has been", "please", "currently"); idioms are said the
///    usual way (`notFound`, `alreadyExists`, `notSupported`, `limitReached`).
/// 4. **Short**: a few words, more only where two codes need them to differ; at most
///    ``maximumLength`` characters.
/// 5. **Nothing dangles**: a name never ends on a word that needs another (`not`, `cannot`, `be`,
///    `to`, `of`, …), and `cannot` is followed by a verb (`cannotBeDeleted`, not
///    `cannotDeleted`).
/// 6. **No numbers to break a tie.** Digits appear only where the text has them (`ipv6`,
///    `greaterThan0`); two codes that would get the same name get the words that tell them apart.
/// 7. **Swift's spelling of initialisms**: all capitals (`projectID`, `invalidURL`, `vpcNotFound`
///    at the start, where they are all lower case).
/// 8. **Each word once**, unless a text says it twice (`startTimeEqualsEndTime`): a repeated
///    word (`serverUnavailableServer`) tells no two codes apart.
/// 9. **Unique within the service**, also ignoring letter case, and never a Swift keyword or a
///    member every code type has (`rawValue`, `entry`, `code`, `service`, …).
package enum SwiftNaming: Sendable {
  /// What a name is made from: a code and its texts.
  package struct Subject: Hashable, Sendable {
    package var code: String
    package var message: String?
    package var description: String?

    package init(code: String, message: String?, description: String?) {
      self.code = code
      self.message = message
      self.description = description
    }

    init(code: String, row: CatalogRow) {
      self.init(code: code, message: row.message, description: row.description)
    }

    /// The words a name may use: the message's, then the description's.
    var texts: [String] { [message, description].compactMap { $0 } }
  }

  /// The longest name, in characters.
  package static let maximumLength = 60

  /// Words that carry no meaning in a name.
  static let fillerWords: Set<String> = [
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "should", "shall", "can", "could", "may", "might", "please", "currently", "now", "yet", "this", "that",
    "these", "those", "it", "its", "your", "you", "there", "which", "so", "such", "do", "does", "did", "s", "d",
    "we", "our", "i", "my", "kindly", "then", "also", "just", "very", "some",
  ]

  /// Words a name cannot end on.
  static let danglingWords: Set<String> = [
    "not", "no", "cannot", "be", "to", "of", "for", "and", "or", "with", "than", "from", "in", "on", "at", "by",
    "a", "an", "the", "is", "are", "as", "into", "via", "per", "if", "when", "whether", "while", "must", "should",
    "can", "could", "will", "has", "have", "does", "do", "its", "their", "your", "but", "because", "only", "too",
    "both", "either", "neither", "nor", "that", "which", "who", "between",
  ]

  /// Initialisms spelled in capitals (at the start of a name, in lower case).
  static let initialisms: Set<String> = [
    "id", "ids", "url", "urls", "uri", "uris", "iam", "api", "apis", "json", "xml", "http", "https", "ip", "ips",
    "vpc", "vpcs", "ecs", "ak", "sk", "aksk", "mfa", "sms", "otp", "totp", "sql", "ssl", "tls", "dns", "cpu",
    "gpu", "ram", "az", "eip", "eips", "elb", "obs", "rds", "kms", "cmk", "vpn", "nat", "dcs", "dms", "smn",
    "ssh", "acl", "acls", "ttl", "ak/sk", "utf", "md5", "sha256", "sni", "cidr", "ecs", "bms", "evs", "ims",
    "sfs", "ces", "aom", "cce", "cci", "ou", "ous", "sdk", "uuid", "rpc", "tcp", "udp", "os", "ssd", "nic",
    "nics", "vip", "vips", "sla", "dhcp", "arp", "hss", "waf", "cfw", "dew", "csms", "csbs", "cbr", "cts", "lts",
    "mrs", "dws", "dli", "dis", "ddm", "dds", "drs", "er", "eps", "rfs", "rms", "sdrs", "swr", "tms", "ucs", "vbs",
    "ocr", "as", "apig", "ssl", "ca", "crl", "csr", "pem", "cdn", "qos", "pdp", "fss", "cpp",
  ]

  /// Phrases said the usual way before words are picked; a phrase of several words becomes one
  /// word of the name (`notFound`), so that it is never cut in half.
  static let idioms: [(phrase: [String], word: String)] = [
    (["does", "not", "exist"], "notFound"), (["do", "not", "exist"], "notFound"),
    (["did", "not", "exist"], "notFound"), (["not", "exist"], "notFound"), (["not", "exists"], "notFound"),
    (["doesn't", "exist"], "notFound"), (["doesnt", "exist"], "notFound"), (["cannot", "be", "found"], "notFound"),
    (["could", "not", "be", "found"], "notFound"), (["can", "not", "be", "found"], "notFound"),
    (["is", "not", "found"], "notFound"), (["was", "not", "found"], "notFound"), (["not", "found"], "notFound"),
    (["already", "exists"], "alreadyExists"), (["already", "exist"], "alreadyExists"),
    (["is", "not", "supported"], "notSupported"), (["are", "not", "supported"], "notSupported"),
    (["not", "supported"], "notSupported"), (["has", "expired"], "expired"), (["have", "expired"], "expired"),
    (["has", "reached", "the", "upper", "limit"], "limitReached"),
    (["has", "reached", "the", "maximum"], "limitReached"),
    (["reached", "the", "upper", "limit"], "limitReached"), (["exceeds", "the", "upper", "limit"], "limitExceeded"),
    (["exceeded", "the", "upper", "limit"], "limitExceeded"), (["cannot", "be", "empty"], "required"),
    (["can", "not", "be", "empty"], "required"), (["cannot", "be", "null"], "required"), (["is", "empty"], "empty"),
    (["is", "mandatory"], "required"), (["is", "required"], "required"), (["are", "required"], "required"),
    (["is", "invalid"], "invalid"), (["are", "invalid"], "invalid"), (["is", "incorrect"], "incorrect"),
    (["in", "use"], "inUse"), (["can", "not"], "cannot"), (["could", "not"], "cannot"), (["can't"], "cannot"),
    (["does", "not"], "not"), (["do", "not"], "not"), (["did", "not"], "not"), (["is", "not"], "not"),
    (["are", "not"], "not"), (["was", "not"], "not"), (["has", "not", "been"], "not"),
    (["have", "not", "been"], "not"),
  ]

  /// Swift keywords and members every code type has.
  static let reservedWords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
    "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is",
    "nil", "super", "self", "Self", "throw", "throws", "true", "try", "any", "some", "package", "rawValue",
    "allCases", "entry", "service", "code", "description", "hashValue", "type",
  ]

  /// Words a name keeps at most, unless more are needed to tell two codes apart.
  static let preferredWordCount = 4

  // MARK: Choosing a name

  /// A name for a code, not among `taken` (names and what they were made from): the first
  /// meaningful words of its message (or description), more words when a code with different
  /// words holds the shorter name, and words of the description when a code with the same
  /// message does. When nothing in the texts tells the code apart, the name is an `unnamed…`
  /// placeholder that the rules refuse, so that a reviewer names it.
  package static func name(for subject: Subject, taken: [String: Subject]) -> String {
    let textWords = subject.texts.map(meaningfulWords)
    var candidates: [[String]] = []
    func prefixes(of words: [String]) -> [[String]] {
      words.isEmpty ? [] : (max(1, min(preferredWordCount, words.count))...words.count).map { Array(words.prefix($0)) }
    }
    // The first text's words (the message's, else the description's); then, for codes that
    // share a message, the message's words followed by what the description adds; then the
    // description's alone.
    candidates += prefixes(of: textWords.first ?? [])
    if textWords.count == 2, !textWords[0].isEmpty, !textWords[1].isEmpty {
      let first = Array(textWords[0].prefix(preferredWordCount))
      for count in 1...textWords[1].count { candidates.append(first + textWords[1].prefix(count)) }
      candidates += prefixes(of: textWords[1])
    }
    let lowercasedTaken = Set(taken.keys.map { $0.lowercased() })
    for words in candidates {
      var trimmed = words
      while let last = trimmed.last, danglingWords.contains(last.lowercased()), trimmed.count > 1 {
        trimmed.removeLast()
      }
      let candidate = camelCase(trimmed)
      if problems(in: candidate, subject: subject).isEmpty, !lowercasedTaken.contains(candidate.lowercased()) {
        return candidate
      }
    }
    // Nothing in the texts tells this code apart: a name a reviewer must replace, which the
    // rules refuse until they do.
    return "unnamed"
      + String(subject.code.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
  }

  /// The text's words, as written, without placeholders, punctuation and filler, idioms said the
  /// usual way.
  static func meaningfulWords(_ text: String) -> [String] {
    var words = rawWords(text)
    var index = 0
    var rewritten: [String] = []
    while index < words.count {
      if let idiom = idioms.first(where: { idiom in
        index + idiom.phrase.count <= words.count
          && zip(idiom.phrase, words[index...]).allSatisfy { $0 == $1.lowercased() }
      }) {
        rewritten.append(idiom.word)
        index += idiom.phrase.count
      } else {
        rewritten.append(words[index])
        index += 1
      }
    }
    words = rewritten.filter { !fillerWords.contains($0.lowercased()) }
    return words
  }

  /// Letters and digits runs; text in placeholders and quotes skipped.
  static func rawWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var skippingUntil: Character? = nil
    func flush() {
      if !current.isEmpty { words.append(current) }
      current = ""
    }
    for character in text {
      if let end = skippingUntil {
        if character == end { skippingUntil = nil }
        continue
      }
      switch character {
      case "[": flush(); skippingUntil = "]"
      case "{": flush(); skippingUntil = "}"
      case "%": flush(); skippingUntil = " "
      case "'", "\u{2019}":
        // "doesn't" reads as one word; a quote at a word's edge is punctuation.
        if !current.isEmpty { current.append("'") }
      default:
        if character.isASCII, character.isLetter || character.isNumber {
          current.append(character)
        } else {
          flush()
        }
      }
    }
    flush()
    return words.map { $0.hasSuffix("'") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
  }

  /// Words joined in lower camel case: initialisms in capitals (lower case at the start), a word
  /// with inner capitals kept (`xAccountId`), a long all-capitals word as a name (`Huawei`).
  static func camelCase(_ words: [String]) -> String {
    var name = ""
    for (offset, word) in words.enumerated() {
      let plain = word.filter { $0 != "'" }
      let lower = plain.lowercased()
      var piece: String
      if initialisms.contains(lower) {
        piece =
          offset == 0
          ? lower : (lower.hasSuffix("s") && lower.count > 2 ? lower.dropLast().uppercased() + "s" : lower.uppercased())
      } else if plain.allSatisfy({ !$0.isLowercase }) {
        piece = offset == 0 ? lower : plain.prefix(1).uppercased() + plain.dropFirst().lowercased()
      } else if offset == 0 {
        piece = lowercasingLeadingCapitals(plain)
      } else {
        piece = plain.prefix(1).uppercased() + plain.dropFirst()
      }
      name += piece
    }
    if let first = name.first, first.isNumber { name = "code" + name }
    return name
  }

  /// `JSONObject` → `jsonObject`, `SSL` → `ssl`, `Token` → `token`.
  static func lowercasingLeadingCapitals(_ word: String) -> String {
    let characters = Array(word)
    var run = 0
    while run < characters.count, characters[run].isUppercase { run += 1 }
    if run > 1, run < characters.count, characters[run].isLowercase { run -= 1 }
    return String(characters[..<max(run, 1)]).lowercased() + String(characters[max(run, 1)...])
  }

  // MARK: Checking a name

  /// The words of a camel-case name: `accessKeyID` → `access`, `Key`, `ID`.
  package static func words(of name: String) -> [String] {
    var words: [String] = []
    var current = ""
    let characters = Array(name)
    for (index, character) in characters.enumerated() {
      let startsWord: Bool
      if current.isEmpty {
        startsWord = false
      } else if character.isUppercase {
        let previousIsUpper = characters[index - 1].isUppercase
        let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
        // The plural of an initialism stays one word: `APIs`, `IDs`, `AZs`.
        let nextIsPlural =
          nextIsLower && characters[index + 1] == "s"
          && (index + 2 == characters.count || !characters[index + 2].isLowercase)
        startsWord = !previousIsUpper || (nextIsLower && !nextIsPlural)
      } else if character.isNumber {
        startsWord = !characters[index - 1].isNumber
      } else {
        startsWord = characters[index - 1].isNumber
      }
      if startsWord {
        words.append(current)
        current = ""
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// What is wrong with `name` as the name of `subject`'s code, by the rules above (uniqueness
  /// aside, which needs the whole service): empty when nothing is.
  package static func problems(in name: String, subject: Subject) -> [String] {
    var problems: [String] = []
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
      name.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
      })
    else { return ["\"\(name)\" is not a lower-camel-case identifier of ASCII letters and digits"] }
    if reservedWords.contains(name) { problems.append("\"\(name)\" is a Swift keyword or a member of every code type") }
    if name.count > maximumLength { problems.append("\"\(name)\" is longer than \(maximumLength) characters") }
    if name.hasPrefix("unnamed") { problems.append("\"\(name)\" is a placeholder: give the code a name") }
    let words = words(of: name).map { $0.lowercased() }
    if let last = words.last, danglingWords.contains(last), words.count > 1 {
      problems.append("\"\(name)\" ends on \"\(last)\", which needs a word after it")
    }
    for (index, word) in words.enumerated() where word == "cannot" && index + 1 < words.count {
      let next = words[index + 1]
      if isParticiple(next) {
        problems.append("\"\(name)\" says \"cannot \(next)\": a participle needs \"be\" before it")
      }
    }
    for word in words where ["the", "a", "an"].contains(word) && words.count > 1 {
      problems.append("\"\(name)\" holds the article \"\(word)\"")
    }
    // The automatic pass broke ties by saying words again (`invalidDescriptionInvalidDescription`,
    // `serverUnavailableServer`); a word said twice must be said twice by a text
    // (`startTimeEqualsEndTime`, `cloudTableTableNotFound` for "The CloudTable table …").
    let textCounts = subject.texts.map { wordCounts(ofText: $0) }
    var nameCounts: [String: Int] = [:]
    for word in words where !connectives.contains(word) { nameCounts[stem(word), default: 0] += 1 }
    for (word, count) in nameCounts.sorted(by: { $0.key < $1.key }) where count > 1 {
      let most = textCounts.map { $0[word] ?? 0 }.max() ?? 0
      if count > most {
        problems.append("\"\(name)\" says \"\(word)\" \(count) times where its texts say it \(most): say a word once")
      }
    }
    let textDigits = Set(subject.texts.flatMap { digitRuns($0) })
    for run in digitRuns(name) where !textDigits.contains(run) {
      problems.append("\"\(name)\" holds \(run), which its texts do not: digits only where the text has them")
    }
    return problems
  }

  /// Words a name may say more than once (`actionOrNotActionNotJSONArray`).
  static let connectives: Set<String> = [
    "in", "of", "to", "or", "and", "not", "no", "be", "for", "is", "the", "a", "with", "by", "on", "at", "from", "as",
  ]

  /// A word without a plural's final `s`, so that `coupons` and `coupon` count as one word.
  static func stem(_ word: String) -> String {
    word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
  }

  /// How often a text says each word, lower-cased and stemmed; runs of letters and digits are split
  /// as names are (`NotAction` is "not" and "action", `azList` is "az" and "list").
  static func wordCounts(ofText text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    let runs = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    for run in runs {
      for word in words(of: String(run)) { counts[stem(word.lowercased()), default: 0] += 1 }
    }
    return counts
  }

  /// Past participles that follow "cannot" only with "be": regular ones (`deleted`, not
  /// `exceed`) and the common irregular ones.
  static func isParticiple(_ word: String) -> Bool {
    if word.hasSuffix("ed") { return !word.hasSuffix("eed") && !["embed", "shed", "bed", "red", "wed"].contains(word) }
    return irregularParticiples.contains(word)
  }

  static let irregularParticiples: Set<String> = [
    "been", "taken", "given", "written", "rewritten", "overwritten", "chosen", "hidden", "broken", "frozen",
    "forbidden", "seen", "done", "undone", "found", "made", "shown", "known", "sent", "bound", "built", "held",
    "kept", "left", "lost", "paid", "sold", "told", "begun", "withdrawn", "drawn", "thrown", "grown", "spent",
    "set", "reset", "put", "run", "read", "got", "gotten",
  ]

  static func digitRuns(_ text: String) -> [String] {
    var runs: [String] = []
    var current = ""
    for character in text {
      if character.isASCII, character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        runs.append(current)
        current = ""
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// The problems of every name of a service, uniqueness included.
  package static func problems(in file: CatalogFile) -> [String] {
    var problems: [String] = []
    var seen: [String: String] = [:]
    for entry in file.entries {
      let subject = Subject(code: entry.code, row: entry.row)
      let variants = entry.variants.map { Subject(code: entry.code, row: $0) }
      // A name may use any of the code's texts' words and digits.
      let merged = Subject(
        code: entry.code, message: ([subject] + variants).compactMap(\.message).joined(separator: " "),
        description: ([subject] + variants).compactMap(\.description).joined(separator: " "))
      for problem in Self.problems(in: entry.swiftName, subject: merged) {
        problems.append("\(file.service.identifier) \(entry.code): \(problem)")
      }
      for name in [entry.swiftName] + entry.formerNames {
        if let holder = seen[name.lowercased()] {
          problems.append("\(file.service.identifier) \(entry.code): \"\(name)\" is taken by \(holder)")
        } else {
          seen[name.lowercased()] = entry.code
        }
      }
    }
    return problems
  }
}
