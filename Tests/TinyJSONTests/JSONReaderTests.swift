import Testing
import TinyJSON

@Suite("Reading and writing JSON")
struct JSONReaderTests {
  @Test(
    "values round-trip through text",
    arguments: [
      #"{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-1.5e+3,"g":""}"#, #"[]"#, #"{}"#, #""\u0001\n\"\\""#,
      #"{"code":401,"message":"日本語 😀"}"#, "0", "-0", "[[[[1]]]]",
    ])
  func roundTrip(text: String) throws {
    let value = try JSONValue.parse(text)
    #expect(try JSONValue.parse(value.serialized()) == value)
    #expect(try JSONValue.parse(value.serialized(pretty: true)) == value)
  }

  /// Strings are skipped eight bytes at a time; the first byte that needs attention must be
  /// found wherever it falls in a word, after any mix of ASCII and multi-byte text.
  @Test("a string ends at its closing quote and stops at a control character, at every offset")
  func stringScanAtEveryOffset() throws {
    let fillers: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("😀".utf8), [0x7F], [0xFF]]
    for filler in fillers {
      for length in 0..<24 {
        let plain = Array(repeatElement(filler, count: length).joined())
        for special in [UInt8(ascii: "\""), 0x1F, 0x00, 0x0A] {
          for tail in [Array("xyz\"".utf8), Array(#"\n\u00e9""#.utf8)] {
            let text = [UInt8(ascii: "\"")] + plain + [special] + tail
            let scanned: Result<Int, JSONError> = text.withUnsafeBufferPointer { bytes in
              var reader = JSONReader(bytes)
              do throws(JSONError) {
                return .success(try reader.scanString().range.upperBound)
              } catch {
                return .failure(error)
              }
            }
            if special == UInt8(ascii: "\"") {
              #expect(try scanned.get() == 1 + plain.count, "\(text)")
            } else {
              #expect(throws: JSONError.self, "\(text)") { try scanned.get() }
              if case .failure(let error) = scanned {
                #expect(error.kind == .invalidString && error.offset == 1 + plain.count, "\(text)")
              }
            }
          }
        }
      }
    }
  }

  @Test("members keep document order and the first of a repeated key wins")
  func memberOrder() throws {
    let object = try #require(try JSONValue.parse(#"{"z":1,"a":2,"z":3}"#).objectValue)
    #expect(object.keys == ["z", "a", "z"])
    #expect(object["z"] == .number("1"))
  }

  @Test("escapes decode, surrogate pairs join, lone surrogates become U+FFFD")
  func escapes() throws {
    #expect(try JSONValue.parse(#""\ud83d\ude00 \u00e9 \/ \t""#) == .string("😀 é / \t"))
    #expect(try JSONValue.parse(#""\ud83d x""#) == .string("\u{FFFD} x"))
    #expect(try JSONValue.parse(#""\ude00""#) == .string("\u{FFFD}"))
  }

  @Test("invalid UTF-8 inside a string is repaired, not trusted")
  func invalidUTF8() throws {
    let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0xC3, 0x22]
    #expect(try JSONValue.parse(bytes) == .string("a\u{FFFD}\u{FFFD}"))
  }

  @Test(
    "malformed text is an error with a position",
    arguments: [
      "", "{", "[1,]", "{\"a\"}", "{\"a\":}", "01", "1.", "1e", "-", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"",
      "\"a\nb\"", "[1] 2", "{\"a\":1,}", "{a:1}", "'a'", "+1", ".5", "\u{FEFF}{}",
    ])
  func malformed(text: String) {
    #expect(throws: JSONError.self) { try JSONValue.parse(text) }
  }

  @Test("nesting deeper than the limit is refused without exhausting the stack")
  func depthLimit() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONError(.tooDeep, at: 64)) { try JSONValue.parse(deep) }
    let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(throws: Never.self) { try JSONValue.parse(ok) }
  }

  @Test(
    "skipping a value ends where parsing it ends",
    arguments: [#"{"a":[1,{"b":"}"}],"c":null} tail"#, #"[1,2,[3,[4]]]x"#, #""s\"x" y"#, "-12.5e3,", "true ]"])
  func skipMatchesParse(text: String) throws {
    let bytes = Array(text.utf8)
    try bytes.withUnsafeBufferPointer { buffer in
      var skipping = JSONReader(buffer)
      try skipping.skipValue()
      var parsing = JSONReader(buffer)
      _ = try parsing.parseValue()
      #expect(skipping.position == parsing.position)
    }
  }

  @Test("skipping rejects mismatched brackets and runaway nesting")
  func skipRejects() {
    for text in ["[1}", "{\"a\":1]", String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "[1,"] {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        var reader = JSONReader(buffer)
        #expect(throws: JSONError.self) { try reader.skipValue() }
      }
    }
  }

  @Test("the writer escapes quotes, backslashes and control characters only")
  func writer() {
    #expect(JSONWriter.quoted("a\"b\\c\u{0}\u{1F}\n/é😀") == #""a\"b\\c\u0000\u001f\n/é😀""#)
  }

  /// Bytes take a path of their own, which appends a string with nothing to escape whole.
  @Test(
    "the byte writer quotes as the string writer does",
    arguments: ["", "plain text", "a\"b\\c\u{0}\u{1F}\n/é😀", "\"", "tail\\", "é😀 \u{7F}", "\t"])
  func byteWriter(text: String) {
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    JSONWriter.appendQuoted(text, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "[" + JSONWriter.quoted(text))
    var written: [UInt8] = []
    written.write(text)
    #expect(written == Array(text.utf8))
  }
}
