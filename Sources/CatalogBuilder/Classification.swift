/// What kind of failure a documented row is, and whether and how a caller should retry it.
///
/// Every row of the catalog has a category and a retry advice, stored in the JSON. They are derived
/// by the rules below from the row's status and text; a row whose stored values differ from the
/// rules' must say why (`categoryReason`, `retryReason`), and the generator refuses one that
/// does not. `generate-catalog classify` writes the rules' values into rows without a reason.
///
/// ## The category rules
///
/// Applied in this order to the message and description, lower-cased; the first that holds
/// decides:
///
/// 1. **success**: a 2xx row whose text says the request succeeded or a task was done, and
///    nothing of a failure (`CBC.0000`, `RDS.0000`; see `Importer.isSuccess`).
/// 2. **throttling**: the text speaks of throttling, request frequency or a rate (`throttl`,
///    `too many requests`, `too frequent`, `frequent operations`, `rate limit`, `flow control`), or the status is 429.
/// 3. **authentication**: the status is 401, or the text speaks of a token, a credential, a
///    signature, an access key or a password that is expired, invalid, missing or wrong.
/// 4. **authorization**: the text speaks of a permission, an authorization, a policy or access that
///    is denied or missing (`permission`, `not authorized`, `forbidden`, `access denied`).
/// 5. **quota**: the text speaks of a quota, an upper limit or a maximum number reached, or of
///    too many of something; a length in characters is not a quota, and neither is an operation
///    on a quota that failed (`ELB.1010` "Querying the load balancer quota failed."), unless the
///    text also says a limit was reached.
/// 6. **notFound**: the text says something does not exist or cannot be found, or the status is
///    404.
/// 7. **conflict**: the text says something already exists, is a duplicate, is in use or
///    conflicts, or the status is 409.
/// 8. **unavailable**: the text says the system or service is busy (`system is busy`, `query busy`):
///    the service is overloaded, whatever its status says.
/// 9. **server** or **invalidRequest**, for an operation on a quota that failed: invalidRequest when
///    the text says the request was invalid or failed validation, server otherwise.
/// 10. **state**: the text speaks of the resource's status or state, of something in progress,
///    frozen, locked, busy or in arrears.
/// 11. **authorization**, by status: 403.
/// 12. **unavailable**: the status is 502, 503 or 504, or the text says unavailable, timed out or
///     try again later.
/// 13. **invalidRequest**, against a 5xx status: the text says a value of the request is invalid,
///     incorrect, illegal or not supported, and does not speak of an internal error (`CBC.5015`
///     "Invalid account name." is a 500).
/// 14. **server**: any other 5xx, or the text speaks of an internal or system error or exception.
/// 15. **invalidRequest**: everything else: the request itself is wrong.
///
/// ## The retry rules
///
/// - **backoff** for throttling, unavailable and server rows: waiting and retrying can succeed.
/// - **backoff** also for a quota, state, conflict or invalid-request row whose own text says to
///   try again later (`try again later`, `retry later`, `try again after`, `wait … and try again`):
///   a job queue that is full or an operation in progress clears by itself.
/// - **reauthenticate** for authentication rows whose text speaks of an expired or invalid token
///   or temporary credential: a new token, then a retry, can succeed.
/// - **no** for everything else, authentication rows about passwords, locked or disabled users,
///   signatures and access keys included: repeating them fails again, and may lock the caller out.
package enum Classification: Sendable {
  /// The categories, as the JSON and the library spell them.
  package static let categories = [
    "authentication", "authorization", "throttling", "quota", "notFound", "conflict", "invalidRequest", "state",
    "server", "unavailable", "success",
  ]

  /// The retry advices.
  package static let advices = ["no", "backoff", "reauthenticate"]

  /// The rules' category for a row.
  package static func category(of row: CatalogRow, isSuccess: Bool) -> String {
    let text = [row.message, row.description].compactMap { $0 }.joined(separator: " ").lowercased()
    let statuses = row.statuses
    func has(_ words: [String]) -> Bool { words.contains { text.contains($0) } }
    func status(_ range: ClosedRange<Int>) -> Bool { statuses.contains { range.contains($0) } }

    if isSuccess { return "success" }
    if has(throttlingWords) || statuses.contains(429) { return "throttling" }
    if statuses.contains(401) || has(authenticationWords) { return "authentication" }
    if has(authorizationWords) { return "authorization" }
    let quotaOperationFailed = has(["quota"]) && has(failureWords) && !has(limitReachedWords)
    if has(quotaWords), !has(lengthWords), !quotaOperationFailed { return "quota" }
    if has(notFoundWords) || statuses.contains(404) { return "notFound" }
    if has(conflictWords) || statuses.contains(409) { return "conflict" }
    if has(busyWords) { return "unavailable" }
    if quotaOperationFailed {
      return has(invalidValueWords) || has(["validat", "verification"]) ? "invalidRequest" : "server"
    }
    if has(stateWords) { return "state" }
    if statuses.contains(403) { return "authorization" }
    if statuses.contains(where: { [502, 503, 504].contains($0) }) || has(unavailableWords) { return "unavailable" }
    if status(500...599), has(invalidValueWords), !has(serverWords), !text.contains("internal") {
      return "invalidRequest"
    }
    if status(500...599) || has(serverWords) { return "server" }
    return "invalidRequest"
  }

  /// The rules' retry advice for a row of `category`.
  package static func retry(of row: CatalogRow, category: String) -> String {
    let text = [row.message, row.description].compactMap { $0 }.joined(separator: " ").lowercased()
    switch category {
    case "throttling", "unavailable", "server": return "backoff"
    case "quota", "state", "conflict", "invalidRequest":
      return laterWords.contains { text.contains($0) } || text.contains("wait") && text.contains("try again")
        ? "backoff" : "no"
    case "authentication":
      let renewable = ["token", "credential", "session", "expired", "expires", "x-auth", "x-subject"]
      let permanent = [
        "password", "locked", "disabled", "blacklist", "mfa", "passcode", "inactive", "signature", "not match",
        "frozen", "verification code",
      ]
      return renewable.contains { text.contains($0) } && !permanent.contains { text.contains($0) }
        ? "reauthenticate" : "no"
    default: return "no"
    }
  }

  static let throttlingWords = [
    "throttl", "too many requests", "too frequent", "frequently", "request frequency", "access frequency",
    "rate limit", "ratelimit", "flow control", "traffic control", "requests per second", "request limit",
    "call limit", "frequency limit", "over limit of request", "frequent operations", "request is too much",
    "excessive requests",
  ]
  static let authenticationWords = [
    "token has expired", "token expired", "token is expired", "invalid token", "token is invalid", "token invalid",
    "token is missing", "missing token", "token is empty", "authentication failed", "authentication information",
    "requires authentication", "unauthenticated", "not authenticated", "authenticate failed", "incorrect password",
    "signature", "aksk", "ak/sk", "security token", "securitytoken", "temporary access key", "access key is invalid",
    "credential", "x-auth-token", "x-subject-token", "login",
  ]
  static let authorizationWords = [
    "permission", "not authorized", "unauthorized", "forbidden", "access denied", "no right", "not allowed to access",
    "privilege", "policy doesn't allow", "policy does not allow", "denied", "no access", "not have access",
    "authorize",
  ]
  static let quotaWords = [
    "quota", "upper limit", "maximum number", "reached the maximum", "reached the limit", "limit reached",
    "limit exceeded", "exceeds the limit", "exceeded the limit", "exceeds the maximum", "exceeded the maximum",
    "too many", "insufficient capacity", "insufficient resources", "resources are insufficient",
  ]
  /// A length limit is a malformed request, not a quota.
  static let lengthWords = ["character", "length", "too long", "bytes", "size of the"]
  static let notFoundWords = [
    "does not exist", "do not exist", "doesn't exist", "not exist", "not found", "cannot be found",
    "could not find", "can't be found", "cannot find", "no such", "not registered", "has been deleted",
    "have been deleted", "is deleted", "nonexistent", "non-existent",
  ]
  static let conflictWords = [
    "already exist", "already been", "duplicate", "conflict", "in use", "being used", "is used by", "are used by",
    "occupied", "already bound", "already associated", "already attached", "already used", "already in",
  ]
  /// An operation that failed, which on a quota is not the quota's limit.
  static let failureWords = ["fail", "error", "exception"]
  /// A limit that was reached: then a failure about a quota is the quota's.
  static let limitReachedWords = [
    "exceed", "reached", "insufficient", "exhausted", "upper limit", "maximum", "max.", "over limit", "no quota",
    "used up", "too many",
  ]
  /// A busy system is overloaded, not in a state the caller must change.
  static let busyWords = [
    "system is busy", "service is busy", "server is busy", "system busy", "service busy", "server busy",
    "query busy", "traffic is a little busy",
  ]
  /// Words of a request value that is wrong, which a 5xx status does not make a server fault.
  static let invalidValueWords = [
    "invalid", "incorrect", "illegal", "not support", "unsupported", "must be", "is required",
  ]
  /// The text's own advice to wait and repeat the request.
  static let laterWords = ["try again later", "retry later", "try again after", "minute later", "minutes later"]
  static let stateWords = [
    "status", "state", "being created", "being deleted", "being processed", "being modified", "being updated",
    "being restored", "being migrated", "is being", "are being", "in progress", "frozen", "locked", "arrears",
    "balance", "not ready",
    "busy", "is running", "is stopped", "pending", "expired", "has not been", "not enabled", "is disabled",
    "has been disabled", "not started", "is not available",
  ]
  static let unavailableWords = [
    "unavailable", "timed out", "timeout", "time out", "try again later", "retry later", "temporarily",
    "overload",
  ]
  static let serverWords = [
    "internal error", "internal server error", "internal service error", "internal exception", "system error",
    "system exception", "server error", "exception occurred", "unexpected error", "database error", "service error",
  ]

  /// The problems of a service's stored categories and advices: unknown values, missing ones, and
  /// values that differ from the rules' without a reason.
  package static func problems(in file: CatalogFile) -> [String] {
    var problems: [String] = []
    for entry in file.entries {
      for row in entry.allRows {
        let place = "\(file.service.identifier) \(entry.code)"
        guard let category = row.category, categories.contains(category) else {
          problems.append(
            "\(place): category \(row.category ?? "nil") is not one of \(categories.joined(separator: ", "))")
          continue
        }
        guard let retry = row.retry, advices.contains(retry) else {
          problems.append("\(place): retry \(row.retry ?? "nil") is not one of \(advices.joined(separator: ", "))")
          continue
        }
        if row == entry.row, entry.success != Importer.isSuccess(entry) {
          problems.append("\(place): success is \(entry.success), the rules say \(!entry.success)")
        }
        let expected = Self.category(of: row, isSuccess: entry.success && row == entry.row)
        if category != expected, row.categoryReason == nil {
          problems.append(
            "\(place): category \(category) is not the rules' \(expected), and no categoryReason says why")
        }
        if retry != Self.retry(of: row, category: category), row.retryReason == nil {
          problems.append(
            "\(place): retry \(retry) is not the rules' \(Self.retry(of: row, category: category)), and no retryReason says why"
          )
        }
      }
    }
    return problems
  }

  /// Writes the rules' category and advice into every row that has no reason to differ.
  package static func classify(_ file: inout CatalogFile) {
    for index in file.entries.indices {
      file.entries[index].success = Importer.isSuccess(file.entries[index])
      let success = file.entries[index].success
      func apply(_ row: inout CatalogRow, isOwn: Bool) {
        if row.categoryReason == nil { row.category = category(of: row, isSuccess: success && isOwn) }
        if row.retryReason == nil, let category = row.category { row.retry = retry(of: row, category: category) }
      }
      apply(&file.entries[index].row, isOwn: true)
      for variant in file.entries[index].variants.indices {
        apply(&file.entries[index].variants[variant], isOwn: false)
      }
    }
  }
}
