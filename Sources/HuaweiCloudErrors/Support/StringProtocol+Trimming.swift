extension StringProtocol {
  /// The text without spaces, tabs and carriage returns at either end.
  var trimmingSpaces: String {
    String(drop(while: Self.isSpace).reversed().drop(while: Self.isSpace).reversed())
  }

  /// The text without spaces, tabs and carriage returns at its end.
  var trimmingTrailingSpaces: String {
    String(reversed().drop(while: Self.isSpace).reversed())
  }

  private static func isSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\r"
  }
}
