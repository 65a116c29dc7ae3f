import HuaweiCloudErrors
import TinyJSON

/// The `huaweicloud-errors` command line.
package enum HuaweiCloudErrorsTool: Sendable {
  /// Exit statuses: 0 success, 1 "not found" (an unknown code, no match), 2 bad usage.
  package enum ExitStatus: Sendable {
    package static let success: Int32 = 0
    package static let notFound: Int32 = 1
    package static let usage: Int32 = 2
  }

  static let commands: [(name: String, synopsis: String)] = [
    (
      "lookup",
      "lookup CODE [--service S] [--status N] [--json]\n"
        + "                                                what each service documents for a code (that status's row)"
    ),
    (
      "list",
      "list [--service S] [--status N] [--category C] [--json]\n"
        + "                                                documented codes, filtered"
    ),
    ("services", "services [--json]                             the services, their code prefixes and sources"),
    (
      "match",
      "match MESSAGE [--service S] [--status N] [--json]\n"
        + "                                                which documented message this is, and its values"
    ),
    (
      "match",
      "match --stdin [--service S] [--status N]      the same for JSON lines {\"message\", \"service\", \"status\"}"
    ),
    (
      "render",
      "render CODE [--service S] [KEY=VALUE ...]     the code's message with values substituted"
    ),
    (
      "explain",
      "explain --status N [--header \"Name: Value\"]... [--service S] [--host HOST] [--json] [FILE|-]\n"
        + "                                                the error a response body carries"
    ),
    (
      "scan",
      "scan [--service S] [--host HOST] [--json] [--stats] [FILE|-]\n"
        + "                                                the Huawei Cloud errors in a log; --stats: a summary"
    ),
  ]

  static var usage: String {
    """
    usage: huaweicloud-errors COMMAND [OPTIONS]

    \(commands.map { "  " + $0.synopsis }.joined(separator: "\n"))

    S is a service identifier (huaweicloud-errors services lists them); HOST an endpoint host,
    such as ecs.ap-southeast-1.myhuaweicloud.com, which names its service; C a category:
    \(categories.prefix(6).map(\.rawValue).joined(separator: ", ")),
    \(categories.dropFirst(6).map(\.rawValue).joined(separator: ", "))
    exit status: 0 found, 1 not found (unknown code, no match), 2 bad usage
    """
  }

  /// Runs the tool with `arguments` (without the program name); returns the exit status.
  /// `scanParts` says how `scan` reads a file in parts (tests read small parts).
  package static func run(
    _ arguments: [String], io: inout some ToolIO, scanParts: ParallelScan.Layout = .perProcessor
  ) -> Int32 {
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
      case "services": return try services(rest, io: &io)
      case "match": return try match(rest, io: &io)
      case "render": return try render(rest, io: &io)
      case "explain": return try explain(rest, io: &io)
      case "scan": return try scan(rest, io: &io, parts: scanParts)
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
      throw UsageError(
        "unknown service \(UsageError.quoted(identifier)); 'huaweicloud-errors services' lists the "
          + "\(HuaweiCloudService.allCases.count) known ones")
    }
    return service
  }

  /// The services `--service` or, failing it, `--host` names.
  static func hints(_ arguments: ParsedArguments) throws(UsageError) -> [HuaweiCloudService] {
    HuaweiCloudError.hints(service: try service(arguments), host: try arguments.value("--host"))
  }

  static func writeJSON(_ value: JSONValue, io: inout some ToolIO) {
    io.write(value.serialized(pretty: false) + "\n")
  }
}
