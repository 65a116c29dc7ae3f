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

extension Optional {
  /// Applies `change` to the boxed value, or to `empty` where there is no box, and boxes the result
  /// anew; `nil` when the result is `empty`, so that equal values compare and hash alike however
  /// they were set.
  mutating func update<Value>(empty: Value, _ change: (inout Value) -> Void) where Wrapped == Box<Value> {
    var value = self?.value ?? empty
    change(&value)
    self = value == empty ? nil : Box(value)
  }
}
