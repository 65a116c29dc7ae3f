/// How long and how often ``withHuaweiCloudRetries(policy:clock:jitter:reauthenticate:operation:)``
/// retries.
public struct HuaweiCloudRetryPolicy: Hashable, Sendable {
  /// Attempts in all, the first one included; at least 1 (a smaller number is kept as 1).
  public var maximumAttempts: Int {
    didSet { if maximumAttempts < 1 { maximumAttempts = 1 } }
  }
  /// The longest time from the first attempt to the start of the last, waits included.
  public var maximumDuration: Duration
  /// The cap of the first backoff; each later one doubles it, up to ``maximumDelay``.
  public var initialDelay: Duration
  /// The longest backoff.
  public var maximumDelay: Duration
  /// The longest `Retry-After` honoured: a server that asks for a longer wait is not retried.
  public var maximumRetryAfter: Duration

  /// A policy; the defaults suit an interactive call: 3 attempts within 30 seconds, backoffs of up
  /// to 0.2, 0.4, … seconds capped at 5, and a `Retry-After` of up to 10 seconds honoured.
  public init(
    maximumAttempts: Int = 3, maximumDuration: Duration = .seconds(30), initialDelay: Duration = .milliseconds(200),
    maximumDelay: Duration = .seconds(5), maximumRetryAfter: Duration = .seconds(10)
  ) {
    self.maximumAttempts = max(1, maximumAttempts)
    self.maximumDuration = maximumDuration
    self.initialDelay = initialDelay
    self.maximumDelay = maximumDelay
    self.maximumRetryAfter = maximumRetryAfter
  }

  /// The cap of the backoff after `failures` failed attempts: `initialDelay · 2^(failures − 1)`,
  /// at most ``maximumDelay``, and never negative (a negative delay is taken as zero).
  public func backoffCap(afterFailures failures: Int) -> Duration {
    var cap = max(initialDelay, .zero)
    let limit = max(maximumDelay, .zero)
    for _ in 1..<max(1, min(failures, 62)) {
      // Doubling is asked as `cap ≥ limit − cap`, so that no policy, however long, overflows.
      if cap >= limit - cap { return limit }
      cap *= 2
    }
    return min(cap, limit)
  }

  /// Full jitter: a delay drawn evenly from zero to `cap`.
  public static func fullJitter(_ cap: Duration) -> Duration {
    guard cap > .zero else { return .zero }
    // Past about 292 years the nanoseconds would not fit an Int64; no wait is that long.
    let seconds = min(cap.components.seconds, 9_000_000_000)
    let nanoseconds = seconds * 1_000_000_000 + cap.components.attoseconds / 1_000_000_000
    return .nanoseconds(Int64.random(in: 0...max(0, nanoseconds)))
  }
}

/// Runs `operation`, and retries it as the ``HuaweiCloudError`` it throws (or wraps) advises.
///
/// - ``HuaweiCloudError/RetryAdvice/backoff``: waits, then retries. The wait is drawn by `jitter`
///   (full jitter by default) from zero up to a cap that doubles with each failure, from
///   ``HuaweiCloudRetryPolicy/initialDelay`` up to ``HuaweiCloudRetryPolicy/maximumDelay``; a
///   `Retry-After` the response gives (``HuaweiCloudError/retryAfter``) is waited at least, unless
///   it is longer than ``HuaweiCloudRetryPolicy/maximumRetryAfter``, which ends the retries.
/// - ``HuaweiCloudError/RetryAdvice/reauthenticate``: calls `reauthenticate` (at most once per
///   call of this function), then retries at once; without `reauthenticate`, or the second time,
///   the error is thrown.
/// - ``HuaweiCloudError/RetryAdvice/no``, and any error that is not a Huawei Cloud error: thrown at
///   once.
///
/// Retries stop when ``HuaweiCloudRetryPolicy/maximumAttempts`` are made or the next attempt would
/// start later than ``HuaweiCloudRetryPolicy/maximumDuration`` after the first; the last error is
/// thrown. Cancelling the task ends a wait at once with `CancellationError`.
///
/// - Parameters:
///   - policy: The limits.
///   - clock: The clock to wait on, the continuous clock by default; a test passes a clock of its
///     own.
///   - jitter: The wait, given its cap; a negative wait is no wait.
///   - reauthenticate: Gets a new token or credentials.
///   - operation: The call to make.
/// - Returns: What `operation` returns, once it succeeds.
/// - Throws: The last error `operation` threw, `reauthenticate`'s error, or `CancellationError`.
public func withHuaweiCloudRetries<Value, C: Clock>(
  policy: HuaweiCloudRetryPolicy = HuaweiCloudRetryPolicy(), clock: C = ContinuousClock(),
  jitter: (Duration) -> Duration = HuaweiCloudRetryPolicy.fullJitter, reauthenticate: () async throws -> Void,
  operation: () async throws -> Value
) async throws -> Value where C.Duration == Duration {
  var reauthenticated = false
  return try await retrying(policy: policy, clock: clock, jitter: jitter, operation: operation) {
    guard !reauthenticated else { return false }
    reauthenticated = true
    try await reauthenticate()
    return true
  }
}

/// Runs `operation`, and retries it as the ``HuaweiCloudError`` it throws (or wraps) advises, for
/// a caller that cannot get a new token: as
/// ``withHuaweiCloudRetries(policy:clock:jitter:reauthenticate:operation:)``, but an error that
/// advises ``HuaweiCloudError/RetryAdvice/reauthenticate`` is thrown at once.
///
/// - Parameters:
///   - policy: The limits.
///   - clock: The clock to wait on, the continuous clock by default; a test passes a clock of its
///     own.
///   - jitter: The wait, given its cap; a negative wait is no wait.
///   - operation: The call to make.
/// - Returns: What `operation` returns, once it succeeds.
/// - Throws: The last error `operation` threw, or `CancellationError`.
public func withHuaweiCloudRetries<Value, C: Clock>(
  policy: HuaweiCloudRetryPolicy = HuaweiCloudRetryPolicy(), clock: C = ContinuousClock(),
  jitter: (Duration) -> Duration = HuaweiCloudRetryPolicy.fullJitter, operation: () async throws -> Value
) async throws -> Value where C.Duration == Duration {
  try await retrying(policy: policy, clock: clock, jitter: jitter, operation: operation) { false }
}

/// The retry loop; `reauthenticate` gets new credentials and says whether it did.
private func retrying<Value, C: Clock>(
  policy: HuaweiCloudRetryPolicy, clock: C, jitter: (Duration) -> Duration, operation: () async throws -> Value,
  reauthenticate: () async throws -> Bool
) async throws -> Value where C.Duration == Duration {
  let start = clock.now
  var failures = 0
  while true {
    do {
      return try await operation()
    } catch {
      failures += 1
      guard let failure = HuaweiCloudError.find(in: error), failures < policy.maximumAttempts else { throw error }
      switch failure.retryAdvice {
      case .reauthenticate:
        guard try await reauthenticate() else { throw error }
      case .backoff:
        // A jitter's wait is kept between zero and about 292 billion years: a clock's instant
        // plus any wait then fits in its `Duration`.
        var delay = min(max(jitter(policy.backoffCap(afterFailures: failures)), .zero), .seconds(Int64.max))
        if let retryAfter = failure.retryAfter {
          guard retryAfter <= policy.maximumRetryAfter else { throw error }
          delay = max(delay, retryAfter)
        }
        // Asked as a subtraction of a non-negative time from a longer one: a custom jitter or
        // policy of any length cannot overflow it.
        let elapsed = max(start.duration(to: clock.now), .zero)
        guard elapsed <= policy.maximumDuration, delay <= policy.maximumDuration - elapsed else { throw error }
        try await clock.sleep(for: delay)
      default:
        throw error
      }
      try Task.checkCancellation()
    }
  }
}
