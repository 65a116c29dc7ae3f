/// The values of a template's placeholders, by key, in the order of the template.
///
/// Keys are what ``MessageTemplate`` assigns: `"0"`, `"1"` for positional placeholders, the name
/// for named ones; a key holds one value. The collection keeps the order the values were added in
/// (a match's: the template's), but equality does not depend on it: two argument sets are equal
/// when they hold the same keys with the same values, in any order.
///
/// ```swift
/// let arguments: TemplateArguments = ["0": "AKIA3X9Q", "1": "prod-key"]
/// arguments["1"]  // "prod-key"
/// ```
public struct TemplateArguments: Sendable, Hashable, ExpressibleByDictionaryLiteral, RandomAccessCollection {
  /// One key and its value.
  public typealias Element = (key: String, value: String)

  private var pairs: [Element]

  /// No arguments.
  public init() {
    pairs = []
  }

  /// Arguments from key-value pairs; a repeated key keeps its first value.
  public init(_ pairs: some Sequence<(String, String)>) {
    self.pairs = []
    for (key, value) in pairs { add(key, value) }
  }

  public init(dictionaryLiteral elements: (String, String)...) {
    self.init(elements)
  }

  /// The value of `key`, or `nil` when there is none.
  public subscript(key: String) -> String? {
    pairs.first { $0.key == key }?.value
  }

  /// The keys, in order.
  public var keys: [String] { pairs.map(\.key) }

  public var startIndex: Int { pairs.startIndex }
  public var endIndex: Int { pairs.endIndex }
  public subscript(position: Int) -> Element { pairs[position] }

  /// The pairs in place, for a writer that reads each key and value without copying them.
  package func withPairs<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
    pairs.withUnsafeBufferPointer(body)
  }

  /// Room for `count` pairs, so that adding them allocates once.
  mutating func reserveCapacity(_ count: Int) {
    pairs.reserveCapacity(count)
  }

  /// Adds `value` for `key` unless the key has a value already; returns whether it was added.
  @discardableResult
  mutating func add(_ key: String, _ value: String) -> Bool {
    guard self[key] == nil else { return false }
    pairs.append((key, value))
    return true
  }

  /// Equal when both hold the same keys with the same values, in any order; linear in the count.
  public static func == (lhs: TemplateArguments, rhs: TemplateArguments) -> Bool {
    guard lhs.count == rhs.count else { return false }
    if lhs.pairs.elementsEqual(rhs.pairs, by: { $0.key == $1.key && $0.value == $1.value }) { return true }
    // Keys are unique, so a dictionary of one side decides.
    let values = Dictionary(uniqueKeysWithValues: rhs.pairs.map { ($0.key, $0.value) })
    return lhs.pairs.allSatisfy { values[$0.key] == $0.value }
  }

  /// Hashes the pairs in any order, to agree with `==`.
  public func hash(into hasher: inout Hasher) {
    var combined = 0
    for (key, value) in pairs {
      var pairHasher = Hasher()
      pairHasher.combine(key)
      pairHasher.combine(value)
      combined ^= pairHasher.finalize()
    }
    hasher.combine(count)
    hasher.combine(combined)
  }
}

extension TemplateArguments: CustomStringConvertible {
  /// `["0": "AKIA3X9Q", "1": "prod-key"]`.
  public var description: String {
    guard !pairs.isEmpty else { return "[:]" }
    return "[" + pairs.map { "\($0.key.debugDescription): \($0.value.debugDescription)" }.joined(separator: ", ") + "]"
  }
}
