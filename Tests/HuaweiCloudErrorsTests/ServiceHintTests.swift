import HuaweiCloudErrors
import Testing

/// A service is not a code prefix: codes that several services document, and the hints that
/// decide between them.
@Suite("Codes several services document, and the hints that decide")
struct ServiceHintTests {
  static let sharedCodes: [String] = {
    var seen: [String: Int] = [:]
    for entry in HuaweiCloudCatalog.entries { seen[entry.code.lowercased(), default: 0] += 1 }
    return HuaweiCloudCatalog.entries.map(\.code).filter { seen[$0.lowercased()]! > 1 }
  }()

  @Test("a lookup by code returns every service that documents it, and a lookup within one service its own")
  func everyService() throws {
    let vpc = HuaweiCloudCatalog.entries(code: "VPC.0003").map(\.service)
    #expect(Set(vpc).isSuperset(of: [.vpc, .eip, .nat]))
    let db = Set(HuaweiCloudCatalog.entries(code: "DBS.200501").map(\.service))
    #expect(db.count >= 2)
    for service in vpc {
      #expect(HuaweiCloudCatalog.entry(code: "VPC.0003", service: service)?.service == service)
      #expect(HuaweiErrorCodeHelper.entry("VPC.0003", in: service)?.service == service)
    }
    #expect(HuaweiCloudCatalog.entry(code: "VPC.0003", service: .iam) == nil)
    #expect(Set(HuaweiCloudCatalog.entries(code: "BucketNotEmpty").map(\.service)) == [.obs, .sfs])
  }

  @Test("without a hint, a shared code picks no service's entry and names them all", arguments: sharedCodes.prefix(400))
  func ambiguousWithoutHint(code: String) throws {
    let entries = HuaweiCloudCatalog.entries(code: code)
    #expect(entries.count > 1)
    #expect(HuaweiCloudCatalog.entry(code: code) == nil)
    #expect(HuaweiCloudErrorCode(code).entry == nil)
    #expect(CatalogEntry(code: code) == nil)
    // A response with no message to tell them apart is ambiguous, with every service's entry.
    let error = HuaweiCloudError(status: 400, code: HuaweiCloudErrorCode(code))
    #expect(error.entry == nil)
    #expect(error.resolution == .ambiguous)
    #expect(Set(error.candidates) == Set(entries.filter { !$0.isSuccess }))
    #expect(HuaweiCloudErrorCode(code) ~= error)
  }

  @Test("with a hint, the hinted service's entry, whatever the message", arguments: sharedCodes.prefix(400))
  func hintDecides(code: String) throws {
    for entry in HuaweiCloudCatalog.entries(code: code) where !entry.isSuccess {
      let error = HuaweiCloudError(
        status: entry.status ?? 400, code: HuaweiCloudErrorCode(code), service: entry.service)
      #expect(error.entry == entry)
      #expect(error.resolution == .code)
      #expect(error.service == entry.service)
      #expect(error.candidates.isEmpty)
    }
  }

  /// Shared codes with a message that one service's rows have and another's do not.
  static let telling: [(code: String, message: String, service: HuaweiCloudService)] = sharedCodes.compactMap { code in
    let entries = HuaweiCloudCatalog.entries(code: code)
    for entry in entries {
      for message in entry.rows.compactMap(\.message) {
        let others = entries.filter { other in other.rows.contains { $0.message == message } }
        if others == [entry] { return (code, message, entry.service) }
      }
    }
    return nil
  }

  @Test("without a hint, a message that only one service's rows fit decides")
  func messageDecides() throws {
    #expect(Self.telling.count >= 50)
    for (code, message, service) in Self.telling {
      let error = HuaweiCloudError(status: 400, code: HuaweiCloudErrorCode(code), message: message)
      #expect(error.entry?.service == service, "\(code): \(message)")
      #expect(error.resolution == .code)
    }
    // NAT's VPC.0003 "VPC does not exit." is NAT's alone.
    #expect(HuaweiCloudError(status: 404, code: "VPC.0003", message: "VPC does not exit.").entry?.service == .nat)
  }

  @Test("a hint for a service that does not document the code does not hide the others")
  func foreignHint() throws {
    let error = HuaweiCloudError(status: 401, code: "IAM.0066", service: .ecs)
    #expect(error.entry == IAMErrorCode.tokenExpired.entry)
  }

  @Test(
    "endpoint hosts name their services",
    arguments: [
      ("ecs.ap-southeast-1.myhuaweicloud.com", ["ecs"]), ("https://ECS.cn-north-4.myhuaweicloud.com:443/v1/x", ["ecs"]),
      ("obs.cn-north-4.myhuaweicloud.com", ["obs"]), ("my-bucket.obs.cn-north-4.myhuaweicloud.com", ["obs"]),
      ("ecs.obs.cn-north-4.myhuaweicloud.com", ["obs"]), ("iam.myhuaweicloud.com", ["iam"]),
      // EIP's API is served on VPC's endpoint, which names VPC; the message services share `dms`.
      ("vpc.eu-de.otc.t-systems.com", ["vpc"]),
      ("dms.cn-north-4.myhuaweicloud.com", ["dms-kafka", "dms-rocketmq"]),
      ("swr-api.ap-southeast-3.myhuaweicloud.com", ["swr"]), ("aos.cn-north-4.myhuaweicloud.com", ["rfs"]),
      ("dcaas.cn-north-4.myhuaweicloud.com", ["dc"]), ("gaussdb-nosql.cn-north-4.myhuaweicloud.com", ["geminidb"]),
      ("example.com", []), ("", []), ("...", []),
    ])
  func hosts(host: String, expected: [String]) {
    #expect(HuaweiCloudService.services(host: host).map(\.identifier) == expected)
  }

  @Test(
    "every service has an identifier, a title, a code type and the host labels its JSON gives",
    arguments: HuaweiCloudService.allCases)
  func metadata(service: HuaweiCloudService) {
    #expect(!service.title.isEmpty)
    #expect(HuaweiCloudService(identifier: service.identifier) == service)
    #expect(!service.entries.isEmpty)
    #expect(!service.tables.isEmpty)
    for label in service.hostLabels {
      #expect(HuaweiCloudService.services(host: "\(label).cn-north-4.myhuaweicloud.com").contains(service))
    }
  }

  @Test("a response read with its host resolves a shared code to that host's service")
  func responseWithHost() throws {
    let body = Array(#"{"error_code": "VPC.0003", "error_msg": "VPC does not exist."}"#.utf8)
    let byHost = try #require(
      HuaweiCloudError(status: 404, headers: [], body: body, host: "vpc.cn-north-4.myhuaweicloud.com"))
    #expect(byHost.entry?.service == .vpc)
    let byService = try #require(HuaweiCloudError(status: 404, headers: [], body: body, service: .eip))
    #expect(byService.entry?.service == .eip)
    let neither = try #require(HuaweiCloudError(status: 404, headers: [], body: body))
    #expect(neither.entry == nil && neither.resolution == .ambiguous)
  }

  @Test("identical messages of several services all come back, ranked by the hint")
  func messagesRankByHint() throws {
    let message = "The subnet does not exist."
    let all = HuaweiCloudCatalog.matches(for: message)
    #expect(Set(all.map(\.entry.service)).count >= 2)
    for service in Set(all.map(\.entry.service)) {
      let hinted = HuaweiCloudCatalog.matches(for: message, service: service)
      #expect(hinted.count == all.count)
      #expect(hinted.first?.entry.service == service)
    }
    // A body without a code is resolved by its message only when one entry is best.
    let error = HuaweiCloudError(status: 400, message: message)
    #expect(error.entry == nil)
    #expect(error.resolution == .ambiguous)
    #expect(error.candidates.count >= 2)
    let hinted = HuaweiCloudError(status: 400, message: message, service: .ecs)
    #expect(hinted.entry?.service == .ecs)
  }
}

/// The open code's lookup within a service, as a user would call it.
enum HuaweiErrorCodeHelper {
  static func entry(_ code: String, in service: HuaweiCloudService) -> CatalogEntry? {
    HuaweiCloudErrorCode(code).entry(in: service)
  }
}

@Suite("The README's table of services")
struct ReadmeServicesTableTests {
  @Test("lists every service with its title, code prefixes, number of codes and page date")
  func table() throws {
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let after = try #require(
      readme.components(separatedBy: "<!-- services: generated from the catalog, checked by a test -->").last)
    let rows = after.split(separator: "\n").drop { !$0.hasPrefix("| service") }.dropFirst(2).prefix {
      $0.hasPrefix("|")
    }
    let cells = rows.map {
      $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    #expect(cells.map { $0[0] } == HuaweiCloudService.allCases.map { "`\($0.identifier)`" })
    for (cell, service) in zip(cells, HuaweiCloudService.allCases) {
      #expect(cell[1] == service.title)
      #expect(cell[2] == service.codePrefixes.map { "`\($0)`" }.joined(separator: " "))
      #expect(cell[3] == String(service.entries.count), "\(service)")
      #expect(cell[5] == (service.tables.compactMap(\.pageDate).max() ?? ""), "\(service)")
    }
  }
}

@Suite("The README's categories table")
struct ReadmeCategoriesTableTests {
  static let categories: [HuaweiCloudError.Category] = [
    .authentication, .authorization, .throttling, .quota, .notFound, .conflict, .invalidRequest, .state, .server,
    .unavailable, .success,
  ]

  @Test("gives the number of codes of each category per service, by each code's own row, and the totals")
  func table() throws {
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let after = try #require(
      readme.components(separatedBy: "<!-- categories: generated from the catalog, checked by a test -->").last)
    let lines = after.split(separator: "\n").drop { !$0.hasPrefix("| service") }.prefix { $0.hasPrefix("|") }
    let cells = lines.map {
      $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    try #require(cells.count == HuaweiCloudService.allCases.count + 3)
    #expect(cells[0] == ["service"] + Self.categories.map(\.rawValue))
    for (cell, service) in zip(cells.dropFirst(2), HuaweiCloudService.allCases) {
      #expect(cell[0] == "`\(service.identifier)`")
      let counts = Self.categories.map { category in service.entries.filter { $0.row.category == category }.count }
      #expect(cell.dropFirst().map { Int($0) } == counts, "\(service)")
    }
    let totals = Self.categories.map { category in
      HuaweiCloudCatalog.entries.filter { $0.row.category == category }.count
    }
    #expect(cells.last?.dropFirst().map { Int($0) } == totals)
    #expect(totals.reduce(0, +) == HuaweiCloudCatalog.entries.count)
  }
}
