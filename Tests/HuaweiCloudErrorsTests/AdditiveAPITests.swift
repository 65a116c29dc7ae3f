import Foundation
import HuaweiCloudErrors
import Testing

/// The promise of 1.0: a new code, row or service never stops a user's code from compiling. Shown
/// by compiling user code against the built library with the toolchain's `swiftc`.
@Suite("A public surface that can grow")
struct AdditiveAPITests {
  /// The built modules of the library: beside the test bundle, in `Modules`.
  static let modules: URL? = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("Modules")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("HuaweiCloudErrors.swiftmodule").path)
      {
        return candidate
      }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }()

  /// Type-checks `source` against the library; returns the compiler's exit status and output.
  static func typecheck(_ source: String) throws -> (status: Int32, output: String) {
    let modules = try #require(modules, "the library's modules are not beside the tests")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("additive-\(UUID()).swift")
    try Data(source.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-I", modules.path, file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  /// A switch over each open type, with or without a `default`.
  static func switches(withDefault: Bool) -> String {
    let fallback = withDefault ? "default: 0" : ""
    return """
      import HuaweiCloudErrors

      func code(_ value: IAMErrorCode) -> Int {
        switch value {
        case .tokenExpired: 1
        \(fallback)
        }
      }
      func format(_ value: HuaweiCloudError.BodyFormat) -> Int {
        switch value {
        case .json: 1
        \(fallback)
        }
      }
      func resolution(_ value: HuaweiCloudError.Resolution) -> Int {
        switch value {
        case .code: 1
        \(fallback)
        }
      }
      func kind(_ value: MessageMatch.Kind) -> Int {
        switch value {
        case .exact: 1
        \(fallback)
        }
      }
      func logFormat(_ value: HuaweiCloudLogScanner.Finding.Format) -> Int {
        switch value {
        case .json: 1
        \(fallback)
        }
      }
      func origin(_ value: CatalogEntry.Origin) -> Int {
        switch value {
        case .huawei: 1
        \(fallback)
        }
      }
      func service(_ value: HuaweiCloudService) -> Int {
        switch value {
        case .iam: 1
        \(fallback)
        }
      }
      func received(_ value: HuaweiCloudErrorCode?) -> Int {
        switch value {
        case .iam(.tokenExpired)?: 1
        \(fallback)
        }
      }
      """
  }

  @Test("a switch without a default over an open type does not compile, and with one it does")
  func switchNeedsDefault() throws {
    let without = try Self.typecheck(Self.switches(withDefault: false))
    #expect(without.status != 0)
    // One complaint per function, each at its own line of the file.
    let complaints = Set(
      without.output.split(separator: "\n").filter { $0.hasSuffix(": error: switch must be exhaustive") }
        .map { $0.split(separator: ":")[1] })
    #expect(complaints.count == 8, "\(without.output)")
    let with = try Self.typecheck(Self.switches(withDefault: true))
    #expect(with.status == 0, "\(with.output)")
  }

  @Test("stored state is read-only to users: an error cannot be edited to contradict itself")
  func readOnlyState() throws {
    // The same file with reads instead of writes compiles, so each failure below is the write's.
    let control = try Self.typecheck(
      """
      import HuaweiCloudErrors
      var error = HuaweiCloudError(status: 401, code: "IAM.0066")
      var finding = HuaweiCloudLogScanner.findings(in: "IAM.0066 x")[0]
      _ = (error.entry, error.code, error.message, error.statusCode, error.documentedRow, error.resolution, error.service)
      _ = (error.requestIDs.header, finding.entry, finding.code)
      """)
    #expect(control.status == 0, "\(control.output)")
    for assignment in [
      "error.entry = CatalogEntry(code: \"CBC.0150\")", "error.code = \"CBC.0150\"", "error.message = \"x\"",
      "error.statusCode = 200", "error.documentedRow = nil", "error.resolution = .code", "error.service = .cbc",
      "error.requestIDs.header = \"x\"", "finding.entry = nil", "finding.code = nil",
    ] {
      let source = """
        import HuaweiCloudErrors
        var error = HuaweiCloudError(status: 401, code: "IAM.0066")
        var finding = HuaweiCloudLogScanner.findings(in: "IAM.0066 x")[0]
        \(assignment)
        """
      let result = try Self.typecheck(source)
      #expect(result.status != 0, "\(assignment) compiled")
    }
  }

  @Test("the documented spellings compile: member, open code, catch pattern, initializer")
  func keptSpellings() throws {
    let source = """
      import HuaweiCloudErrors
      let member = IAMErrorCode.tokenExpired
      let open = HuaweiCloudErrorCode.iam(.tokenExpired)
      let error = HuaweiCloudError(status: 401, code: "IAM.0066", message: "The token has expired.")
      func handle() {
        do {
          throw error
        } catch HuaweiCloudError.iam(.tokenExpired) {
        } catch HuaweiCloudError.code("ECS.9999") {
        } catch HuaweiCloudError.service(.iam) {
        } catch {
        }
      }
      """
    let result = try Self.typecheck(source)
    #expect(result.status == 0, "\(result.output)")
  }
}
