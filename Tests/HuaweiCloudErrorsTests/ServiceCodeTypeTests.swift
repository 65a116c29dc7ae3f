import Foundation
import HuaweiCloudErrors
import Testing

/// The generated code types, checked through the protocol they share.
@Suite("Generated per-service code types")
struct ServiceCodeTypeTests {
  static func checkType<Code: HuaweiCloudServiceErrorCode>(_ type: Code.Type) throws {
    let entries = Code.service.entries
    #expect(Code.allCases.map(\.entry) == entries)
    for code in Code.allCases {
      #expect(Code(rawValue: code.rawValue) == code)
      #expect(Code(rawValue: code.rawValue.lowercased()) == code)
      #expect(code.code == HuaweiCloudErrorCode(code.rawValue))
      #expect(code.description == code.rawValue)
      #expect(code.entry.service == Code.service)
    }
    let data = try JSONEncoder().encode(Code.allCases)
    #expect(try JSONDecoder().decode([Code].self, from: data) == Code.allCases)
    #expect(try JSONDecoder().decode([String].self, from: data) == entries.map(\.code))
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Code.self, from: Data("\"NoSuch.0001\"".utf8)) }
  }

  @Test("every member maps to its entry and back, and encodes as its code")
  func typesMatchCatalog() throws {
    try Self.checkType(OrganizationsErrorCode.self)
    try Self.checkType(IAMErrorCode.self)
    try Self.checkType(ProjectManErrorCode.self)
    try Self.checkType(CBCErrorCode.self)
    try Self.checkType(APIGWErrorCode.self)
  }

  @Test("a code of one service is not a member of another")
  func servicesDoNotMix() {
    #expect(IAMErrorCode(rawValue: "CBC.0150") == nil)
    #expect(CBCErrorCode(rawValue: "CBC.0150") != nil)
    #expect(CBCErrorCode(rawValue: "1101") == nil)
    #expect(IAMErrorCode(rawValue: "1101") == .invalidUsername)
  }

  @Test("the spellings 1.0 keeps: the member, the open code of a member, and the catch pattern")
  func keptSpellings() throws {
    #expect(IAMErrorCode.tokenExpired.rawValue == "IAM.0066")
    #expect(IAMErrorCode.tokenExpired.entry.message == "The token has expired.")
    #expect(HuaweiCloudErrorCode.iam(.tokenExpired) == "IAM.0066")
    #expect(CBCErrorCode.success.entry.isSuccess)
    do {
      throw HuaweiCloudError(status: 401, code: "IAM.0066", message: "The token has expired.")
    } catch HuaweiCloudError.iam(.tokenExpired) {
    } catch {
      Issue.record("not caught: \(error)")
    }
  }

  @Test("codes sharing a message have distinct members")
  func sharedMessagesDistinctNames() {
    #expect(CBCErrorCode(rawValue: "CBC.3106") != CBCErrorCode(rawValue: "CBC.99003106"))
    #expect(CBCErrorCode(rawValue: "CBC.3106")!.entry.message == CBCErrorCode(rawValue: "CBC.99003106")!.entry.message)
    #expect(IAMErrorCode(rawValue: "1103") != IAMErrorCode(rawValue: "IAM.0062"))
  }

  @Test("a type of the user's own that conforms cannot break the library")
  func userConformance() throws {
    struct MyCode: HuaweiCloudServiceErrorCode {
      static var service: HuaweiCloudService { .iam }
      static var allCases: [MyCode] { [MyCode()] }
      // The entry of another service, which an index-based requirement could not have survived.
      var entry: CatalogEntry { CBCErrorCode.success.entry }
      init() {}
      init?(rawValue: String) { nil }
      init(from decoder: any Decoder) throws { self.init() }
    }
    let code = MyCode()
    #expect(code.rawValue == "CBC.0000")
    #expect(code.code == HuaweiCloudErrorCode.cbc(.success))
    #expect(try JSONDecoder().decode([String].self, from: JSONEncoder().encode([code])) == ["CBC.0000"])
  }

  @Test("the open code type keeps any string and compares by it, letter case and spaces aside")
  func openCode() throws {
    let unknown = HuaweiCloudErrorCode("NoSuch.0001")
    #expect(unknown.rawValue == "NoSuch.0001")
    #expect(unknown.entry == nil)
    #expect(unknown.entries.isEmpty)
    #expect(unknown == "nosuch.0001")
    #expect(unknown != "NoSuch.00010")
    let data = try JSONEncoder().encode([unknown, .cbc(.success)])
    #expect(try JSONDecoder().decode([HuaweiCloudErrorCode].self, from: data) == [unknown, "CBC.0000"])
    #expect(Set(["IAM.0066", "iam.0066", HuaweiCloudErrorCode.iam(.tokenExpired)]).count == 1)
    #expect(
      try JSONDecoder().decode([String].self, from: JSONEncoder().encode(["iam.0066" as HuaweiCloudErrorCode])) == [
        "iam.0066"
      ])
  }
}
