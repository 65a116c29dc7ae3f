import Foundation
import HuaweiCloudErrors
import Testing
import TinyJSON

/// A response body and what Huawei Cloud's official Python SDK extracts from it
/// (`Fixtures/sdk-extractions.jsonl`, written by `Fixtures/sdk_extract.py`).
struct SDKExtraction: Sendable, CustomTestStringConvertible {
  var status: Int
  var headers: [String: String]
  var body: String
  var code: String?
  var message: String?
  var requestID: String?
  var encoded: String?
  var foundPair: Bool

  var testDescription: String { "\(status) \(body.prefix(60))" }

  static let all: [SDKExtraction] = {
    let text = try! String(
      contentsOf: PackagePaths.fixtures.appendingPathComponent("sdk-extractions.jsonl"), encoding: .utf8)
    return text.split(separator: "\n").map { line in
      let object = try! JSONValue.parse(String(line)).objectValue!
      let sdk = object["sdk"]!.objectValue!
      var headers: [String: String] = [:]
      for member in object["headers"]!.objectValue!.members { headers[member.key] = member.value.stringValue }
      return SDKExtraction(
        status: object["status"]!.intValue!, headers: headers, body: object["body"]!.stringValue!,
        code: sdk["code"]?.stringValue, message: sdk["message"]?.stringValue, requestID: sdk["request_id"]?.stringValue,
        encoded: sdk["encoded"]?.stringValue, foundPair: sdk["found_pair"] == .bool(true))
    }
  }()
}

@Suite("Reading at least what the official SDKs read")
struct SDKComparisonTests {
  @Test("code, message, request id and authorization message agree with the SDK's", arguments: SDKExtraction.all)
  func agreesWithSDK(sample: SDKExtraction) throws {
    let read = HuaweiCloudError.reading(
      status: sample.status, headers: ResponseHeaders(sample.headers.map { (name: $0.key, value: $0.value) }),
      body: Array(sample.body.utf8))
    #expect(read.requestIDs.header == sample.requestID)
    #expect(read.requestID == sample.requestID || sample.requestID == nil)
    #expect(read.encodedAuthorizationMessage == sample.encoded)
    if sample.foundPair {
      #expect(read.code?.rawValue == sample.code)
      #expect(read.message == sample.message)
    } else {
      // Where the SDK finds no pair it reports the status as the code and the body as the
      // message; this library reports no code, and the body's text (trimmed) only when it is
      // not JSON.
      #expect(read.code == nil || read.code?.rawValue != sample.code)
      if read.bodyFormat == .text {
        #expect(read.message == sample.message?.trimmingCharacters(in: .whitespacesAndNewlines))
      }
    }
  }

  @Test("where the SDK finds nothing, partial fields are still read")
  func beyondTheSDK() throws {
    let neutron = try #require(SDKExtraction.all.first { $0.body.contains("NeutronError") })
    let error = try #require(
      HuaweiCloudError(status: neutron.status, headers: neutron.headers, body: Array(neutron.body.utf8)))
    #expect(error.message == "Invalid input for operation.")
    #expect(error.code == nil)
  }
}
