import Foundation
import HuaweiCloudErrors
import HuaweiCloudErrorsURLSession
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Catching by code, by service and as undocumented")
struct CatchingTests {
  static func throwing(_ error: any Error) throws { throw error }

  static func classify(_ error: any Error) -> String {
    do {
      try throwing(error)
      return "none"
    } catch HuaweiCloudError.iam(.tokenExpired) {
      return "token expired"
    } catch HuaweiCloudError.cbc(.customerNotOnThisSite) {
      return "cbc access denied"
    } catch HuaweiCloudError.code("ECS.0001") {
      return "ecs 0001"
    } catch HuaweiCloudError.service(.iam) {
      return "other iam"
    } catch let error as HuaweiCloudError where error.entry == nil {
      return "undocumented"
    } catch let error as HuaweiCloudError {
      return "documented \(error.entry!.code)"
    } catch {
      return "not ours"
    }
  }

  @Test("catch clauses pick the right error")
  func catchClauses() {
    #expect(Self.classify(HuaweiCloudError(status: 401, code: "IAM.0066")) == "token expired")
    #expect(
      Self.classify(HuaweiCloudError(status: 401, message: "The token has expired.", service: .iam)) == "token expired")
    #expect(Self.classify(HuaweiCloudError(status: 401, code: "Iam.0066")) == "token expired")
    #expect(Self.classify(HuaweiCloudError(status: 403, code: "CBC.0150")) == "cbc access denied")
    #expect(Self.classify(HuaweiCloudError(status: 400, code: "ECS.0001")) == "ecs 0001")
    #expect(Self.classify(HuaweiCloudError(status: 400, code: "ecs.0001")) == "ecs 0001")
    #expect(Self.classify(HuaweiCloudError(status: 400, code: "IAM.0011")) == "other iam")
    #expect(Self.classify(HuaweiCloudError(status: 400, code: "IAM.9999")) == "other iam")
    #expect(Self.classify(HuaweiCloudError(status: 500, code: "NOSUCH.4000")) == "undocumented")
    #expect(Self.classify(HuaweiCloudError(status: 404, code: "Organizations.1100")) == "documented Organizations.1100")
    #expect(Self.classify(CocoaError(.fileNoSuchFile)) == "not ours")
  }

  @Test("attribution never lies: an undocumented code whose text is another code's is not caught as that code")
  func attribution() throws {
    let text = "Access denied. The customer does not belong to the website you are now at."
    let undocumented = try #require(
      HuaweiCloudError(
        status: 403, headers: [String: String](), body: Array(#"{"error_code":"CBC.0156","error_msg":"\#(text)"}"#.utf8)
      ))
    #expect(undocumented.entry == nil)
    #expect(undocumented.similarTexts.first?.entry.code == "CBC.0150")
    #expect(Self.classify(undocumented) == "undocumented")
    // Without a code, the message decides, within the service the caller names.
    let byMessage = HuaweiCloudError(status: 403, message: text, service: .cbc)
    #expect(Self.classify(byMessage) == "cbc access denied")
    // A success code's entry is never an error's.
    let success = HuaweiCloudError(status: 400, code: "CBC.0000", message: "Success.")
    #expect(success.entry == nil || success.entry?.isSuccess == false)
    #expect(success.category != .success)
  }

  @Test("a switch over the received code uses the same equality as catch, with a default")
  func switchOverCode() {
    func handle(_ error: HuaweiCloudError) -> String {
      switch error.code {
      case .iam(.tokenExpired)?: "refresh"
      case .cbc(.success)?: "success"
      case let code? where code.entry(in: .iam) != nil: "iam \(code.rawValue)"
      case .some: "other"
      case nil: "no code"
      }
    }
    #expect(handle(HuaweiCloudError(status: 401, code: "IAM.0066")) == "refresh")
    #expect(handle(HuaweiCloudError(status: 401, code: "iam.0066")) == "refresh")
    #expect(handle(HuaweiCloudError(status: 400, code: "IAM.0011")) == "iam IAM.0011")
    #expect(handle(HuaweiCloudError(status: 400, code: "PM.02152001")) == "other")
    #expect(handle(HuaweiCloudError(status: 400)) == "no code")
  }

  @Test("every documented code's pattern catches its own error and no other", arguments: HuaweiCloudCatalog.entries)
  func everyCodeCatches(entry: CatalogEntry) {
    let error: any Error = HuaweiCloudError(
      status: entry.status ?? 400, code: HuaweiCloudErrorCode(entry.code), service: entry.service)
    #expect(HuaweiCloudErrorCode(entry.code) ~= error)
    #expect(entry.service ~= error)
    let all = HuaweiCloudCatalog.entries
    let other = all[(all.firstIndex(of: entry)! + 1) % all.count]
    #expect(
      !(HuaweiCloudErrorCode(other.code) ~= error)
        || HuaweiCloudErrorCode(other.code) == HuaweiCloudErrorCode(entry.code))
  }

  @Test("LocalizedError gives the received message, the documented description and solution")
  func localizedError() {
    let error = HuaweiCloudError(status: 401, code: "IAM.0066", message: "The token has expired.")
    #expect(error.errorDescription == "The token has expired.")
    #expect(error.failureReason == CatalogEntry(code: "IAM.0066")?.description)
    #expect(error.recoverySuggestion == CatalogEntry(code: "IAM.0066")?.solution)
    #expect((error as any Error).localizedDescription == "The token has expired.")
    let unknown = HuaweiCloudError(status: 502)
    #expect(unknown.errorDescription == "HTTP 502")
    #expect(unknown.failureReason == nil)
    #expect(HuaweiCloudError(status: 403, code: "CBC.0150").recoverySuggestion == nil)
  }

  @Test("the description names the status, code, message and request")
  func description() {
    let error = HuaweiCloudError(status: 401, code: "IAM.0066", message: "The token has expired.", requestID: "r-1")
    #expect(error.description == "HTTP 401 IAM.0066: The token has expired. (request r-1)")
    #expect(
      HuaweiCloudError(status: 401, message: "The token has expired.", service: .iam).description
        == "HTTP 401 (IAM.0066): The token has expired.")
    #expect(HuaweiCloudError(status: 503).description == "HTTP 503")
  }

  @Test("an HTTPURLResponse and its Data read like any response")
  func urlSession() throws {
    let url = URL(string: "https://iam.myhuaweicloud.com/v3/auth/tokens")!
    let response = try #require(
      HTTPURLResponse(url: url, statusCode: 401, httpVersion: "HTTP/1.1", headerFields: ["X-Request-Id": "u-1"]))
    let data = Data(#"{"error_code": "IAM.0066", "error_msg": "The token has expired."}"#.utf8)
    let error = try #require(HuaweiCloudError(data: data, response: response))
    #expect(error.code == .iam(.tokenExpired))
    #expect(error.entry == IAMErrorCode.tokenExpired.entry)
    #expect(error.requestID == "u-1")
    #expect(throws: HuaweiCloudError.self) { try HuaweiCloudError.check(data: data, response: response) }
    let ok = try #require(HTTPURLResponse(url: url, statusCode: 200, httpVersion: nil, headerFields: [:]))
    #expect(throws: Never.self) { try HuaweiCloudError.check(data: Data("{}".utf8), response: ok) }
  }
}
