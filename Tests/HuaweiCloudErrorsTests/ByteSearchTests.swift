import Testing

@testable import HuaweiCloudErrors

/// The log scanner's searches for markers (`Status=`, `request_id`, …) against a plain search.
@Suite("Searching bytes for a marker")
struct ByteSearchTests {
  static let needles: [StaticString] = ["status", "a", "aa", "<Error>", ", Code=", "but got ", "http/1.1"]

  /// The first position of `needle` at or after `start`, byte by byte.
  static func plainSearch(_ needle: StaticString, in haystack: [UInt8], from start: Int, ignoringCase: Bool) -> Int? {
    let needle = Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    guard start >= 0, needle.count <= haystack.count else { return nil }
    for position in start..<max(start, haystack.count - needle.count + 1) {
      let window = haystack[position..<(position + needle.count)].map { ignoringCase ? LenientText.lowercased($0) : $0 }
      if window == needle { return position }
    }
    return nil
  }

  @Test(
    "finds the first occurrence, in either case when asked, from any start, as a plain search does",
    arguments: needles)
  func agreesWithPlainSearch(needle: StaticString) {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("aAsStTuUhHp/1. <ErorEROR>,Cod=bgt".utf8)
    for length in [0, 1, 2, 5, 9, 40, 200] {
      for _ in 0..<60 {
        var haystack = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        // Plant the needle, in upper case half the time, so that it is there to be found.
        if length > 10, Bool.random(using: &generator) {
          let planted = Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
          let at = Int.random(in: 0...(length - planted.count), using: &generator)
          let upper = Bool.random(using: &generator)
          for (offset, byte) in planted.enumerated() {
            haystack[at + offset] = upper && byte &- UInt8(ascii: "a") < 26 ? byte - 32 : byte
          }
        }
        for start in [0, 1, length / 2, length] {
          for ignoringCase in [false, true] {
            let found = haystack.withUnsafeBufferPointer {
              Bytes.firstIndex(of: needle, in: $0, from: start, ignoringCase: ignoringCase)
            }
            #expect(
              found == Self.plainSearch(needle, in: haystack, from: start, ignoringCase: ignoringCase),
              "\(needle) in \(String(decoding: haystack, as: UTF8.self)) from \(start)")
          }
        }
      }
    }
  }
}
