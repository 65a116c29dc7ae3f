// What error reporters ask of an error, under the names they use: Vapor's `DebuggableError`
// (identifier, reason, possibleCauses, suggestedFixes, documentationLinks) and swift-log's
// metadata. Declared here without depending on either, so that a user's conformance is one line:
//
//     extension HuaweiCloudError: @retroactive DebuggableError {}

extension HuaweiCloudError {
  /// The code as the response gave it, else the documented entry's code (found by the message),
  /// else `HTTP 503`: a short identifier for logs and error pages.
  public var identifier: String {
    code?.rawValue ?? entry?.code ?? "HTTP \(statusCode)"
  }

  /// The message as received, else the documented message, else `HTTP 503`.
  public var reason: String {
    message ?? documentedRow?.message ?? "HTTP \(statusCode)"
  }

  /// The documented description of the row that fits, or, when several services document the
  /// code, each candidate's (`CODE (service): description`). Empty when the catalog does not
  /// describe the error.
  public var possibleCauses: [String] {
    if let documentedRow { return documentedRow.description.map { [$0] } ?? [] }
    return candidates.compactMap { candidate in
      candidate.description.map { "\(candidate.code) (\(candidate.service.identifier)): \($0)" }
    }
  }

  /// The documented solution of the row that fits, one item per line of it (a leading `- ` taken
  /// off), followed by what the retry advice says to do when it says to retry. Empty when neither
  /// says anything.
  public var suggestedFixes: [String] {
    var fixes: [String] = []
    if let solution = documentedRow?.solution {
      for line in solution.split(separator: "\n") {
        let item = line.hasPrefix("- ") ? line.dropFirst(2) : line[...]
        let trimmed = String(item).trimmingSpaces
        if !trimmed.isEmpty { fixes.append(trimmed) }
      }
    }
    switch retryAdvice {
    case .backoff:
      if let retryAfter {
        let (seconds, attoseconds) = retryAfter.components
        let whole = seconds + (attoseconds > 0 ? 1 : 0)
        fixes.append("Retry after \(whole) second\(whole == 1 ? "" : "s") or more.")
      } else {
        fixes.append("Retry after a growing delay.")
      }
    case .reauthenticate: fixes.append("Get a new token or new credentials, then retry.")
    default: break
    }
    return fixes
  }

  /// The web addresses of the tables that document the row that fits: its sources that are web
  /// pages or files in public repositories. Empty when the error is not documented or its table
  /// was captured from a page without a recorded address.
  public var documentationLinks: [String] {
    documentedRow?.sources.compactMap(Self.link(forSource:)) ?? []
  }

  /// A source as a web address: `https://…` as is, `github:OWNER/NAME@COMMIT:PATH` as the file's
  /// page on GitHub, anything else (a captured page's file name) `nil`.
  static func link(forSource source: String) -> String? {
    if source.hasPrefix("https://") || source.hasPrefix("http://") { return source }
    guard source.hasPrefix("github:"), let at = source.firstIndex(of: "@") else { return nil }
    let repository = source[source.index(source.startIndex, offsetBy: 7)..<at]
    let rest = source[source.index(after: at)...]
    guard let colon = rest.firstIndex(of: ":") else { return nil }
    let path = rest[rest.index(after: colon)...].split(separator: "/").map { percentEncoded($0) }
    return "https://github.com/\(repository)/blob/\(rest[..<colon])/\(path.joined(separator: "/"))"
  }

  /// A path segment with every byte outside `A-Z a-z 0-9 - . _ ~` percent-encoded.
  private static func percentEncoded(_ segment: Substring) -> String {
    var output = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".utf8)
        output += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
      }
    }
    return output
  }

  /// What a structured logger should record about the error: `huaweicloud.status`, and where
  /// known `huaweicloud.code`, `huaweicloud.service`, `huaweicloud.request_id`,
  /// `huaweicloud.category` and `huaweicloud.retry`. Keys with no value are left out.
  ///
  /// With swift-log: `logger.error("…", metadata: error.logMetadata.mapValues { .string($0) })`.
  public var logMetadata: [String: String] {
    var metadata = ["huaweicloud.status": String(statusCode)]
    metadata["huaweicloud.code"] = code?.rawValue ?? entry?.code
    metadata["huaweicloud.service"] = service?.identifier
    metadata["huaweicloud.request_id"] = requestID
    if isError {
      metadata["huaweicloud.category"] = category.rawValue
      metadata["huaweicloud.retry"] = retryAdvice.rawValue
    }
    return metadata
  }
}
