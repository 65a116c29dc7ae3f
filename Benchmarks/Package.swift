// swift-tools-version: 6.1
// Benchmarks for swift-huaweicloud-errors, in a package of their own so that the library keeps no
// dependencies. Run: swift package --disable-sandbox benchmark
import PackageDescription

let package = Package(
  name: "swift-huaweicloud-errors-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "swift-huaweicloud-errors", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "CatalogBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HuaweiCloudErrors", package: "swift-huaweicloud-errors"),
        .product(name: "HuaweiCloudErrorsTesting", package: "swift-huaweicloud-errors"),
      ],
      path: "Benchmarks/CatalogBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
