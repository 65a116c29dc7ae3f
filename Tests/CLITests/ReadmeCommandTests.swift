import Foundation
import Testing

/// The README's terminal examples (`$ swift run huaweicloud-errors …` and the output under it),
/// run: the README shows what the tool prints.
@Suite("README terminal examples")
struct ReadmeCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Example: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var output: String
    var files: [String: String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// Every `$ swift run huaweicloud-errors …` line of a `text` block with the lines under it; a
  /// `$ cat FILE` before it in the block supplies FILE's content.
  static let examples: [Example] = {
    let readme = try! String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    var examples: [Example] = []
    for block in readme.components(separatedBy: "```text\n").dropFirst() {
      let lines = block.components(separatedBy: "```")[0].split(separator: "\n", omittingEmptySubsequences: false)
      var files: [String: String] = [:]
      var current: (command: String, output: [Substring])? = nil
      func flush() {
        guard let (command, output) = current else { return }
        let text = output.joined(separator: "\n").trimmingCharacters(in: .newlines)
        if command.hasPrefix("cat ") {
          files[String(command.dropFirst(4))] = text + "\n"
        } else if command.hasPrefix("swift run huaweicloud-errors ") {
          let arguments = shellWords(command.dropFirst("swift run huaweicloud-errors ".count))
          examples.append(Example(arguments: arguments, output: text, files: files))
        }
        current = nil
      }
      for line in lines {
        if line.hasPrefix("$ ") {
          flush()
          current = (String(line.dropFirst(2)), [])
        } else {
          current?.output.append(line)
        }
      }
      flush()
    }
    return examples
  }()

  /// The words of a command line: split at spaces, except inside double quotes.
  static func shellWords(_ line: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
        started = true
      } else if character == " ", !quoted {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }

  @Test("there are terminal examples to check")
  func found() {
    #expect(Self.examples.count >= 4)
    #expect(Self.shellWords("match --json \"a b\" c") == ["match", "--json", "a b", "c"])
  }

  @Test("each prints what the README shows", arguments: examples)
  func example(example: Example) throws {
    var arguments = example.arguments
    var written: [URL] = []
    defer { for url in written { try? FileManager.default.removeItem(at: url) } }
    for (index, argument) in arguments.enumerated() {
      guard let content = example.files[argument] else { continue }
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID())-\(argument)")
      try Data(content.utf8).write(to: url)
      written.append(url)
      arguments[index] = url.path
    }
    let run = ToolRun(arguments)
    #expect(run.status == 0)
    #expect(run.output.trimmingCharacters(in: .newlines) == example.output)
  }
}
