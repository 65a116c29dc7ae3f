import HuaweiCloudErrors
import Vapor

// The library has the properties `DebuggableError` asks for (identifier, reason, possibleCauses,
// suggestedFixes, documentationLinks), so the conformance is one line.
extension HuaweiCloudError: @retroactive DebuggableError {}

// As an `AbortError`, a failed upstream call answers the Vapor client with 502 Bad Gateway and the
// documented reason; `reason` is the library's.
extension HuaweiCloudError: @retroactive AbortError {
  public var status: HTTPResponseStatus { .badGateway }
}
