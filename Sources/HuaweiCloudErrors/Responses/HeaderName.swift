/// A header name's bytes loaded into words, compared with the names this package reads ignoring
/// ASCII letter case: three word comparisons where a byte loop took one step per byte, for every
/// field of every response.
struct HeaderName {
  /// The first 24 bytes, little-endian, zero past the end.
  private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
  /// Where a name's letters are: bit 5 of each letter byte, which is all that tells `X` from `x`.
  private var letters: (UInt64, UInt64, UInt64) = (0, 0, 0)
  /// The length in bytes.
  let count: Int

  /// The longest name that compares: longer ones equal none of the names below.
  static let capacity = 24

  /// A received name. Letter case is left as it is: `matches` allows for it.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    count = bytes.count
    guard bytes.count <= Self.capacity, let base = bytes.baseAddress else { return }
    withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: bytes.count)) }
    words = (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1), UInt64(littleEndian: words.2))
  }

  /// A name this package reads, written in lowercase.
  private init(known name: StaticString) {
    self.init(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    var letters: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &letters) { mask in
      for index in 0..<count where (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(name.utf8Start[index]) {
        mask[index] = 0x20
      }
    }
    self.letters = (UInt64(littleEndian: letters.0), UInt64(littleEndian: letters.1), UInt64(littleEndian: letters.2))
  }

  /// Whether a received name is this known one but for the letter case of its letters: every
  /// other byte, hyphens included, must be the same.
  func matches(_ received: HeaderName) -> Bool {
    received.count == count && received.count <= Self.capacity
      && (received.words.0 ^ words.0) & ~letters.0 == 0
      && (received.words.1 ^ words.1) & ~letters.1 == 0
      && (received.words.2 ^ words.2) & ~letters.2 == 0
  }

  static let date = HeaderName(known: "date")
  static let retryAfter = HeaderName(known: "retry-after")
  static let requestID = HeaderName(known: "x-request-id")
  static let iamTraceID = HeaderName(known: "x-iam-trace-id")
  static let retryAfterMilliseconds = HeaderName(known: "retry-after-ms")
  static let obsRequestID = HeaderName(known: "x-obs-request-id")
  static let amzRequestID = HeaderName(known: "x-amz-request-id")
  static let msRetryAfterMilliseconds = HeaderName(known: "x-ms-retry-after-ms")
}
