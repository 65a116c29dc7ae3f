import Benchmark
import HuaweiCloudErrors

// Each benchmark runs once over a whole input set (`Inputs`); its baseline, the code a user would
// write without this library, runs over the same set in the same run. Compare p50 wall clock and
// mallocs between a pair; divide by the set's size for a per-item figure.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal], warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 2_000)

  // Build the inputs, the catalog's tables and the baselines before anything is measured.
  blackHole(
    (
      Inputs.codes, Inputs.messages, Inputs.messageSample, Inputs.responses, Inputs.hostile1M, Inputs.hostile4M,
      Baseline.byCode
    ))
  blackHole(Baseline.expressions)
  blackHole(
    (
      HuaweiCloudCatalog.entry(code: "IAM.0001"), HuaweiCloudCatalog.matches(for: "x"),
      HuaweiCloudCatalog.entries(status: 400)
    ))

  // The command line, when its release binary is built.
  registerCLIBenchmarks()

  // MARK: code → entry

  Benchmark("code → entry: catalog (\(Inputs.codes.count) codes)") { _ in
    for code in Inputs.codes { blackHole(HuaweiCloudCatalog.entry(code: code)) }
  }
  Benchmark("code → entry: baseline [String: Entry]") { _ in
    for code in Inputs.codes { blackHole(Baseline.byCode[code]) }
  }

  // MARK: status → entries, service → entries

  Benchmark("status → entries: catalog (\(Inputs.statuses.count) statuses)") { _ in
    for status in Inputs.statuses { blackHole(HuaweiCloudCatalog.entries(status: status)) }
  }
  Benchmark("status → entries: baseline filter") { _ in
    for status in Inputs.statuses { blackHole(Baseline.entries.filter { $0.status == status }) }
  }
  Benchmark("service → entries: catalog") { _ in
    for service in HuaweiCloudService.allCases { blackHole(HuaweiCloudCatalog.entries(service: service)) }
  }
  Benchmark("service → entries: baseline filter") { _ in
    for service in HuaweiCloudService.allCases {
      blackHole(Baseline.entries.filter { $0.service == service.identifier })
    }
  }

  // MARK: message → ranked matches

  Benchmark("message → matches: catalog (\(Inputs.messages.count) messages)") { _ in
    for message in Inputs.messages { blackHole(HuaweiCloudCatalog.matches(for: message)) }
  }
  Benchmark("message → best match: catalog (\(Inputs.messages.count) messages)") { _ in
    for message in Inputs.messages { blackHole(HuaweiCloudCatalog.bestMatch(for: message)) }
  }
  Benchmark("message sample → best match: catalog (\(Inputs.messageSample.count) messages)") { _ in
    for message in Inputs.messageSample { blackHole(HuaweiCloudCatalog.bestMatch(for: message)) }
  }
  Benchmark(
    "message sample → best match: baseline NSRegularExpression per template", configuration: .init(maxIterations: 3)
  ) { _ in
    for message in Inputs.messageSample { blackHole(Baseline.matches(message).first) }
  }

  // MARK: hostile messages, 100 KB and 1 MB

  Benchmark("hostile message 100 KB: catalog") { _ in
    blackHole(HuaweiCloudCatalog.matches(for: Inputs.hostile100K))
  }
  Benchmark("hostile message 1 MB: catalog") { _ in
    blackHole(HuaweiCloudCatalog.matches(for: Inputs.hostile1M))
  }
  Benchmark("hostile message 400 KB: catalog") { _ in
    blackHole(HuaweiCloudCatalog.matches(for: Inputs.hostile400K))
  }
  Benchmark("hostile message 4 MB: catalog") { _ in
    blackHole(HuaweiCloudCatalog.matches(for: Inputs.hostile4M))
  }
  Benchmark("hostile message 100 KB: baseline NSRegularExpression", configuration: .init(maxIterations: 3)) { _ in
    blackHole(Baseline.matches(Inputs.hostile100K))
  }

  // MARK: response bytes → typed error

  Benchmark("response → error: catalog (\(Inputs.responses.count) responses)") { _ in
    for response in Inputs.responses {
      blackHole(HuaweiCloudError(status: response.status, headers: response.headers, body: response.body))
    }
  }
  Benchmark("response → error: baseline JSONSerialization + dictionary") { _ in
    for response in Inputs.responses { blackHole(Baseline.parse(status: response.status, body: response.body)) }
  }
  Benchmark("response → error: baseline JSONDecoder + Codable struct + dictionary") { _ in
    for response in Inputs.responses { blackHole(Baseline.decode(status: response.status, body: response.body)) }
  }

  // MARK: response bytes → typed error, among other work

  // A service reads a failed response now and then, between other work that has filled the caches
  // with its own code and data, so each call of this library starts cold. Here every response is
  // read right after a baseline has parsed the one before it: this pair's time less the baseline's
  // own (above, same run) is what this library adds.
  Benchmark("response → error, each after a JSONSerialization parse: catalog + baseline") { _ in
    for response in Inputs.responses {
      blackHole(HuaweiCloudError(status: response.status, headers: response.headers, body: response.body))
      blackHole(Baseline.parse(status: response.status, body: response.body))
    }
  }
  Benchmark("response → error, each after a JSONDecoder decode: catalog + baseline") { _ in
    for response in Inputs.responses {
      blackHole(HuaweiCloudError(status: response.status, headers: response.headers, body: response.body))
      blackHole(Baseline.decode(status: response.status, body: response.body))
    }
  }
}
