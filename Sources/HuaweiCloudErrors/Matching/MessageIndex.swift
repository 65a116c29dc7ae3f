/// Every documented text (own texts and variants) compiled for matching, and indexed so that a
/// message is tried only against texts that could fit it:
/// - texts without placeholders by their whole lenient form, in a hash table;
/// - texts with placeholders by the first byte of their lenient form, plus those that start with
///   a placeholder.
struct MessageIndex: Sendable {
  struct Text: Sendable {
    let entry: CatalogEntry
    /// -1 for the entry's own text, else the variant's index.
    let variant: Int
    let keys: [String]
    let strict: LiteralPattern
    let lenient: LiteralPattern

    var isVariant: Bool { variant >= 0 }
    var documented: CatalogEntry.Variant { isVariant ? entry.variants[variant] : entry.text }
  }

  /// Messages longer than this (in UTF-8 bytes) are not matched: no documented message comes near.
  static let maximumMessageLength = 4 << 20

  let texts: [Text]
  private let exact: [[UInt8]: [Int]]
  private let byFirstByte: [[Int]]
  private let startingWithPlaceholder: [Int]

  init(entries: [CatalogEntry]) {
    var texts: [Text] = []
    for entry in entries {
      for (variant, documented) in [(-1, entry.text)] + entry.variants.enumerated().map({ ($0.offset, $0.element) }) {
        let template = MessageTemplate(documented.message)
        texts.append(
          Text(
            entry: entry, variant: variant, keys: template.placeholders.map(\.key),
            strict: LiteralPattern(literals: Self.strictLiterals(of: template)),
            lenient: LiteralPattern(literals: LenientText.literals(of: template))))
      }
    }
    var exact: [[UInt8]: [Int]] = [:]
    var byFirstByte = [[Int]](repeating: [], count: 256)
    var startingWithPlaceholder: [Int] = []
    for (index, text) in texts.enumerated() {
      if text.lenient.placeholderCount == 0 {
        exact[text.lenient.literals[0], default: []].append(index)
      } else if let first = text.lenient.literals[0].first {
        byFirstByte[Int(first)].append(index)
      } else {
        startingWithPlaceholder.append(index)
      }
    }
    self.texts = texts
    self.exact = exact
    self.byFirstByte = byFirstByte
    self.startingWithPlaceholder = startingWithPlaceholder
  }

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

  /// One fit of a message to a text, before ranking.
  struct Candidate {
    let text: Int
    let isLenient: Bool
    let arguments: TemplateArguments
  }

  /// Every text the message fits, each with its arguments.
  func candidates(for message: String) -> [Candidate] {
    guard message.utf8.count <= Self.maximumMessageLength else { return [] }
    var message = message
    return message.withUTF8 { candidates(in: $0) }
  }

  private func candidates(in original: UnsafeBufferPointer<UInt8>) -> [Candidate] {
    let lenient = LenientText(original, recordOffsets: false)
    var found: [Candidate] = []
    for index in exact[lenient.bytes] ?? [] {
      found.append(
        Candidate(text: index, isLenient: !texts[index].strict.literals[0].elementsEqual(original), arguments: [:]))
    }
    let bucket = lenient.bytes.first.map { byFirstByte[Int($0)] } ?? []
    var offsets: [Int]? = nil
    for index in bucket + startingWithPlaceholder {
      let text = texts[index]
      if let ranges = text.strict.match(original) {
        found.append(Candidate(text: index, isLenient: false, arguments: Self.arguments(text.keys, ranges, original)))
        continue
      }
      let matched = lenient.bytes.withUnsafeBufferPointer { text.lenient.match($0) }
      guard let ranges = matched else { continue }
      if offsets == nil { offsets = LenientText(original, recordOffsets: true).offsets }
      let originalRanges = ranges.map { offsets![$0.lowerBound]..<offsets![$0.upperBound] }
      found.append(
        Candidate(text: index, isLenient: true, arguments: Self.arguments(text.keys, originalRanges, original)))
    }
    return found
  }

  private static func arguments(
    _ keys: [String], _ ranges: [Range<Int>], _ message: UnsafeBufferPointer<UInt8>
  )
    -> TemplateArguments
  {
    var arguments = TemplateArguments()
    for (key, range) in zip(keys, ranges) {
      arguments.add(key, String(decoding: UnsafeBufferPointer(rebasing: message[range]), as: UTF8.self))
    }
    return arguments
  }
}
