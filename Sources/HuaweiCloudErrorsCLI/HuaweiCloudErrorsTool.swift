import HuaweiCloudErrors
import TinyJSON

/// The `huaweicloud-errors` command line.
public enum HuaweiCloudErrorsTool: Sendable {
  /// Exit statuses: 0 success, 1 "not found" (an unknown code, no match), 2 bad usage.
  public enum ExitStatus: Sendable {
    public static let success: Int32 = 0
    public static let notFound: Int32 = 1
    public static let usage: Int32 = 2
  }

  static let commands: [(name: String, synopsis: String)] = [
    (
      "lookup",
      "lookup CODE [--status N] [--json]             what the catalog documents for a code (that status's row)"
    ),
    ("list", "list [--service S] [--status N] [--json]      documented codes, filtered"),
    (
      "match",
      "match MESSAGE [--service S] [--status N] [--json]\n"
        + "                                                which documented message this is, and its values"
    ),
    (
      "match",
      "match --stdin [--service S] [--status N]      the same for JSON lines {\"message\", \"service\", \"status\"}"
    ),
    ("render", "render CODE [KEY=VALUE ...]                   the code's message with values substituted"),
    (
      "explain",
      "explain --status N [--header \"Name: Value\"]... [--json] [FILE|-]\n"
        + "                                                the error a response body carries"
    ),
    ("scan", "scan [--json] [FILE|-]                        the Huawei Cloud errors in a log"),
  ]

  static var usage: String {
    """
    usage: huaweicloud-errors COMMAND [OPTIONS]

    \(commands.map { "  " + $0.synopsis }.joined(separator: "\n"))

    services: \(HuaweiCloudService.allCases.map(\.identifier).joined(separator: ", "))
    exit status: 0 found, 1 not found (unknown code, no match), 2 bad usage
    """
  }

  /// Runs the tool with `arguments` (without the program name); returns the exit status.
  public static func run(_ arguments: [String], io: inout some ToolIO) -> Int32 {
    guard let command = arguments.first else {
      io.writeError(usage + "\n")
      return ExitStatus.usage
    }
    let rest = Array(arguments.dropFirst())
    do throws(UsageError) {
      switch command {
      case "--help", "-h", "help":
        io.write(usage + "\n")
        return ExitStatus.success
      case "lookup": return try lookup(rest, io: &io)
      case "list": return try list(rest, io: &io)
      case "match": return try match(rest, io: &io)
      case "render": return try render(rest, io: &io)
      case "explain": return try explain(rest, io: &io)
      case "scan": return try scan(rest, io: &io)
      default:
        throw UsageError("unknown command \(UsageError.quoted(command))")
      }
    } catch {
      io.writeError("huaweicloud-errors: \(error.message)\nRun 'huaweicloud-errors --help' for usage.\n")
      return ExitStatus.usage
    }
  }

  /// A `--help` request inside a command, answered with the command's synopsis.
  static func helpRequested(_ arguments: [String], command: String, io: inout some ToolIO) -> Bool {
    guard arguments.contains(where: { $0 == "--help" || $0 == "-h" }) else { return false }
    let synopses = commands.filter { $0.name == command }.map { "usage: huaweicloud-errors " + $0.synopsis }
    io.write(synopses.joined(separator: "\n") + "\n")
    return true
  }

  static func service(_ arguments: ParsedArguments) throws(UsageError) -> HuaweiCloudService? {
    guard let identifier = try arguments.value("--service") else { return nil }
    guard let service = HuaweiCloudService(identifier: identifier) else {
      let known = HuaweiCloudService.allCases.map(\.identifier).joined(separator: ", ")
      throw UsageError("unknown service \(UsageError.quoted(identifier)) (known: \(known))")
    }
    return service
  }

  static func writeJSON(_ value: JSONValue, io: inout some ToolIO) {
    io.write(value.serialized(pretty: false) + "\n")
  }
}
