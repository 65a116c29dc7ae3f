import Foundation
import Testing

@testable import HuaweiCloudErrorsCLI

@Suite("Reading files and standard input line by line")
struct DescriptorReaderTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var limit: Int
    var lines: [(String, Bool)]
    var testDescription: String { text.prefix(20).debugDescription }
  }

  static let cases: [Case] = [
    Case(text: "ab\ncd\r\nlast", limit: 4, lines: [("ab", false), ("cd", false), ("last", false)]),
    Case(text: "", limit: 4, lines: []),
    Case(text: "\n\r\n", limit: 4, lines: [("", false), ("", false)]),
    // At the limit, a dropped `\r` does not count; one byte more is cut.
    Case(text: "abcd\r\nabcde\nxy", limit: 4, lines: [("abcd", false), ("abcd", true), ("xy", false)]),
    Case(text: "abcdefgh", limit: 4, lines: [("abcd", true)]),
    Case(text: "abcd\r", limit: 4, lines: [("abcd", false)]),
    // A line longer than one read: cut while it is still arriving, the rest read past.
    Case(
      text: String(repeating: "a", count: 200_000) + "\nok\n", limit: 10,
      lines: [(String(repeating: "a", count: 10), true), ("ok", false)]),
  ]

  @Test("many lines across many reads come back as split gives them, each once")
  func manyLines() throws {
    var expected: [String] = []
    var text = ""
    for index in 0..<60_000 {
      let line = String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: (index * 37) % 211)
      expected.append(line)
      text += line + (index % 3 == 0 ? "\r\n" : "\n")
    }
    let path = try Self.file(text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var reader = try #require(DescriptorReader(path: path))
    var lines: [String] = []
    while reader.withNextLine(limit: 1 << 20, { bytes, _ in lines.append(String(decoding: bytes, as: UTF8.self)) }) {}
    #expect(lines == expected)
    #expect(reader.bytesRead == text.utf8.count)
  }

  static func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("lines come back without their line breaks, cut at the limit and flagged", arguments: cases)
  func lines(_ test: Case) throws {
    let path = try Self.file(test.text)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var reader = try #require(DescriptorReader(path: path))
    var lines: [(String, Bool)] = []
    while let (bytes, truncated) = reader.readLine(limit: test.limit) {
      lines.append((String(decoding: bytes, as: UTF8.self), truncated))
    }
    #expect(lines.map(\.0) == test.lines.map(\.0))
    #expect(lines.map(\.1) == test.lines.map(\.1))
    #expect(!reader.failed)
  }

  @Test("reading everything stops at the limit and says whether more was left")
  func readAll() throws {
    let path = try Self.file("abcdef")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var cut = try #require(DescriptorReader(path: path))
    #expect(cut.readAll(limit: 4) == (Array("abcd".utf8), true))
    var whole = try #require(DescriptorReader(path: path))
    #expect(whole.readAll(limit: 6) == (Array("abcdef".utf8), false))
  }

  @Test("a path that cannot be opened gives nil, one that cannot be read a failure")
  func unreadable() throws {
    #expect(DescriptorReader(path: "/nonexistent/\(UUID().uuidString)") == nil)
    var directory = try #require(DescriptorReader(path: FileManager.default.temporaryDirectory.path))
    #expect(directory.readAll(limit: 10).bytes.isEmpty)
    #expect(directory.failed)
  }
}

@Suite("Answering before waiting for more input")
struct LineWaitingTests {
  @Test("a line is waiting only when a whole one is read; at the end nothing is waited for")
  func lineWaiting() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    var reader = DescriptorReader(descriptor: ends[0])
    func send(_ text: String) {
      _ = text.utf8CString.withUnsafeBufferPointer { write(ends[1], $0.baseAddress, text.utf8.count) }
    }
    // Nothing read yet: taking a line would wait, so output is written out first.
    #expect(!reader.hasLineWaiting)
    send("first\nsecond\nthi")
    #expect(reader.readLine(limit: 100)?.bytes == Array("first".utf8))
    #expect(reader.hasLineWaiting)
    #expect(reader.readLine(limit: 100)?.bytes == Array("second".utf8))
    // Only part of the third line has come.
    #expect(!reader.hasLineWaiting)
    send("rd\n")
    close(ends[1])
    #expect(reader.readLine(limit: 100)?.bytes == Array("third".utf8))
    #expect(reader.readLine(limit: 100) == nil)
    #expect(reader.hasLineWaiting)
    close(ends[0])
  }
}
