import Foundation
import HuaweiCloudErrors
import Testing

/// The generated enums, checked through the protocol they share.
@Suite("Generated per-service enums")
struct ServiceEnumTests {
  static func checkEnum<Code: HuaweiCloudServiceErrorCode>(_ type: Code.Type) throws {
    let entries = Code.service.entries
    #expect(Code.allCases.count == entries.count)
    for (ordinal, code) in Code.allCases.enumerated() {
      #expect(code.ordinal == ordinal)
      #expect(code.entry == entries[ordinal])
      #expect(code.rawValue == entries[ordinal].code)
      #expect(Code(rawValue: code.rawValue) == code)
      #expect(code.code == HuaweiCloudErrorCode(code.rawValue))
      #expect(code.description == code.rawValue)
    }
    let data = try JSONEncoder().encode(Code.allCases)
    #expect(try JSONDecoder().decode([Code].self, from: data) == Code.allCases)
    #expect(try JSONDecoder().decode([String].self, from: data) == entries.map(\.code))
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Code.self, from: Data("\"ECS.0001\"".utf8)) }
  }

  @Test("every case maps to its entry and back, and encodes as its code")
  func enumsMatchCatalog() throws {
    try Self.checkEnum(OrganizationsErrorCode.self)
    try Self.checkEnum(IAMErrorCode.self)
    try Self.checkEnum(ProjectManErrorCode.self)
    try Self.checkEnum(CBCErrorCode.self)
    try Self.checkEnum(APIGWErrorCode.self)
  }

  @Test("a case of one service is not a code of another")
  func servicesDoNotMix() {
    #expect(IAMErrorCode(rawValue: "CBC.0150") == nil)
    #expect(CBCErrorCode(rawValue: "CBC.0150") != nil)
    #expect(CBCErrorCode(rawValue: "1101") == nil)
    #expect(IAMErrorCode(rawValue: "1101") == .invalidUsername)
  }

  @Test("names read as English and survive in the open code type")
  func namesReadWell() {
    #expect(IAMErrorCode.tokenExpired.rawValue == "IAM.0066")
    #expect(IAMErrorCode.tokenExpired.entry.message == "The token has expired.")
    #expect(HuaweiCloudErrorCode.iam(.tokenExpired) == "IAM.0066")
    #expect(CBCErrorCode.success.entry.isSuccess)
    #expect(OrganizationsErrorCode.organizationNotFound.rawValue == "Organizations.1100")
  }

  @Test("codes sharing a message have distinct case names")
  func sharedMessagesDistinctNames() {
    #expect(CBCErrorCode(rawValue: "CBC.3106") != CBCErrorCode(rawValue: "CBC.99003106"))
    #expect(CBCErrorCode(rawValue: "CBC.3106")!.entry.message == CBCErrorCode(rawValue: "CBC.99003106")!.entry.message)
    #expect(IAMErrorCode(rawValue: "1103") != IAMErrorCode(rawValue: "IAM.0062"))
  }

  @Test("the open code type keeps any string and compares by it")
  func openCode() throws {
    let unknown = HuaweiCloudErrorCode("ECS.0001")
    #expect(unknown.rawValue == "ECS.0001")
    #expect(unknown.entry == nil)
    #expect(unknown != "ecs.0001")
    let data = try JSONEncoder().encode([unknown, .cbc(.success)])
    #expect(try JSONDecoder().decode([HuaweiCloudErrorCode].self, from: data) == [unknown, "CBC.0000"])
    #expect(Set(["IAM.0066", HuaweiCloudErrorCode.iam(.tokenExpired)]).count == 1)
  }
}
