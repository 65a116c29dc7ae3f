import HuaweiCloudErrors
import Testing

/// A header field shaped like swift-http-types' `HTTPField`: a name type of its own.
struct FieldStandIn {
  struct Name { var rawName: String }
  var name: Name
  var value: String
}

@Suite("Reporting an error: reporters' properties, log metadata, any header type")
struct ReportingTests {
  @Test("any header-field sequence is read through the two closures, as the tuple form reads it")
  func genericHeaders() throws {
    let body = Array(#"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}"#.utf8)
    let fields = [
      FieldStandIn(name: .init(rawName: "x-request-id"), value: "req-1"),
      FieldStandIn(name: .init(rawName: "Retry-After"), value: "7"),
    ]
    // Outside the macros, which cannot take key paths as non-escaping closures.
    let read = HuaweiCloudError(status: 429, headers: fields, name: \.name.rawName, value: \.value, body: body)
    let success = HuaweiCloudError(status: 200, headers: fields, name: \.name.rawName, value: \.value, body: [])
    let error = try #require(read)
    let tuples = try #require(
      HuaweiCloudError(status: 429, headers: fields.map { ($0.name.rawName, $0.value) }, body: body))
    #expect(error == tuples)
    #expect(error.requestID == "req-1")
    #expect(error.retryAfter == .seconds(7))
    #expect(success == nil)
  }

  @Test("a documented error: its code, message, description, solution lines, advice and links")
  func documented() throws {
    let error = response(
      429, #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}"#,
      headers: [("Retry-After", "2")])
    let row = try #require(error.documentedRow)
    #expect(error.identifier == "APIGW.0308")
    #expect(error.reason == "The throttling threshold has been reached.")
    #expect(error.possibleCauses == [row.description!])
    // The gateway's solution is three "- " lines; each is a fix, then the advice.
    let lines = row.solution!.split(separator: "\n").map { String($0.dropFirst(2)) }
    #expect(lines.count == 3)
    #expect(error.suggestedFixes == lines + ["Retry after 2 seconds or more."])
    #expect(error.documentationLinks == row.sources.filter { $0.hasPrefix("https://") })
    #expect(!error.documentationLinks.isEmpty)
  }

  @Test("a table from a repository links to its file at the commit; a captured page has no link")
  func links() throws {
    let vpc = try #require(
      HuaweiCloudError(
        status: 404, headers: [], body: Array(#"{"error_code":"VPC.0003","error_msg":"VPC does not exist."}"#.utf8),
        service: .vpc))
    let source = try #require(vpc.documentedRow?.sources.first)
    #expect(source.hasPrefix("github:"))
    let link = try #require(vpc.documentationLinks.first)
    #expect(link.hasPrefix("https://github.com/opentelekomcloud-docs/"))
    #expect(link.contains("/blob/"))
    #expect(link.hasSuffix("/api-ref/source/appendix/error_codes.rst"))
    // A Chinese path is percent-encoded, so the link is a valid address.
    let chinese = try #require(
      HuaweiCloudCatalog.entries.first { $0.row.sources.contains { $0.contains("huaweicloudDocs/") } })
    let error = HuaweiCloudError(
      status: chinese.status ?? 400, code: HuaweiCloudErrorCode(chinese.code), message: chinese.message,
      service: chinese.service)
    #expect(error.documentationLinks.count == chinese.row.sources.count)
    #expect(
      error.documentationLinks.contains { $0.hasPrefix("https://github.com/huaweicloudDocs/") && $0.contains("%E") })
    #expect(error.documentationLinks.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && $0 > 0x20 } })
    // IAM's table is a captured page without an address.
    let iam = response(401, #"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#)
    #expect(iam.documentationLinks.isEmpty)
    #expect(iam.suggestedFixes == ["Use a valid token.", "Get a new token or new credentials, then retry."])
  }

  @Test("an undocumented error: the status names it, nothing is invented")
  func undocumented() {
    let error = response(400, #"{"error_code":"NOPE.0001"}"#)
    #expect(error.identifier == "NOPE.0001")
    #expect(error.reason == "HTTP 400")
    #expect(error.possibleCauses.isEmpty)
    #expect(error.suggestedFixes.isEmpty)
    #expect(error.documentationLinks.isEmpty)
    let unavailable = response(503, "")
    #expect(unavailable.identifier == "HTTP 503")
    #expect(unavailable.suggestedFixes == ["Retry after a growing delay."])
  }

  @Test("a code several services document: every candidate's description is a possible cause")
  func ambiguous() throws {
    let error = response(400, #"{"error_code":"DBS.280001","error_msg":"x"}"#)
    try #require(error.entry == nil)
    try #require(error.candidates.count > 1)
    #expect(error.possibleCauses.count == error.candidates.filter { $0.description != nil }.count)
    #expect(error.possibleCauses.allSatisfy { $0.hasPrefix("DBS.280001 (") })
  }

  @Test("log metadata names the code, service, status, request id, category and advice; no empty keys")
  func metadata() {
    let error = response(
      401, #"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#, headers: [("X-Request-Id", "r-9")])
    #expect(
      error.logMetadata == [
        "huaweicloud.status": "401", "huaweicloud.code": "IAM.0066", "huaweicloud.service": "iam",
        "huaweicloud.request_id": "r-9", "huaweicloud.category": "authentication",
        "huaweicloud.retry": "reauthenticate",
      ])
    let bare = response(502, "Bad Gateway")
    #expect(
      bare.logMetadata == [
        "huaweicloud.status": "502", "huaweicloud.category": "unavailable", "huaweicloud.retry": "backoff",
      ])
  }
}
