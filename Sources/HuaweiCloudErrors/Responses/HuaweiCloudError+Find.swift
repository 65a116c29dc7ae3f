extension HuaweiCloudError {
  /// The ``HuaweiCloudError`` in `error`, or in the error it wraps, found at most `maximumDepth`
  /// wrappers down; `nil` when there is none.
  ///
  /// Middleware hands errors on wrapped: swift-openapi-runtime's `ClientError` keeps the error a
  /// transport or middleware threw as `underlyingError`, and other libraries have wrappers of
  /// their own. Any stored property, associated value or optional of a wrapper that holds an error
  /// is searched, with no dependency on the wrapper's type. Every `catch HuaweiCloudError.…`
  /// pattern uses this, so that `catch HuaweiCloudError.iam(.tokenExpired)` catches a wrapped
  /// error too.
  public static func find(in error: any Error, maximumDepth: Int = 4) -> HuaweiCloudError? {
    if let error = error as? HuaweiCloudError { return error }
    var budget = 64  // values looked at, so that a huge wrapper costs a bounded search
    return search(error, depth: max(0, maximumDepth), budget: &budget)
  }

  /// A wrapper's children, breadth before depth: an error one level down wins over one deeper.
  private static func search(_ value: Any, depth: Int, budget: inout Int) -> HuaweiCloudError? {
    guard depth > 0 else { return nil }
    var nested: [Any] = []
    for child in Mirror(reflecting: value).children {
      guard budget > 0 else { return nil }
      budget -= 1
      if let error = child.value as? HuaweiCloudError { return error }
      nested.append(child.value)
    }
    for child in nested {
      if let found = search(child, depth: depth - 1, budget: &budget) { return found }
    }
    return nil
  }
}
