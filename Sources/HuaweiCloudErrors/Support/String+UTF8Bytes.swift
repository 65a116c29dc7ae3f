extension String {
  /// Calls `body` with the string's UTF-8 bytes: a native string's in place, without the copy
  /// (and the retain and release) that `withUTF8` on a `var` copy costs; a bridged string's after
  /// making them contiguous.
  func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return copy.withUTF8(body)
  }
}
