// The README's response examples are compiled, as they are written there, in
// DocumentationExamples.generated.swift; these tests run them against fixture responses.
import HuaweiCloudErrors
import HuaweiCloudErrorsTesting
import Testing

@Suite("README response examples")
struct ReadmeResponseExampleTests {
  @Test("the raw triple example throws the typed error, and describe() switches over it")
  func rawTriple() throws {
    let fixture = ErrorResponseFixture(IAMErrorCode.tokenExpired)
    let error = try #require(throws: HuaweiCloudError.self) {
      try check(status: fixture.status, headers: fixture.headers, body: fixture.body)
    }
    #expect(describe(error) == "refresh the token")
    let cbc = try #require(HuaweiCloudError(ErrorResponseFixture(CBCErrorCode.customerNotOnThisSite)))
    #expect(describe(cbc) == "partner center: Access failed. You are not a client of this website.")
    #expect(
      describe(HuaweiCloudError(status: 500, code: "NOSUCH.0001")).hasPrefix("not in the catalog: HTTP 500 NOSUCH.0001")
    )
    #expect(throws: Never.self) { try check(status: 200, headers: [], body: Array("{}".utf8)) }
  }
}
