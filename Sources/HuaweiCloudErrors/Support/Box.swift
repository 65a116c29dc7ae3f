/// An immutable value behind one reference, for the fields few values have: a `nil` box costs
/// one reference to copy or drop, however many fields it holds. Equal when the values are.
@usableFromInline
final class Box<Value: Hashable & Sendable>: Hashable, Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }

  @usableFromInline
  static func == (lhs: Box, rhs: Box) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  @usableFromInline
  func hash(into hasher: inout Hasher) {
    value.hash(into: &hasher)
  }
}
