/// A command's arguments split into positionals, options with values and flags, by a declared
/// set of names; anything undeclared is a usage error rather than silently ignored.
struct ParsedArguments {
  var positionals: [String] = []
  var options: [String: [String]] = [:]
  var flags: Set<String> = []

  /// Parses `arguments`. `valueOptions` take a value (`--status 404` or `--status=404`); `flags`
  /// take none. After `--` everything is positional.
  init(_ arguments: [String], valueOptions: Set<String>, flags allowedFlags: Set<String>) throws(UsageError) {
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String? = nil
      if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if valueOptions.contains(name) {
        guard let value = inlineValue ?? (index < arguments.count ? arguments[index] : nil) else {
          throw UsageError("\(name) needs a value")
        }
        if inlineValue == nil { index += 1 }
        options[name, default: []].append(value)
      } else if allowedFlags.contains(name), inlineValue == nil {
        flags.insert(name)
      } else {
        throw UsageError("unknown option \(UsageError.quoted(argument))")
      }
    }
  }

  /// The single value of an option, or `nil`; an option given twice is a usage error.
  func value(_ name: String) throws(UsageError) -> String? {
    guard let values = options[name] else { return nil }
    guard values.count == 1 else { throw UsageError("\(name) is given more than once") }
    return values[0]
  }

  /// An option's value as an HTTP status (100…599), or `nil` when absent.
  func status(_ name: String = "--status") throws(UsageError) -> Int? {
    guard let text = try value(name) else { return nil }
    guard let status = Int(text), (100...599).contains(status) else {
      throw UsageError("\(name) wants an HTTP status from 100 to 599, not \(UsageError.quoted(text))")
    }
    return status
  }
}

/// A mistake in how the tool was called: reported in one line, exit status 2.
struct UsageError: Error {
  var message: String

  init(_ message: String) {
    self.message = message
  }

  /// A user-supplied value for a message: quoted and cut short, so that a huge or binary argument
  /// never floods the terminal.
  static func quoted(_ text: String, limit: Int = 80) -> String {
    "\"\(shown(text, limit: limit))\""
  }

  /// Text from outside (an argument, a response, a log line) as a terminal may show it: control
  /// characters, line and paragraph separators and bidirectional overrides escaped (`\u{1B}`), so
  /// that a hostile code or message can neither move the cursor nor reorder what follows; cut
  /// after `limit` characters with `…`.
  static func shown(_ text: String, limit: Int = 200) -> String {
    var shown = ""
    for scalar in text.unicodeScalars.prefix(limit) {
      shown += isUnsafeOnTerminal(scalar) ? scalar.escaped(asASCII: true) : String(scalar)
    }
    return shown + (text.unicodeScalars.count > limit ? "…" : "")
  }

  private static func isUnsafeOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: return true
    default:
      // The bidirectional marks, embeddings, overrides and isolates.
      switch scalar.value {
      case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
      default: return false
      }
    }
  }
}
