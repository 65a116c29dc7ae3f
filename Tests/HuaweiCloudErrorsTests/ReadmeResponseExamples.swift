// The README's response examples, compiled here as they are written there; the test below runs
// them against fixture responses, and `ReadmeExamplesTests` checks that the README's blocks are
// these lines.
import Foundation
import HuaweiCloudErrorsURLSession  // re-exports HuaweiCloudErrors
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

func send(_ request: URLRequest) async throws -> Data {
  let (data, response) = try await URLSession.shared.data(for: request)
  try HuaweiCloudError.check(data: data, response: response)
  return data
}

func deleteAccount(_ request: URLRequest) async -> String {
  do {
    _ = try await send(request)
    return "deleted"
  } catch HuaweiCloudError.iam(.tokenExpired) {
    return "token expired: refresh it and retry"
  } catch HuaweiCloudError.service(.organizations) {
    return "an Organizations error"
  } catch let error as HuaweiCloudError where error.entry == nil {
    return "undocumented: \(error.code?.rawValue ?? "no code") \(error.message ?? "")"
  } catch let error as HuaweiCloudError {
    return "\(error) — \(error.recoverySuggestion ?? "no documented solution")"
  } catch {
    return "transport: \(error)"
  }
}

func check(status: Int, headers: [(name: String, value: String)], body: [UInt8]) throws(HuaweiCloudError) {
  if let error = HuaweiCloudError(status: status, headers: headers, body: body) {
    throw error
  }
}

func describe(_ error: HuaweiCloudError) -> String {
  switch error.documentedCode {
  case .iam(.tokenExpired)?: "refresh the token"
  case .cbc(let code)?: "partner center: \(code.entry.description)"
  case .some: error.failureReason ?? error.description
  case nil: "not in the catalog: \(error.description)"
  }
}

@Suite("README response examples")
struct ReadmeResponseExampleTests {
  @Test("the raw triple example throws the typed error, and describe() switches over it")
  func rawTriple() throws {
    let fixture = ErrorResponseFixture(IAMErrorCode.tokenExpired)
    let error = try #require(throws: HuaweiCloudError.self) {
      try check(status: fixture.status, headers: fixture.headers, body: fixture.body)
    }
    #expect(describe(error) == "refresh the token")
    let cbc = try #require(HuaweiCloudError(ErrorResponseFixture(CBCErrorCode.accessDeniedCustomerNotBelong)))
    #expect(describe(cbc) == "partner center: Access failed. You are not a client of this website.")
    #expect(
      describe(HuaweiCloudError(status: 500, code: "ECS.0001")).hasPrefix("not in the catalog: HTTP 500 ECS.0001"))
    #expect(throws: Never.self) { try check(status: 200, headers: [], body: Array("{}".utf8)) }
  }
}
