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
    var generator = SplitMix(seed: 25)
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

/// The word-at-a-time byte tests against the same tests one byte at a time.
@Suite("Testing eight bytes at once")
struct ByteLanesTests {
  /// Whether each lane of `lanes` is set exactly where `test` holds for the byte of `word`.
  static func agrees(_ lanes: UInt64, _ word: UInt64, _ test: (UInt8) -> Bool) -> Bool {
    (0..<8).allSatisfy { lane in
      let byte = UInt8(truncatingIfNeeded: word >> (8 * lane))
      let flag = UInt8(truncatingIfNeeded: lanes >> (8 * lane))
      return flag == (test(byte) ? 0x80 : 0)
    }
  }

  @Test("every byte value in every lane, beside every other kind of byte, is classified as one byte alone is")
  func everyByteInEveryLane() {
    // Neighbours chosen to provoke a borrow or a carry between lanes: 0, 0x80, 0xFF, the bytes
    // around each range's ends, and the tested byte itself.
    let neighbours: [UInt8] = [
      0x00, 0x01, 0x2D, 0x2E, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x5F, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80,
      0xAE, 0xC1, 0xFF,
    ]
    for byte in UInt8.min...UInt8.max {
      for lane in 0..<8 {
        for neighbour in neighbours + [byte] {
          var word: UInt64 = 0
          for position in 0..<8 {
            word |= UInt64(position == lane ? byte : neighbour &+ UInt8(position)) << (8 * position)
          }
          #expect(Self.agrees(ByteLanes.equal(word, UInt8(ascii: ".")), word) { $0 == UInt8(ascii: ".") })
          #expect(Self.agrees(ByteLanes.equal(word, 0), word) { $0 == 0 })
          #expect(Self.agrees(ByteLanes.equal(word, 0xFF), word) { $0 == 0xFF })
          #expect(Self.agrees(ByteLanes.digits(word), word) { $0 >= 0x30 && $0 <= 0x39 })
          #expect(
            Self.agrees(ByteLanes.letters(word), word) { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        }
      }
    }
  }

  @Test("the log scanner's search for a dot that may end a code's prefix finds what a byte-by-byte search finds")
  func codeDotSearch() {
    var generator = SplitMix(seed: 94)
    let alphabet = Array("aZ._0913 -\u{E9}".utf8)
    func plain(_ line: [UInt8], from start: Int) -> Int? {
      var position = max(start, 1)
      while position + 1 < line.count {
        let before = line[position - 1]
        let isPrefixEnd =
          (before >= 0x41 && before <= 0x5A) || (before >= 0x61 && before <= 0x7A) || before == 0x2E || before == 0x5F
        if line[position] == 0x2E, line[position + 1] >= 0x30, line[position + 1] <= 0x39, isPrefixEnd {
          return position
        }
        position += 1
      }
      return nil
    }
    for length in [0, 1, 2, 3, 8, 9, 10, 16, 17, 40, 100] {
      for _ in 0..<200 {
        let line = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
        for start in [0, 1, 2, length / 3, length - 1, length] {
          let found = line.withUnsafeBufferPointer { HuaweiCloudLogScanner.nextCodeDot(in: $0, from: start) }
          #expect(found == plain(line, from: start), "\(String(decoding: line, as: UTF8.self)) from \(start)")
        }
      }
    }
  }
}
