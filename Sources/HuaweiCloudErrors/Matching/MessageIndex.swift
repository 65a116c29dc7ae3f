/// Every documented text (own texts and variants) compiled for matching, and indexed so that a
/// message is tried only against texts that could fit it:
/// - texts without placeholders by a hash of their whole lenient form, and in a trie of the texts a
///   message starts with, for messages that carry detail after them;
/// - texts with placeholders in the same trie by the literal text they start with, or, when the
///   literal they end with is longer (`{0} does not exist.`), in a trie of that literal reversed:
///   a message is tried only against templates whose longer anchor it has.
///
/// One walk down the first trie finds both kinds that a message starts with.
///
/// A documented text that is only an HTTP reason phrase (the gateway's "Internal server error.")
/// says nothing the status does not: from a message alone it is matched only when spelled exactly,
/// never leniently nor with detail, so that a generic "Internal Server Error" is not attributed to
/// it. With a known code (`CatalogEntry.match`) it matches as any other text.
final class MessageIndex: Sendable {
  struct Text: Sendable {
    let entry: CatalogEntry
    let row: CatalogEntry.Row
    let keys: [String]
    let strict: LiteralPattern
    let lenient: LiteralPattern
    /// The lenient literals' total length, which ranks matches.
    let literalLength: Int
    /// Whether the text is only an HTTP reason phrase.
    let isReasonPhrase: Bool
    /// The strict first literal's length without a final period: what a message with detail
    /// after the text starts with when it is spelled as documented.
    let strictPrefixCount: Int
    /// Whether only whitespace follows the last placeholder: a lenient match's last value that
    /// ends in a period then runs to the message's last non-space byte, its final period
    /// included, so that it renders back to the message's lenient form (`Invalid request. %s`
    /// and `… Wait..` give `Wait..`, not `Wait.`, whose rendering ends `Wait`).
    let lastValueRunsToEnd: Bool
  }

  /// Messages longer than this (in UTF-8 bytes) are not matched: no documented message comes near.
  static let maximumMessageLength = 4 << 20

  let texts: [Text]
  /// What the index keeps of each entry, by catalog position: one record answers a response whose
  /// message is its entry's documented text, the most common case.
  private let byEntry: EntryTextRecords
  private let exact: [UInt64: [Int]]
  /// Texts without placeholders that a message may carry detail after, and templates, by the
  /// text they start with.
  private let prefixes: PrefixTrie
  /// Templates by their last literal, reversed.
  private let templatesBySuffix: PrefixTrie

  init(entries: [CatalogEntry]) {
    var texts: [Text] = []
    var textsByEntry: [Range<Int>] = []
    for entry in entries {
      let first = texts.count
      for row in entry.rows {
        guard let template = row.template else { continue }
        let lenient = LiteralPattern(literals: LenientText.literals(of: template))
        // A message of only spaces and a period says nothing to match.
        guard lenient.placeholderCount > 0 || lenient.firstLiteralCount > 0 else { continue }
        let strict = LiteralPattern(literals: Self.strictLiterals(of: template))
        let strictFirst = strict.firstLiteral
        texts.append(
          Text(
            entry: entry, row: row, keys: template.placeholders.map(\.key),
            strict: strict, lenient: lenient,
            literalLength: lenient.literalLength,
            isReasonPhrase: lenient.placeholderCount == 0 && lenient.firstLiteralCount <= Self.longestReasonPhrase
              && Self.reasonPhrases.contains(lenient.firstLiteral),
            strictPrefixCount: strictFirst.last == UInt8(ascii: ".") ? strictFirst.count - 1 : strictFirst.count,
            lastValueRunsToEnd: Self.lastValueRunsToEnd(template)))
      }
      textsByEntry.append(first..<texts.count)
    }
    var exact: [UInt64: [Int]] = [:]
    var prefixes = PrefixTrie.Builder()
    var templatesBySuffix = PrefixTrie.Builder()
    for (index, text) in texts.enumerated() {
      if text.lenient.placeholderCount == 0 {
        exact[LenientText.hash(text.lenient.firstLiteral), default: []].append(index)
        if !text.isReasonPhrase { prefixes.insert(text.lenient.firstLiteral, text: index) }
      } else {
        let first = text.lenient.firstLiteral
        let last = text.lenient.lastLiteral
        if last.count > first.count {
          templatesBySuffix.insert(last.reversed(), text: index)
        } else {
          prefixes.insert(first, text: index)
        }
      }
    }
    self.templatesBySuffix = PrefixTrie(templatesBySuffix)
    var records: [(header: EntryTextRecords.Header, ownPlain: [UInt8])] = []
    records.reserveCapacity(entries.count)
    for (entry, indices) in zip(entries, textsByEntry) {
      var header = EntryTextRecords.Header(
        texts: Int32(indices.lowerBound)..<Int32(indices.upperBound), ownPlainRow: -1, ownPlainLiteralLength: 0,
        ownPlainCount: 0)
      var ownPlain: [UInt8] = []
      if let first = indices.first, texts[first].row == entry.row, texts[first].keys.isEmpty {
        let own = texts[first].strict.firstLiteral
        let isUnique = own.withUnsafeBufferPointer { own in
          !indices.dropFirst().contains { texts[$0].strict.firstLiteralEquals(own) }
        }
        if isUnique {
          ownPlain = own
          header.ownPlainRow = Int32(texts[first].row.index)
          header.ownPlainLiteralLength = Int32(texts[first].literalLength)
        }
      }
      records.append((header, ownPlain))
    }
    byEntry = EntryTextRecords(records)
    self.texts = texts
    self.exact = exact
    self.prefixes = PrefixTrie(prefixes)
  }

  /// HTTP reason phrases (RFC 9110 and the older names still in use), in lenient form.
  static let reasonPhrases: Set<[UInt8]> = Set(
    [
      "bad request", "unauthorized", "payment required", "forbidden", "not found", "method not allowed",
      "not acceptable", "proxy authentication required", "request timeout", "conflict", "gone", "length required",
      "precondition failed", "payload too large", "request entity too large", "content too large", "uri too long",
      "request-uri too long", "request uri too large", "unsupported media type", "range not satisfiable",
      "requested range not satisfiable", "expectation failed", "misdirected request", "unprocessable entity",
      "unprocessable content", "too many requests", "request header fields too large", "internal server error",
      "not implemented", "bad gateway", "service unavailable", "gateway timeout", "http version not supported",
    ].map { Array($0.utf8) })

  static let longestReasonPhrase = reasonPhrases.map(\.count).max() ?? 0

  static func strictLiterals(of template: MessageTemplate) -> [[UInt8]] {
    var literals: [[UInt8]] = [[]]
    for segment in template.segments {
      switch segment {
      case .literal(let text): literals[literals.count - 1] += Array(text.utf8)
      case .placeholder: literals.append([])
      }
    }
    return literals
  }

  /// The message as its bytes and its lenient form, for the duration of `body`. The lenient form
  /// lives in a temporary buffer (on the stack for short messages), so matching a message that
  /// fits nothing allocates nothing.
  private static func withForms<R>(
    of message: String, _ body: (_ original: UnsafeBufferPointer<UInt8>, _ lenient: UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    message.withUTF8Bytes { original in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(original.count, 1)) { buffer in
        let count = LenientText.write(original, into: buffer)
        return body(original, UnsafeBufferPointer(rebasing: buffer[..<count]))
      }
    }
  }

  /// Every entry the message fits, best first (see `HuaweiCloudCatalog.matches`).
  func matches(for message: String, service: HuaweiCloudService?, status: Int?) -> [MessageMatch] {
    guard message.utf8.count <= Self.maximumMessageLength else { return [] }
    return Self.withForms(of: message) { original, lenient in
      var found = MatchList(service: service, status: status)
      if let candidates = exact[LenientText.hash(lenient)] {
        for index in candidates where texts[index].lenient.firstLiteralEquals(lenient) {
          let isStrict = texts[index].strict.firstLiteralEquals(original)
          if !isStrict && texts[index].isReasonPhrase { continue }
          found.add(match(index, isLenient: !isStrict, arguments: [:]))
        }
      }
      prefixes.forEachText(startingAtPrefixOf: lenient) { index in
        let match =
          texts[index].keys.isEmpty
          ? detailMatch(index, original, lenient, startVerified: true)
          : templateMatch(index, original, lenient, verified: .first, emptyValues: .whereTooShortForValues)
        if let match { found.add(match) }
      }
      templatesBySuffix.forEachText(endingAtSuffixOf: lenient) { index in
        if let match = templateMatch(index, original, lenient, verified: .last, emptyValues: .whereTooShortForValues) {
          found.add(match)
        }
      }
      return found.sorted()
    }
  }

  /// The entry's own row when the message is exactly its own text, which has no placeholders and
  /// which no variant repeats: then it is the best fit there can be, with no arguments, and nothing
  /// needs matching (the common case when a response's code is known). `nil` for any other message.
  func ownPlainRow(_ message: String, of entry: CatalogEntry) -> CatalogEntry.Row? {
    ownPlainHeader(message, of: entry).map { CatalogEntry.Row(index: Int($0.ownPlainRow)) }
  }

  /// The match of a message that is exactly the entry's own text (see `ownPlainRow`): what
  /// `match(_:entry:status:)` gives for it, without the search. `nil` for any other message.
  func ownPlainMatch(_ message: String, of entry: CatalogEntry) -> MessageMatch? {
    guard let header = ownPlainHeader(message, of: entry) else { return nil }
    // What `match(_:isLenient:arguments:)` makes of the text, from the record alone.
    return MessageMatch(
      entry: entry, row: CatalogEntry.Row(index: Int(header.ownPlainRow)), kind: .exact, isLenient: false,
      arguments: [:], literalLength: Int(header.ownPlainLiteralLength))
  }

  /// The entry's record when the message is exactly its own plain text; `nil` otherwise.
  private func ownPlainHeader(_ message: String, of entry: CatalogEntry) -> EntryTextRecords.Header? {
    let index = entry.index
    let header = byEntry.header(index)
    guard header.ownPlainCount > 0, message.utf8.count == Int(header.ownPlainCount) else { return nil }
    // A text without placeholders is its one strict literal: compare bytes, make no `String`.
    let own = byEntry.ownPlainBytes(index, header)
    let isEqual = message.withUTF8Bytes { Bytes.equal(own.baseAddress, $0.baseAddress, count: $0.count) }
    return isEqual ? header : nil
  }

  /// How the message fits one entry's texts (own or variants), or `nil`; with several texts
  /// (the gateway's rows), the one documented with `status` wins a tie.
  func match(_ message: String, entry: CatalogEntry, status: Int? = nil) -> MessageMatch? {
    guard message.utf8.count <= Self.maximumMessageLength else { return nil }
    return Self.withForms(of: message) { original, lenient in
      bestMatch(original, lenient, entry: entry, status: status)
    }
  }

  /// For each of the entries that `isIncluded` admits, in order, the match of a message that is
  /// exactly its own text, else how the message fits its texts (see `match(_:entry:status:)`),
  /// handed to `body`; the entries it fits not at all are skipped. The message's forms are made
  /// once for all of them, and no array is made: a shared code's resolution allocates nothing.
  func forEachMatch(
    _ message: String, entries: ArraySlice<CatalogEntry>, where isIncluded: (CatalogEntry) -> Bool, status: Int?,
    _ body: (MessageMatch) -> Void
  ) {
    // The services that share a code mostly share its text too: every entry tends to fit, most
    // often as its own text, and then the message's lenient form is never needed.
    var position = entries.startIndex
    while position < entries.endIndex {
      let entry = entries[position]
      if isIncluded(entry) {
        guard let fit = ownPlainMatch(message, of: entry) else { break }
        body(fit)
      }
      position += 1
    }
    guard position < entries.endIndex else { return }
    let rest = entries[position...]
    // Too long to fit any text (`match(_:entry:status:)` finds nothing): only an own text,
    // compared by length first, is looked for.
    guard message.utf8.count <= Self.maximumMessageLength else {
      for entry in rest where isIncluded(entry) { ownPlainMatch(message, of: entry).map(body) }
      return
    }
    Self.withForms(of: message) { original, lenient in
      for entry in rest where isIncluded(entry) {
        if let fit = ownPlainMatch(message, of: entry) ?? bestMatch(original, lenient, entry: entry, status: status) {
          body(fit)
        }
      }
    }
  }

  /// The best fit of the message's forms among one entry's texts. Every fit is the same entry's,
  /// so the best is kept as they come, as `MatchList` keeps one per entry.
  private func bestMatch(
    _ original: UnsafeBufferPointer<UInt8>, _ lenient: UnsafeBufferPointer<UInt8>, entry: CatalogEntry, status: Int?
  ) -> MessageMatch? {
    let ranking = MatchList(service: nil, status: status)
    var best: MessageMatch? = nil
    func add(_ match: MessageMatch) {
      if let current = best, !ranking.ranksBefore(match, current) { return }
      best = match
    }
    let range = byEntry.header(entry.index).texts
    for index in Int(range.lowerBound)..<Int(range.upperBound) {
      if texts[index].keys.isEmpty {
        if texts[index].strict.firstLiteralEquals(original) {
          add(match(index, isLenient: false, arguments: [:]))
        } else if texts[index].lenient.firstLiteralEquals(lenient) {
          add(match(index, isLenient: true, arguments: [:]))
        } else if let match = detailMatch(index, original, lenient) {
          add(match)
        }
      } else if let match = templateMatch(index, original, lenient) {
        add(match)
      }
    }
    return best
  }

  /// The message as a text without placeholders followed by detail: the documented text (its
  /// period optional), then a separator — `.`, `:`, `,`, `;`, `(`, `[` or ` -` — then more text,
  /// which becomes the argument `detail` (without the separator, unless it is a bracket).
  ///
  /// `startVerified`: the trie walk found the text at the lenient message's start already.
  private func detailMatch(
    _ index: Int, _ original: UnsafeBufferPointer<UInt8>, _ lenient: UnsafeBufferPointer<UInt8>,
    startVerified: Bool = false
  )
    -> MessageMatch?
  {
    // Fields are read in place (`texts[index].…`): copying a whole text would retain its arrays.
    let end = texts[index].lenient.firstLiteralCount
    guard end > 0, lenient.count > end + 1,
      startVerified || texts[index].lenient.firstLiteralIsPrefix(of: lenient, count: end)
    else {
      return nil
    }
    var separator = lenient[end]
    if separator == UInt8(ascii: " ") { separator = lenient[end + 1] }
    guard Self.isSeparator(separator) || separator == UInt8(ascii: "(") || separator == UInt8(ascii: "["),
      lenient[end] != UInt8(ascii: " ") || separator != UInt8(ascii: ".")
    else {
      return nil
    }
    // The detail is cut from the message as received.
    var start = LenientText.originalOffset(of: end, in: original)
    while start < original.count,
      LenientText.isWhitespace(original[start]) || Self.isSeparator(original[start])
    {
      start += 1
    }
    var stop = original.count
    while stop > start, LenientText.isWhitespace(original[stop - 1]) { stop -= 1 }
    guard start < stop else { return nil }
    // Strict when the message starts with the text as documented, its final period aside.
    let isStrict =
      texts[index].strict.firstLiteralIsPrefix(of: original, count: texts[index].strictPrefixCount)
    let detail = String(decoding: UnsafeBufferPointer(rebasing: original[start..<stop]), as: UTF8.self)
    return MessageMatch(
      entry: texts[index].entry, row: texts[index].row, kind: .detail,
      isLenient: !isStrict, arguments: ["detail": detail],
      literalLength: texts[index].literalLength)
  }

  /// Which texts are tried with empty values where they fit no other way.
  enum EmptyValues {
    /// Every text: the entry is known, and its few texts are tried. (The lenient form is no
    /// guide here: it trims the spaces that a value left empty at either end leaves behind.)
    case anywhere
    /// Only where the message's lenient form has the text's first and last literals but is too
    /// short to hold a value in each placeholder: a search of the whole catalog tries many texts
    /// that fit nothing, and this costs each of them a comparison of lengths rather than another
    /// search of the message.
    case whereTooShortForValues
  }

  /// `.`, `:`, `,`, `;` or `-`: what may stand between a documented text and its detail.
  private static func isSeparator(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "-"): true
    default: false
    }
  }

  /// The message against a text with placeholders: strictly, else leniently, else strictly with
  /// empty values when `emptyValues` allows. `verified`: the lenient literal a trie walk found at
  /// the lenient message's start or end, not compared again.
  private func templateMatch(
    _ index: Int, _ original: UnsafeBufferPointer<UInt8>, _ lenient: UnsafeBufferPointer<UInt8>,
    verified: LiteralPattern.Anchors = [], emptyValues: EmptyValues = .anywhere
  )
    -> MessageMatch?
  {
    // The lenient form fits whenever the strict one does: try it first, as the cheaper filter,
    // with no values kept, since most messages that fit it fit the strict form too.
    guard texts[index].lenient.fits(lenient, verified: verified) else {
      // A value may be empty (`The requested resource [] could not be found.`). Only the text as
      // received, its spaces as rendered, can show that, and it is tried only where no fit with
      // values is found, so that it never changes a fit's values.
      guard emptyValues == .anywhere || texts[index].lenient.leavesNoRoomForValues(lenient, verified: verified),
        texts[index].strict.mayFitAllowingEmptyValues(original)
      else { return nil }
      return emptyValuesMatch(index, original)
    }
    if let ranges = texts[index].strict.match(original) {
      return match(index, isLenient: false, arguments: Self.arguments(texts[index].keys, ranges, original))
    }
    guard let ranges = texts[index].lenient.match(lenient, verified: verified) else { return nil }
    // Values are cut from the message as received: map the lenient ranges back.
    let bounds = LenientText.originalOffsets(of: ranges.flatMap { [$0.lowerBound, $0.upperBound] }, in: original)
    var originalRanges = ranges.indices.map { bounds[2 * $0]..<bounds[2 * $0 + 1] }
    // A last value that ends in a period would lose it to the lenient form once rendered (as the
    // message's final period was): it keeps the message's end, that period included.
    if texts[index].lastValueRunsToEnd, let last = originalRanges.indices.last,
      originalRanges[last].upperBound > originalRanges[last].lowerBound,
      original[originalRanges[last].upperBound - 1] == UInt8(ascii: ".")
    {
      var end = original.count
      while end > originalRanges[last].upperBound, LenientText.isWhitespace(original[end - 1]) { end -= 1 }
      originalRanges[last] = originalRanges[last].lowerBound..<end
    }
    return match(index, isLenient: true, arguments: Self.arguments(texts[index].keys, originalRanges, original))
  }

  /// The message against a text with placeholders, strictly, where a value may be empty. Out of
  /// line: most messages that reach it fit nothing, and the common path stays short.
  @inline(never)
  private func emptyValuesMatch(_ index: Int, _ original: UnsafeBufferPointer<UInt8>) -> MessageMatch? {
    guard let ranges = texts[index].strict.matchAllowingEmptyValues(original) else { return nil }
    return match(index, isLenient: false, arguments: Self.arguments(texts[index].keys, ranges, original))
  }

  /// Whether the template has a placeholder with nothing but whitespace after it.
  private static func lastValueRunsToEnd(_ template: MessageTemplate) -> Bool {
    var runsToEnd = false
    for segment in template.segments {
      switch segment {
      case .placeholder: runsToEnd = true
      case .literal(let text): if text.utf8.contains(where: { !LenientText.isWhitespace($0) }) { runsToEnd = false }
      }
    }
    return runsToEnd
  }

  private func match(_ index: Int, isLenient: Bool, arguments: TemplateArguments) -> MessageMatch {
    MessageMatch(
      entry: texts[index].entry, row: texts[index].row, kind: texts[index].keys.isEmpty ? .exact : .template,
      isLenient: isLenient, arguments: arguments, literalLength: texts[index].literalLength)
  }

  private static func arguments(
    _ keys: [String], _ ranges: [Range<Int>], _ message: UnsafeBufferPointer<UInt8>
  )
    -> TemplateArguments
  {
    var arguments = TemplateArguments()
    arguments.reserveCapacity(keys.count)
    for (key, range) in zip(keys, ranges) {
      arguments.add(key, String(decoding: UnsafeBufferPointer(rebasing: message[range]), as: UTF8.self))
    }
    return arguments
  }
}

/// The matches found so far: one per entry, the better fit kept.
struct MatchList {
  let service: HuaweiCloudService?
  let status: Int?
  private var matches: [MessageMatch] = []

  init(service: HuaweiCloudService?, status: Int?) {
    self.service = service
    self.status = status
  }

  mutating func add(_ match: MessageMatch) {
    if let existing = matches.firstIndex(where: { $0.entry == match.entry }) {
      if ranksBefore(match, matches[existing]) { matches[existing] = match }
    } else {
      // Room for a few at the first: most messages fit one to four entries.
      if matches.isEmpty { matches.reserveCapacity(4) }
      matches.append(match)
    }
  }

  func sorted() -> [MessageMatch] {
    matches.count < 2 ? matches : matches.sorted(by: ranksBefore)
  }

  /// A fit of the whole message before one with detail after it, then more literal text, then
  /// strict before lenient, then the status hint, then the service hint, then catalog order, then
  /// an own text before a variant.
  func ranksBefore(_ a: MessageMatch, _ b: MessageMatch) -> Bool {
    if (a.kind == .detail) != (b.kind == .detail) { return b.kind == .detail }
    if a.literalLength != b.literalLength { return a.literalLength > b.literalLength }
    if a.isLenient != b.isLenient { return !a.isLenient }
    if let status {
      let aFits = a.row.gives(status: status)
      if aFits != b.row.gives(status: status) { return aFits }
    }
    if let service, (a.entry.service == service) != (b.entry.service == service) { return a.entry.service == service }
    if a.entry != b.entry { return a.entry < b.entry }
    return a.row.index < b.row.index
  }
}
