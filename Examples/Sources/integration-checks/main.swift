// Exercises each integration offline, against the real libraries' types; exits non-zero when one
// does not behave as the README says.
import AsyncHTTPClient
import Foundation
import HTTPTypes
import HuaweiCloudErrors
import HuaweiCloudIntegrations
import Logging
import NIOCore
@_spi(Generated) import OpenAPIRuntime
import Vapor

nonisolated(unsafe) var failures = 0
func check(_ condition: Bool, _ what: String, line: Int = #line) {
  print((condition ? "ok     " : "FAILED ") + what)
  if !condition { failures += 1 }
}

let expiredBody = #"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#

// AsyncHTTPClient: a response as the client hands it over.
do {
  var headers = HTTPHeaders()
  headers.add(name: "X-Request-Id", value: "req-ahc")
  let response = HTTPClientResponse(
    status: .unauthorized, headers: headers, body: .bytes(ByteBuffer(string: expiredBody)))
  do {
    _ = try await response.huaweiCloudCheckedBody(host: "iam.myhuaweicloud.com")
    check(false, "AsyncHTTPClient: a 401 throws")
  } catch HuaweiCloudError.iam(.tokenExpired) {
    check(true, "AsyncHTTPClient: a 401 throws IAM.0066, caught by its name")
  }
}

// swift-http-types: HTTPFields in one line.
do {
  var fields = HTTPFields()
  fields[HTTPField.Name("X-Request-Id")!] = "req-types"
  fields[HTTPField.Name("Retry-After")!] = "3"
  let response = HTTPResponse(status: .tooManyRequests, headerFields: fields)
  let body = Array(#"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}"#.utf8)
  let error = response.huaweiCloudError(body: body)
  check(error?.code == .apigw(.throttlingThresholdReached), "swift-http-types: the code")
  check(error?.requestID == "req-types", "swift-http-types: the request id from HTTPFields")
  check(error?.retryAfter == .seconds(3), "swift-http-types: Retry-After from HTTPFields")
  check(error?.retryAdvice == .backoff, "swift-http-types: the advice")
}

// swift-openapi-runtime: the middleware's error reaches the caller inside ClientError.
struct CannedTransport: ClientTransport {
  func send(
    _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
  ) async throws -> (
    HTTPResponse, HTTPBody?
  ) {
    (HTTPResponse(status: .unauthorized), HTTPBody(expiredBody))
  }
}
do {
  let client = UniversalClient(
    serverURL: URL(string: "https://iam.ap-southeast-1.myhuaweicloud.com")!, transport: CannedTransport(),
    middlewares: [HuaweiCloudErrorMiddleware()])
  do {
    let _: String = try await client.send(
      input: "", forOperation: "KeystoneListProjects",
      serializer: { _ in (HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/v3/projects"), nil) },
      deserializer: { _, _ in "unreachable" })
    check(false, "OpenAPI: a 401 throws")
  } catch HuaweiCloudError.iam(.tokenExpired) {
    check(true, "OpenAPI: catch HuaweiCloudError.iam(.tokenExpired) matches through ClientError")
  } catch {
    check(false, "OpenAPI: caught \(type(of: error)) instead: \(error)")
  }
  do {
    let _: String = try await client.send(
      input: "", forOperation: "op",
      serializer: { _ in (HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"), nil) },
      deserializer: { _, _ in "" })
  } catch let error as ClientError {
    let found = HuaweiCloudError.find(in: error)
    check(found?.service == .iam, "OpenAPI: find(in:) gives the error, its service named by the host")
    check(found?.retryAdvice == .reauthenticate, "OpenAPI: its advice is to reauthenticate")
  }
}

// swift-log: the metadata reaches the handler.
final class Records: @unchecked Sendable {
  // A lock rather than `Mutex`, which needs macOS 15: this package supports macOS 13.
  private let lock = NSLock()
  private var metadata: [Logger.Metadata] = []

  func append(_ entry: Logger.Metadata) {
    lock.lock()
    defer { lock.unlock() }
    metadata.append(entry)
  }

  var first: Logger.Metadata? {
    lock.lock()
    defer { lock.unlock() }
    return metadata.first
  }
}
struct CapturingHandler: LogHandler {
  let records: Records
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .trace
  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }
  func log(event: LogEvent) { records.append(event.metadata ?? [:]) }
}
do {
  let records = Records()
  let error = HuaweiCloudError(status: 401, headers: [("X-Request-Id", "req-log")], body: Array(expiredBody.utf8))!
  let logger = Logger(label: "example") { _ in CapturingHandler(records: records) }
  logger.report(error)
  let metadata = records.first ?? [:]
  check(metadata["huaweicloud.code"] == "IAM.0066", "swift-log: the code")
  check(metadata["huaweicloud.request_id"] == "req-log", "swift-log: the request id")
  check(metadata["huaweicloud.category"] == "authentication", "swift-log: the category")
}

// Vapor: DebuggableError and AbortError in one line each.
do {
  let error = HuaweiCloudError(status: 401, headers: [], body: Array(expiredBody.utf8))!
  let debuggable: any DebuggableError = error
  check(debuggable.identifier == "IAM.0066", "Vapor: identifier")
  check(debuggable.fullIdentifier == "HuaweiCloudError.IAM.0066", "Vapor: fullIdentifier")
  check(debuggable.reason == "The token has expired.", "Vapor: reason")
  check(debuggable.suggestedFixes.first == "Use a valid token.", "Vapor: the documented solution as a fix")
  let abort: any AbortError = error
  check(abort.status == .badGateway, "Vapor: AbortError status")
}

if failures > 0 {
  print("\(failures) integration check(s) failed")
  exit(1)
}
print("every integration check passed")
