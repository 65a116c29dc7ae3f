/// Chooses enum case names from messages: "The token has expired." becomes `tokenExpired`.
///
/// A name is chosen once, when its code is first imported, and stored in the catalog file; later
/// text changes never rename a case.
public enum SwiftNaming: Sendable {
  /// Words that carry no meaning in a name.
  static let stopWords: Set<String> = [
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "of", "for",
    "to", "in", "on", "at", "by", "with", "from", "and", "or", "this", "that", "these", "those", "it", "its",
    "your", "you", "please", "can", "could", "will", "would", "should", "must", "may", "only", "any", "all",
    "some", "there", "which", "as", "so", "than", "then", "such", "do", "does", "did", "currently", "now", "yet",
    "already", "s", "d", "because", "but", "when", "who", "into", "via", "per", "up", "out", "we", "our",
  ]

  /// Words a name keeps at most, unless more are needed to tell two codes apart.
  static let preferredWordCount = 4

  static let reservedWords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
    "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is",
    "nil", "super", "self", "Self", "throw", "throws", "true", "try", "rawValue", "allCases", "entry", "service",
    "init", "description", "hashValue",
  ]

  /// A name for a code with this message, not among `taken` (names and the messages they were
  /// made from): the message's first meaningful words in lower camel case; more words when a
  /// different message holds the shorter name; the code's digits appended when a message with the
  /// same words does (CBC's `CBC.3106` and `CBC.99003106`).
  public static func name(message: String, code: String, taken: [String: String]) -> String {
    let words = meaningfulWords(message)
    var count = min(preferredWordCount, words.count)
    // A name does not end on a dangling negation ("accountCreationStatusNot").
    while count < words.count, ["not", "no"].contains(words[count - 1].lowercased()) { count += 1 }
    let base = camelCase(Array(words.prefix(count)))
    while count <= words.count {
      let candidate = camelCase(Array(words.prefix(count)))
      if let holder = taken[candidate],
        meaningfulWords(holder).map({ $0.lowercased() }) == words.map({ $0.lowercased() })
      {
        break
      }
      if !candidate.isEmpty, taken[candidate] == nil, !reservedWords.contains(candidate) { return candidate }
      if count == words.count { break }
      count += 1
    }
    return uniqueWithDigits(base, code: code, taken: Set(taken.keys))
  }

  /// `base` followed by the code's digits (and a counter, should even that be taken).
  static func uniqueWithDigits(_ base: String, code: String, taken: Set<String>) -> String {
    let stem = (base.isEmpty ? "code" : base) + code.filter { $0.isASCII && $0.isNumber }
    var candidate = stem
    var counter = 2
    while taken.contains(candidate) {
      candidate = stem + "v\(counter)"
      counter += 1
    }
    return candidate
  }

  /// The message's words, as written, without placeholders, punctuation and stop words.
  static func meaningfulWords(_ message: String) -> [String] {
    var words: [String] = []
    var current = ""
    var skippingUntil: Character? = nil
    func flush() {
      let word = current
      current = ""
      guard !word.isEmpty, !stopWords.contains(word.lowercased()) else { return }
      words.append(word)
    }
    var iterator = message.makeIterator()
    while let character = iterator.next() {
      if let end = skippingUntil {
        if character == end { skippingUntil = nil }
        continue
      }
      switch character {
      case "[": flush(); skippingUntil = "]"
      case "{": flush(); skippingUntil = "}"
      case "%": flush(); skippingUntil = " "
      case "'", "\u{2019}": continue  // "doesn't" reads as one word
      default:
        if character.isASCII, character.isLetter || character.isNumber {
          current.append(character)
        } else {
          flush()
        }
      }
    }
    flush()
    return words
  }

  /// Words joined in lower camel case. A word keeps its inner capitals (`xAccountId`); a short
  /// all-capitals word is an acronym (`IAM`, first as `iam`); a long one is a name (`Huawei`).
  static func camelCase(_ words: [String]) -> String {
    var name = ""
    for (offset, word) in words.enumerated() {
      let isAllCaps = word.allSatisfy { !$0.isLowercase }
      var piece = isAllCaps && word.count > 4 ? word.prefix(1) + word.dropFirst().lowercased() : word
      if offset == 0 {
        piece = lowercasingLeadingCapitals(piece)
      } else {
        piece = piece.prefix(1).uppercased() + piece.dropFirst()
      }
      name += piece
    }
    if let first = name.first, first.isNumber { name = "n" + name }
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
}
