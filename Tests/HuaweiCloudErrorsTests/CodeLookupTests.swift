import Foundation
import HuaweiCloudErrors
import Testing

@Suite("Looking codes up")
struct CodeLookupTests {
  /// Every documented code's key (letter case and spaces aside), for telling a near miss from a
  /// code that happens to be documented.
  static let keys = Set(HuaweiCloudCatalog.entries.map { $0.code.lowercased().filter { $0 != " " && $0 != "\t" } })

  @Test("every code finds its own entry, and its service's entry", arguments: HuaweiCloudService.allCases)
  func codeFindsEntry(service: HuaweiCloudService) throws {
    for entry in service.entries {
      #expect(HuaweiCloudCatalog.entry(code: entry.code, service: service) == entry)
      #expect(CatalogEntry(code: entry.code, service: service) == entry)
      #expect(service.entry(code: entry.code) == entry)
      let all = HuaweiCloudCatalog.entries(code: entry.code)
      #expect(all.contains(entry))
      #expect(all == all.sorted())
      #expect(HuaweiCloudCatalog.entry(code: entry.code) == (all.count == 1 ? entry : nil))
      let open = HuaweiCloudErrorCode(entry.code)
      #expect(open.entry(in: service) == entry)
      #expect(open.isDocumented)
      #expect(open.services.contains(service))
    }
  }

  @Test("a code one character off is not found", arguments: HuaweiCloudService.allCases)
  func nearMissesAreNil(service: HuaweiCloudService) {
    for entry in service.entries {
      let code = entry.code
      var misses = [
        code + "0", "0" + code, String(code.dropLast()), code + "\n", code + "\0", "\u{A0}" + code,
        code.replacingOccurrences(of: ".", with: "-"),
      ]
      if let digit = code.last, let value = digit.wholeNumberValue {
        misses.append(String(code.dropLast()) + String((value + 1) % 10))
      }
      for miss in misses where !Self.keys.contains(miss.lowercased().filter { $0 != " " && $0 != "\t" }) {
        #expect(HuaweiCloudCatalog.entry(code: miss) == nil, "\(miss.debugDescription)")
        #expect(HuaweiCloudCatalog.entries(code: miss).isEmpty, "\(miss.debugDescription)")
        #expect(!HuaweiCloudErrorCode(miss).isDocumented)
      }
    }
  }

  @Test(
    "codes compare ignoring letter case and spaces: lookups, equality, hashing and catching agree",
    arguments: HuaweiCloudService.allCases)
  func oneRuleForCodes(service: HuaweiCloudService) throws {
    for entry in service.entries {
      for spelling in [
        entry.code.lowercased(), entry.code.uppercased(), entry.code.prefix(1) + entry.code.dropFirst().lowercased(),
        " " + entry.code + "\t", entry.code.replacingOccurrences(of: ".", with: ". "),
      ] {
        let spelling = String(spelling)
        #expect(HuaweiCloudCatalog.entry(code: spelling, service: entry.service) == entry)
        let received = HuaweiCloudErrorCode(spelling)
        #expect(received.entry(in: entry.service) == entry)
        #expect(received.rawValue == spelling)
        #expect(received == HuaweiCloudErrorCode(entry.code))
        #expect(received.hashValue == HuaweiCloudErrorCode(entry.code).hashValue)
        #expect(!(received < HuaweiCloudErrorCode(entry.code)) && !(HuaweiCloudErrorCode(entry.code) < received))
        let error = HuaweiCloudError(status: entry.status ?? 400, code: received, service: entry.service)
        #expect(error.entry == (entry.isSuccess && (entry.status ?? 400) >= 400 ? nil : entry))
        #expect(HuaweiCloudErrorCode(entry.code) ~= error)
      }
    }
  }

  /// The rule in plain code: letters lowered, spaces and tabs left out, then a dictionary.
  static let referenceIndex: [[UInt8]: [CatalogEntry]] = Dictionary(
    grouping: HuaweiCloudCatalog.entries, by: { referenceKey($0.code) })

  static func referenceKey(_ code: String) -> [UInt8] {
    code.utf8.filter { $0 != 0x20 && $0 != 0x09 }.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
  }

  @Test(
    "code lookup gives what the plain rule gives, for every code and its neighbours in byte value",
    arguments: HuaweiCloudService.allCases)
  func lookupAgreesWithPlainRule(service: HuaweiCloudService) {
    for entry in service.entries {
      let code = entry.code
      var spellings = [code, code.uppercased(), code + "@", code + "[", "`" + code, "{" + code, "À" + code, code + "Z"]
      // Each letter swapped with the bytes beside the capitals' range, and a space inside.
      for (offset, character) in code.enumerated() where character.isLetter && character.isASCII {
        for replacement in ["@", "[", "`", "{", "À", " ", "\t"] {
          var changed = Array(code)
          changed[offset] = Character(replacement)
          spellings.append(String(changed))
        }
      }
      for spelling in spellings {
        let expected = Self.referenceIndex[Self.referenceKey(spelling)] ?? []
        #expect(HuaweiCloudCatalog.entries(code: spelling) == expected, "\(spelling)")
      }
    }
  }

  /// Strings of every length from 0 to 130 built from documented codes: the codes themselves
  /// (short, long and those over 24 bytes), padded with spaces and tabs on either side, split by
  /// them, cut and repeated, so that every way the lookup reads a string (whole words, the bytes of
  /// a short key, trimmed ends, a long key's length) meets keys that are and are not documented.
  static let everyLength: [String] = {
    let codes = HuaweiCloudCatalog.entries.map(\.code)
    let long = codes.filter { $0.utf8.count > 24 }
    var generator = SplitMix(seed: 24)
    var strings: [String] = long
    for length in 0...130 {
      for _ in 0..<12 {
        let code =
          Int.random(in: 0..<4, using: &generator) == 0
          ? long.randomElement(using: &generator)! : codes.randomElement(using: &generator)!
        var text = code
        // Half the strings only gain spaces and tabs, so that they stay documented codes.
        let spacesOnly = Bool.random(using: &generator)
        while text.utf8.count < length {
          switch Int.random(in: 0..<(spacesOnly ? 3 : 4), using: &generator) {
          case 0: text = " " + text
          case 1: text += "\t"
          case 2:
            let cut = text.index(text.startIndex, offsetBy: Int.random(in: 0...text.count, using: &generator))
            text.insert(" ", at: cut)
          default: text += code
          }
        }
        strings.append(String(decoding: text.utf8.prefix(length), as: UTF8.self))
      }
    }
    return strings
  }()

  @Test("strings of every length up to 130, spaced, cut and repeated, give what the plain rule gives")
  func everyLengthAgreesWithPlainRule() {
    var found = 0
    for string in Self.everyLength {
      let expected = string.utf8.count > 128 ? [] : Self.referenceIndex[Self.referenceKey(string)] ?? []
      found += expected.isEmpty ? 0 : 1
      #expect(HuaweiCloudCatalog.entries(code: string) == expected, "\(string.debugDescription)")
    }
    // The set reaches documented codes, not only misses.
    #expect(found > 500)
  }

  @Test(
    "malformed and unknown codes are nil",
    arguments: [
      "", ".", "IAM.", "IAM", "IAM..0001", "IAM.0001.", "IAM.-1", "IAM.+001", "IAM.0x01", "NOSUCH.0001", "APIGW.0999",
      "IAM.00000000000000000001", "IAM.99999999999999999999999", "1", "11000", "0", "Organizations.",
      "IAM.０００１", "IAM.0001\u{301}", "ΙΑΜ.0001", "\u{FEFF}IAM.0001",
    ])
  func malformedCodesAreNil(code: String) {
    #expect(HuaweiCloudCatalog.entry(code: code) == nil)
    #expect(HuaweiCloudErrorCode(code).entry == nil)
    #expect(IAMErrorCode(rawValue: code) == nil)
  }

  @Test("huge strings are not codes")
  func hugeCodes() {
    for code in [
      String(repeating: "9", count: 1 << 20), "IAM." + String(repeating: "0", count: 1 << 20),
      String(repeating: "é", count: 100_000),
    ] {
      #expect(HuaweiCloudCatalog.entry(code: code) == nil)
      #expect(HuaweiCloudErrorCode(code).entry == nil)
      #expect(IAMErrorCode(rawValue: code) == nil)
    }
  }

  @Test("IAM's bare numbers and IAM.-prefixed numbers are different codes")
  func bareNumbersAreDistinct() throws {
    let bare = try #require(HuaweiCloudCatalog.entry(code: "1101", service: .iam))
    let prefixed = try #require(HuaweiCloudCatalog.entry(code: "IAM.1101", service: .iam))
    #expect(bare != prefixed)
    #expect(bare.message == "Invalid username.")
    #expect(prefixed.message == "The request body size %s is invalid.")
    #expect(HuaweiCloudCatalog.entry(code: "IAM.1100") == nil)
    #expect(HuaweiCloudCatalog.entry(code: "1001", service: .iam) == nil)
  }

  @Test("leading zeros are part of a code")
  func leadingZerosMatter() {
    #expect(HuaweiCloudCatalog.entry(code: "PM.02150010") != nil)
    #expect(HuaweiCloudCatalog.entry(code: "PM.2150010") == nil)
    #expect(HuaweiCloudCatalog.entry(code: "CBC.0000") != nil)
    #expect(HuaweiCloudCatalog.entry(code: "CBC.000") == nil)
    #expect(HuaweiCloudCatalog.entry(code: "CBC.00000") == nil)
  }

  /// Every entry's statuses, own row and variants, read once.
  static let statuses: [(entry: CatalogEntry, statuses: Set<Int>)] = HuaweiCloudCatalog.entries.map { entry in
    (entry, Set(entry.rows.flatMap(\.statuses)))
  }

  @Test("entries by status are the entries documented with it, in catalog order")
  func entriesByStatus() {
    for status in 100...599 {
      let expected = Self.statuses.filter { $0.statuses.contains(status) }.map(\.entry)
      #expect(HuaweiCloudCatalog.entries(status: status) == expected, "\(status)")
    }
  }

  @Test("every documented status has entries")
  func documentedStatuses() {
    for status in Set(SeedRow.all.map(\.status)) {
      #expect(!HuaweiCloudCatalog.entries(status: status).isEmpty)
    }
    #expect(HuaweiCloudCatalog.entries(status: -1).isEmpty)
    #expect(HuaweiCloudCatalog.entries(status: Int.max).isEmpty)
  }

  @Test("entries by service are that service's entries, and all entries are the services' in order")
  func entriesByService() {
    var all: [CatalogEntry] = []
    for service in HuaweiCloudService.allCases {
      let entries = HuaweiCloudCatalog.entries(service: service)
      #expect(entries == HuaweiCloudCatalog.entries.filter { $0.service == service })
      #expect(entries == service.entries)
      all += entries
    }
    #expect(all == HuaweiCloudCatalog.entries)
  }

  @Test("services are found by identifier and nothing else", arguments: HuaweiCloudService.allCases)
  func serviceIdentifiers(service: HuaweiCloudService) {
    #expect(HuaweiCloudService(identifier: service.identifier) == service)
    #expect(HuaweiCloudService(identifier: service.identifier.uppercased()) == nil)
    #expect(service.description == service.identifier)
    // A code with a prefix (letters and a dot before its first digit) has one of the service's.
    for entry in service.entries {
      guard let digit = entry.code.firstIndex(where: \.isNumber),
        let dot = entry.code[..<digit].lastIndex(of: "."),
        entry.code[...dot].allSatisfy({ $0.isLetter || $0 == "." || $0 == "_" })
      else { continue }
      #expect(
        service.codePrefixes.contains { $0.lowercased() == entry.code[...dot].lowercased() }, "\(entry.code)")
    }
  }

  @Test("the services are in the order of their identifiers")
  func serviceList() {
    let identifiers = HuaweiCloudService.allCases.map(\.identifier)
    #expect(identifiers == identifiers.sorted())
    #expect(HuaweiCloudService.allCases == HuaweiCloudService.allCases.sorted())
    #expect(Set(identifiers).isSuperset(of: ["organizations", "iam", "projectman", "cbc", "apigw"]))
    #expect(HuaweiCloudService(identifier: "") == nil)
    #expect(HuaweiCloudService(identifier: "no-such-service") == nil)
  }
}

/// SplitMix64: the same strings in every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
