import HuaweiCloudErrors
import Testing

/// A clock whose sleeps return at once and only move its time forward, and which records them.
final class TestClock: Clock, @unchecked Sendable {
  struct Instant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
    func duration(to other: Instant) -> Duration { other.offset - offset }
    static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
  }

  private let state = Locked((now: Instant(offset: .zero), sleeps: [Duration]()))

  var now: Instant { state.withLock { $0.now } }
  var minimumResolution: Duration { .nanoseconds(1) }
  var sleeps: [Duration] { state.withLock { $0.sleeps } }

  func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    try Task.checkCancellation()
    state.withLock { state in
      state.sleeps.append(state.now.duration(to: deadline))
      state.now = max(state.now, deadline)
    }
  }

  func advance(by duration: Duration) {
    state.withLock { $0.now = $0.now.advanced(by: duration) }
  }
}

/// An operation that fails with the given errors, in turn, then succeeds.
final class Script: @unchecked Sendable {
  private let failures: Locked<[any Error]>
  private let calls = Locked(0)

  init(_ failures: [any Error]) {
    self.failures = Locked(failures)
  }

  var callCount: Int { calls.withLock { $0 } }

  func run() throws -> String {
    calls.withLock { $0 += 1 }
    if let failure = failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { throw failure }
    return "done"
  }
}

func response(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HuaweiCloudError {
  HuaweiCloudError(status: status, headers: headers, body: Array(body.utf8), service: nil)!
}

@Suite("Retrying as the catalog advises")
struct RetryTests {
  static let throttled = response(
    429, #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached."}"#)
  static let tokenExpired = response(401, #"{"error_code":"IAM.0066","error_msg":"The token has expired."}"#)
  static let badRequest = response(400, #"{"error_code":"IAM.0011","error_msg":"Request body is invalid."}"#)

  @Test("backoff waits a full-jitter delay under a doubling cap, then succeeds")
  func backoff() async throws {
    let clock = TestClock()
    let script = Script([Self.throttled, Self.throttled, Self.throttled])
    let policy = HuaweiCloudRetryPolicy(
      maximumAttempts: 5, maximumDuration: .seconds(60), initialDelay: .milliseconds(100),
      maximumDelay: .milliseconds(250))
    var caps: [Duration] = []
    let result = try await withHuaweiCloudRetries(
      policy: policy, clock: clock,
      jitter: { cap in
        caps.append(cap)
        return cap / 2
      }
    ) { try script.run() }
    #expect(result == "done")
    #expect(script.callCount == 4)
    #expect(caps == [.milliseconds(100), .milliseconds(200), .milliseconds(250)])
    #expect(clock.sleeps == [.milliseconds(50), .milliseconds(100), .milliseconds(125)])
  }

  @Test("full jitter draws from zero to the cap")
  func fullJitterRange() {
    let cap = Duration.milliseconds(300)
    let draws = (0..<2000).map { _ in HuaweiCloudRetryPolicy.fullJitter(cap) }
    #expect(draws.allSatisfy { $0 >= .zero && $0 <= cap })
    #expect(draws.contains { $0 < .milliseconds(30) })
    #expect(draws.contains { $0 > .milliseconds(270) })
    #expect(HuaweiCloudRetryPolicy.fullJitter(.zero) == .zero)
    #expect(HuaweiCloudRetryPolicy.fullJitter(.milliseconds(-5)) == .zero)
    // Extreme caps and policies give a wait, not a trap.
    #expect(HuaweiCloudRetryPolicy.fullJitter(.seconds(Int64.max)) >= .zero)
    let extreme = HuaweiCloudRetryPolicy(initialDelay: .seconds(Int64.max / 2), maximumDelay: .seconds(Int64.max))
    #expect(extreme.backoffCap(afterFailures: 100) == .seconds(Int64.max))
  }

  @Test(
    "a backoff cap doubles up to the maximum, is never negative, and no policy makes it trap",
    arguments: [
      (Duration.milliseconds(200), Duration.seconds(5)), (.zero, .seconds(5)), (.seconds(1), .zero),
      (.seconds(-1), .seconds(5)), (.seconds(-Int64.max), .seconds(5)), (.seconds(-Int64.max), .seconds(-Int64.max)),
      (.seconds(1), .seconds(-3)), (.seconds(Int64.max), .seconds(Int64.max)),
      (.seconds(3), .seconds(Int64.max)), (.nanoseconds(1), .seconds(Int64.max)),
    ])
  func backoffCapBounds(initial: Duration, maximum: Duration) {
    let policy = HuaweiCloudRetryPolicy(initialDelay: initial, maximumDelay: maximum)
    let floor = max(initial, .zero)
    let ceiling = max(maximum, .zero)
    var previous = Duration.zero
    for failures in [Int.min, -1, 0, 1, 2, 3, 10, 40, 61, 62, 63, 100, Int.max] {
      let cap = policy.backoffCap(afterFailures: failures)
      #expect(cap >= .zero && cap <= ceiling)
      #expect(cap >= previous, "caps grow with failures")
      previous = cap
      // The first failure's cap is the initial delay; each later one doubles it until the maximum.
      if failures <= 1 { #expect(cap == min(floor, ceiling)) }
      if failures == 2 { #expect(cap == min(floor * 2, ceiling)) }
    }
  }

  @Test("Retry-After in seconds, as an HTTP date and in milliseconds is waited at least")
  func retryAfterForms() async throws {
    let seconds = response(503, "Service Unavailable", headers: [(name: "Retry-After", value: "3")])
    #expect(seconds.retryAfter == .seconds(3))
    let date = response(
      503, "Service Unavailable",
      headers: [
        (name: "Date", value: "Sun, 06 Nov 1994 08:49:37 GMT"),
        (name: "retry-after", value: "Sun, 06 Nov 1994 08:49:44 GMT"),
      ])
    #expect(date.retryAfter == .seconds(7))
    let milliseconds = response(429, "Too Many Requests", headers: [(name: "Retry-After-Ms", value: "1500")])
    #expect(milliseconds.retryAfter == .milliseconds(1500))
    #expect(response(503, "x", headers: [(name: "Retry-After", value: "soon")]).retryAfter == nil)
    #expect(response(503, "x", headers: [(name: "Retry-After", value: "-5")]).retryAfter == nil)

    let clock = TestClock()
    let script = Script([seconds, milliseconds])
    let result = try await withHuaweiCloudRetries(
      policy: .init(maximumAttempts: 3), clock: clock, jitter: { _ in .zero }
    ) {
      try script.run()
    }
    #expect(result == "done")
    #expect(clock.sleeps == [.seconds(3), .milliseconds(1500)])
  }

  @Test("a Retry-After longer than the cap ends the retries")
  func retryAfterCap() async throws {
    let long = response(503, "x", headers: [(name: "Retry-After", value: "120")])
    let clock = TestClock()
    let script = Script([long])
    await #expect(throws: HuaweiCloudError.self) {
      try await withHuaweiCloudRetries(policy: .init(maximumRetryAfter: .seconds(60)), clock: clock) {
        try script.run()
      }
    }
    #expect(script.callCount == 1)
    #expect(clock.sleeps.isEmpty)
  }

  @Test("a throttling message's own window is its retry-after")
  func textWindows() {
    let iam = response(
      429,
      #"{"error_code":"IAM.0012","error_msg":"The throttling threshold has been reached. Threshold: 10 times per 60 seconds"}"#
    )
    #expect(iam.retryAfter == .seconds(60))
    let gateway = response(
      429,
      #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: policy ip over ratelimit,limit:5,time:1 second"}"#
    )
    #expect(gateway.retryAfter == .seconds(1))
    #expect(Self.badRequest.retryAfter == nil)
  }

  @Test("reauthentication is called once, then the retry succeeds or the error is thrown")
  func reauthenticateOnce() async throws {
    let clock = TestClock()
    let reauthentications = Locked(0)
    let once = Script([Self.tokenExpired])
    let result = try await withHuaweiCloudRetries(
      clock: clock, reauthenticate: { reauthentications.withLock { $0 += 1 } }
    ) { try once.run() }
    #expect(result == "done")
    #expect(reauthentications.withLock { $0 } == 1)
    #expect(clock.sleeps.isEmpty)

    let twice = Script([Self.tokenExpired, Self.tokenExpired, Self.tokenExpired])
    reauthentications.withLock { $0 = 0 }
    await #expect(throws: HuaweiCloudError.self) {
      try await withHuaweiCloudRetries(
        policy: .init(maximumAttempts: 5), clock: clock, reauthenticate: { reauthentications.withLock { $0 += 1 } }
      ) { try twice.run() }
    }
    #expect(reauthentications.withLock { $0 } == 1)
    #expect(twice.callCount == 2)
    // Without a way to reauthenticate, the error is thrown at once.
    let none = Script([Self.tokenExpired])
    await #expect(throws: HuaweiCloudError.self) { try await withHuaweiCloudRetries(clock: clock) { try none.run() } }
    #expect(none.callCount == 1)
  }

  @Test("no retry for what retrying cannot fix, nor for errors that are not Huawei Cloud's")
  func noRetry() async throws {
    let clock = TestClock()
    for failure in [Self.badRequest as any Error, CancellationError(), URLErrorStandIn()] {
      let script = Script([failure])
      await #expect(throws: (any Error).self) {
        try await withHuaweiCloudRetries(policy: .init(maximumAttempts: 5), clock: clock) { try script.run() }
      }
      #expect(script.callCount == 1)
    }
    #expect(clock.sleeps.isEmpty)
  }

  @Test("the attempt and time limits end the retries with the last error")
  func limits() async throws {
    let clock = TestClock()
    let attempts = Script(Array(repeating: Self.throttled, count: 10))
    await #expect(throws: HuaweiCloudError.self) {
      try await withHuaweiCloudRetries(policy: .init(maximumAttempts: 3), clock: clock, jitter: { $0 }) {
        try attempts.run()
      }
    }
    #expect(attempts.callCount == 3)
    var once = HuaweiCloudRetryPolicy()
    for attempts in [0, -1, Int.min] {
      once.maximumAttempts = attempts
      #expect(once.maximumAttempts == 1)
      #expect(HuaweiCloudRetryPolicy(maximumAttempts: attempts).maximumAttempts == 1)
    }
    let time = Script(Array(repeating: Self.throttled, count: 10))
    let timeClock = TestClock()
    await #expect(throws: HuaweiCloudError.self) {
      try await withHuaweiCloudRetries(
        policy: .init(
          maximumAttempts: 10, maximumDuration: .milliseconds(500), initialDelay: .milliseconds(200),
          maximumDelay: .seconds(1)),
        clock: timeClock, jitter: { $0 }
      ) {
        try time.run()
      }
    }
    // Waits of 200 and 400 ms would end past 500 ms: one wait, two attempts.
    #expect(timeClock.sleeps == [.milliseconds(200)])
    #expect(time.callCount == 2)
    // Waits of any length from a jitter, under the longest or a negative limit: no sum of times
    // overflows. The longest wait is about 292 billion years; a negative one is no wait. (Near the
    // longest `Duration` there is: 18 times 2^63 seconds of its 2^127 attoseconds.)
    let longest = Duration(secondsComponent: Int64.max, attosecondsComponent: 0) * 18
    let cases: [(limit: Duration, wait: Duration, sleeps: [Duration])] = [
      (longest, longest, [.seconds(Int64.max), .seconds(Int64.max)]),
      (longest, .zero - longest, [.zero, .zero]),
      (.seconds(-1), longest, []),
    ]
    for (limit, wait, sleeps) in cases {
      let script = Script(Array(repeating: Self.throttled, count: 3))
      let lateClock = TestClock()
      lateClock.advance(by: .seconds(3600))
      await #expect(throws: HuaweiCloudError.self) {
        try await withHuaweiCloudRetries(
          policy: .init(maximumAttempts: 3, maximumDuration: limit), clock: lateClock, jitter: { _ in wait }
        ) { try script.run() }
      }
      #expect(lateClock.sleeps == sleeps)
      #expect(script.callCount == sleeps.count + 1)
    }
  }

  @Test("cancelling the task ends a wait with CancellationError")
  func cancellation() async throws {
    let clock = TestClock()
    let script = Script(Array(repeating: Self.throttled, count: 10))
    let task = Task {
      try await withHuaweiCloudRetries(policy: .init(maximumAttempts: 10), clock: clock) { try script.run() }
    }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(script.callCount <= 1)
  }
}

/// An error of another library.
struct URLErrorStandIn: Error {}

@Suite("What kind of failure, and what to do")
struct AdviceTests {
  @Test("the issue's cases: statuses that say the wrong thing, and text that decides")
  func issueCases() throws {
    // Throttling that is not a 429.
    let pm = response(400, #"{"error_code":"PM.02153001","error_msg":"Too frequent access. Try again later."}"#)
    #expect(pm.category == .throttling)
    #expect(pm.retryAdvice == .backoff)
    let cbc = try #require(
      HuaweiCloudError(status: 200, headers: [], body: Array(#"{"error_code":"CBC.50000045","error_msg":"x"}"#.utf8)))
    #expect(cbc.category == .throttling)
    // A 5xx that no retry fixes.
    let loop = response(500, #"{"error_code":"APIGW.0612","error_msg":"An API cannot call itself."}"#)
    #expect(loop.retryAdvice == .no)
    // An expired credential without a 401, and a 401 that a new token does not fix.
    let security = response(400, #"{"error_code":"IAM.1108","error_msg":"The securitytoken has expired."}"#)
    #expect(security.category == .authentication)
    #expect(security.retryAdvice == .reauthenticate)
    let password = response(401, #"{"error_code":"IAM.0062","error_msg":"Incorrect password."}"#)
    #expect(password.category == .authentication)
    #expect(password.retryAdvice == .no)
    // The gateway's authentication failure: its detail decides.
    let expires = response(
      401, #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: token expires"}"#)
    #expect(expires.retryAdvice == .reauthenticate)
    let signature = response(
      401,
      #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}"#
    )
    #expect(signature.retryAdvice == .no)
  }

  @Test(
    "an undocumented error's category and advice come from its status",
    arguments: [
      (401, "authentication", "reauthenticate"), (403, "authorization", "no"), (404, "notFound", "no"),
      (409, "conflict", "no"), (429, "throttling", "backoff"), (500, "server", "backoff"),
      (502, "unavailable", "backoff"),
      (503, "unavailable", "backoff"), (504, "unavailable", "backoff"), (507, "server", "backoff"),
      (400, "invalidRequest", "no"),
      (418, "invalidRequest", "no"),
    ])
  func statusFallback(status: Int, category: String, advice: String) {
    let error = HuaweiCloudError(status: status, code: "NOSUCH.0001")
    #expect(error.entry == nil)
    #expect(error.category.rawValue == category)
    #expect(error.retryAdvice.rawValue == advice)
  }

  @Test(
    "every documented row has a category and an advice, and a documented error takes its row's",
    arguments: HuaweiCloudService.allCases)
  func everyRow(service: HuaweiCloudService) {
    let categories: Set<String> = [
      "authentication", "authorization", "throttling", "quota", "notFound", "conflict", "invalidRequest", "state",
      "server", "unavailable", "success",
    ]
    for entry in service.entries {
      for row in entry.rows {
        #expect(categories.contains(row.category.rawValue), "\(entry.code)")
        #expect(["no", "backoff", "reauthenticate"].contains(row.retryAdvice.rawValue), "\(entry.code)")
        #expect((row.category == .success) == entry.isSuccess && !row.isVariant || row.category != .success)
      }
      let error = HuaweiCloudError(
        status: entry.status ?? 400, code: HuaweiCloudErrorCode(entry.code), service: service)
      if let row = error.documentedRow, error.arguments["detail"] == nil {
        #expect(error.category == row.category)
        #expect(error.retryAdvice == row.retryAdvice)
      }
    }
  }
}

/// An error that wraps another, as swift-openapi-runtime's `ClientError` does.
struct ClientErrorStandIn: Error {
  var operationID: String
  var causeDescription: String
  var underlyingError: any Error
}

/// A wrapper of a wrapper, with the error in an enum's associated value.
enum MiddlewareFailure: Error {
  case transport(any Error)
  case other(String)
}

@Suite("Catching through wrappers")
struct WrappedErrorTests {
  static func classify(_ error: any Error) -> String {
    do {
      throw error
    } catch HuaweiCloudError.iam(.tokenExpired) {
      return "token expired"
    } catch HuaweiCloudError.service(.iam) {
      return "other iam"
    } catch {
      return "other"
    }
  }

  @Test("a catch pattern matches an error wrapped by a ClientError-style wrapper, and deeper")
  func wrapped() {
    let inner = HuaweiCloudError(status: 401, code: "IAM.0066")
    let client = ClientErrorStandIn(operationID: "getUser", causeDescription: "middleware", underlyingError: inner)
    #expect(Self.classify(client) == "token expired")
    #expect(Self.classify(MiddlewareFailure.transport(client)) == "token expired")
    #expect(Self.classify(MiddlewareFailure.other("x")) == "other")
    #expect(
      Self.classify(
        ClientErrorStandIn(
          operationID: "x", causeDescription: "y", underlyingError: HuaweiCloudError(status: 400, code: "IAM.0011")))
        == "other iam")
    #expect(HuaweiCloudError.find(in: MiddlewareFailure.transport(client)) == inner)
  }

  @Test("the search is bounded in depth")
  func bounded() {
    var error: any Error = HuaweiCloudError(status: 401, code: "IAM.0066")
    for _ in 0..<10 { error = MiddlewareFailure.transport(error) }
    #expect(HuaweiCloudError.find(in: error) == nil)
    #expect(HuaweiCloudError.find(in: error, maximumDepth: 32) != nil)
  }
}
