extension HuaweiCloudError {
  /// What kind of failure an error is: what a caller can do about it.
  ///
  /// Every documented row of the catalog has one, derived from its status and text by written rules
  /// and reviewed (see the catalog's `Classification`); an undocumented error's comes from its
  /// status.
  public struct Category: Hashable, Sendable, CustomStringConvertible {
    /// The category's name: `authentication`, `notFound`, ….
    public let rawValue: String

    init(_ rawValue: String) {
      self.rawValue = rawValue
    }

    /// The caller's identity was not established: a missing, expired or invalid token, a wrong
    /// password or signature.
    public static let authentication = Category("authentication")
    /// The caller is known but not allowed to do this.
    public static let authorization = Category("authorization")
    /// Too many requests in too little time.
    public static let throttling = Category("throttling")
    /// A count or size limit of the account or resource is reached ("has reached the upper limit").
    public static let quota = Category("quota")
    /// Something the request names does not exist.
    public static let notFound = Category("notFound")
    /// Something already exists, or is in use.
    public static let conflict = Category("conflict")
    /// The request itself is wrong: a missing or malformed parameter, an unsupported value.
    public static let invalidRequest = Category("invalidRequest")
    /// The resource's state forbids it now (being created, frozen, in the wrong status).
    public static let state = Category("state")
    /// The service failed internally.
    public static let server = Category("server")
    /// The service, or one it depends on, is unavailable or timed out.
    public static let unavailable = Category("unavailable")
    /// Not a failure: the code means success (`CBC.0000`, `APIG.0000`).
    public static let success = Category("success")

    /// The name.
    public var description: String { rawValue }
  }

  /// Whether and how a caller should retry a failed request.
  public struct RetryAdvice: Hashable, Sendable, CustomStringConvertible {
    /// `no`, `backoff` or `reauthenticate`.
    public let rawValue: String

    init(_ rawValue: String) {
      self.rawValue = rawValue
    }

    /// Do not retry: the same request fails again.
    public static let no = RetryAdvice("no")
    /// Wait, then retry: with a growing delay, or after `Retry-After`.
    public static let backoff = RetryAdvice("backoff")
    /// Get a new token or credentials, then retry.
    public static let reauthenticate = RetryAdvice("reauthenticate")

    /// The name.
    public var description: String { rawValue }
  }
}

extension HuaweiCloudError {
  /// What kind of failure this is: the documented row's category; for an error the catalog does not
  /// document, the status's (401 authentication, 403 authorization, 404 not found, 409 conflict,
  /// 429 throttling, 502, 503 and 504 unavailable, other 5xx server, anything else an invalid
  /// request).
  public var category: Category {
    if let documentedRow { return documentedRow.category }
    switch statusCode {
    case 401: return .authentication
    case 403: return .authorization
    case 404: return .notFound
    case 409: return .conflict
    case 429: return .throttling
    case 502, 503, 504: return .unavailable
    case 500...599: return .server
    default: return .invalidRequest
    }
  }

  /// Whether ``category`` is ``Category/throttling``, read without loading the row's record.
  var isThrottling: Bool { Self.isThrottling(row: documentedRow, status: statusCode) }

  /// Whether `row` is a throttling row, or, for none, `status` is 429.
  static func isThrottling(row: CatalogEntry.Row?, status: Int) -> Bool {
    guard let row else { return status == 429 }
    return CatalogStorage.store.throttlingRows[Int(row.index)]
  }

  /// Whether and how to retry: the documented row's advice, refined by the detail a message carries
  /// after a documented text (the gateway's `APIGW.0301` "… : token expires" is worth a new token,
  /// "… : verify aksk signature fail" is not: repeated signature failures lock the key). For an
  /// error the catalog does not document, the status decides: 429, 502, 503, 504 and every other
  /// 5xx give ``RetryAdvice/backoff``, 401 gives ``RetryAdvice/reauthenticate``, anything else
  /// ``RetryAdvice/no``.
  public var retryAdvice: RetryAdvice {
    guard let documentedRow else {
      switch statusCode {
      case 401: return .reauthenticate
      case 429, 500...599: return .backoff
      default: return .no
      }
    }
    if documentedRow.category == .authentication, let detail = arguments["detail"] {
      return Self.authenticationAdvice(detail) ?? documentedRow.retryAdvice
    }
    return documentedRow.retryAdvice
  }

  /// What an authentication failure's free text says of retrying: a new token helps when it speaks
  /// of an expired or invalid token or credential; nothing helps when it speaks of signatures,
  /// keys, passwords or locked users; `nil` when it says neither.
  static func authenticationAdvice(_ text: String) -> RetryAdvice? {
    let text = text.lowercased()
    let permanent = ["signature", "aksk", "ak/sk", "access key", "password", "locked", "disabled", "blacklist", "mfa"]
    if permanent.contains(where: text.contains) { return .no }
    let renewable = ["token", "credential", "session", "expire"]
    if renewable.contains(where: text.contains) { return .reauthenticate }
    return nil
  }

  /// How long a throttled caller should wait, from the response: the `Retry-After` header (seconds,
  /// or an HTTP date, counted from the `Date` header when there is one), else `Retry-After-Ms`.
  /// `nil` when the response says nothing of it.
  static func retryAfter(_ headers: ResponseHeaders, now: () -> Double?) -> Duration? {
    if let value = headers.retryAfter?.trimmingSpaces {
      if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
      if let date = HTTPDate.seconds(value) {
        guard let reference = headers.date.flatMap(HTTPDate.seconds) ?? now() else { return nil }
        return .milliseconds(Int64(max(0, date - reference) * 1000))
      }
    }
    if let value = headers.retryAfterMilliseconds?.trimmingSpaces, let milliseconds = Int64(value), milliseconds >= 0 {
      return .milliseconds(milliseconds)
    }
    return nil
  }

  /// The window a throttling text names: IAM's "Threshold: 10 times per 60 seconds" (its second
  /// value), the gateway's "… limit:5,time:1 second".
  static func throttlingWindow(in text: String) -> Duration? {
    let lowered = Array(text.lowercased().utf8)
    for marker in ["per ", "time:", "time: "] {
      let needle = Array(marker.utf8)
      var start = 0
      while start + needle.count <= lowered.count {
        guard lowered[start..<(start + needle.count)].elementsEqual(needle) else {
          start += 1
          continue
        }
        var position = start + needle.count
        var number = 0
        var digits = 0
        while position < lowered.count, lowered[position] &- UInt8(ascii: "0") < 10, digits < 9 {
          number = number * 10 + Int(lowered[position] &- UInt8(ascii: "0"))
          position += 1
          digits += 1
        }
        while position < lowered.count, lowered[position] == UInt8(ascii: " ") { position += 1 }
        let unit = String(decoding: lowered[position...].prefix(12), as: UTF8.self)
        if digits > 0 {
          if unit.hasPrefix("ms") || unit.hasPrefix("millisecond") { return .milliseconds(number) }
          if unit.hasPrefix("s") { return .seconds(number) }
          if unit.hasPrefix("min") { return .seconds(number * 60) }
        }
        start += 1
      }
    }
    return nil
  }
}

/// HTTP dates (RFC 9110: `Sun, 06 Nov 1994 08:49:37 GMT`), as seconds since 1970.
enum HTTPDate {
  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// The seconds since 1970 of an IMF-fixdate, or `nil` when the text is not one.
  static func seconds(_ text: String) -> Double? {
    // `Sun, 06 Nov 1994 08:49:37 GMT`: the weekday is not needed.
    let parts = text.split(separator: " ")
    guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
      let month = months.firstIndex(of: parts[2].lowercased())
    else { return nil }
    let time = parts[4].split(separator: ":").compactMap { Int($0) }
    guard time.count == 3, (1...31).contains(day), (1970...9999).contains(year), (0...23).contains(time[0]),
      (0...59).contains(time[1]), (0...60).contains(time[2])
    else { return nil }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = month < 2 ? year - 1 : year
    let era = y / 400
    let yearOfEra = y - era * 400
    let monthIndex = (month + 9) % 12
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return Double(days * 86_400 + time[0] * 3_600 + time[1] * 60 + time[2])
  }
}
