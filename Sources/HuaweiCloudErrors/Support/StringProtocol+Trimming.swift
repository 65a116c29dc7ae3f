extension StringProtocol {
  /// The text without spaces, tabs and carriage returns at either end.
  var trimmingSpaces: String {
    String(drop(while: Self.isSpace).reversed().drop(while: Self.isSpace).reversed())
  }

  /// The text without spaces, tabs and carriage returns at its end.
  var trimmingTrailingSpaces: String {
    // Read as bytes: the three are ASCII, and no byte of another character is one of them.
    let text = Substring(self)
    var end = text.utf8.endIndex
    while end > text.utf8.startIndex {
      let before = text.utf8.index(before: end)
      let byte = text.utf8[before]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { break }
      end = before
    }
    return String(text[..<end])
  }

  private static func isSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\r"
  }
}
