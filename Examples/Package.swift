// swift-tools-version: 6.0
// How swift-huaweicloud-errors fits the libraries a server-side Swift service calls Huawei Cloud
// with: AsyncHTTPClient, swift-http-types, a swift-openapi-runtime client middleware, swift-log and
// Vapor. A package of its own, so that the library keeps no dependencies; `.ci/run` builds it and
// runs `integration-checks`, which exercises each integration offline.
import PackageDescription

let package = Package(
  name: "swift-huaweicloud-errors-examples",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "swift-huaweicloud-errors", path: ".."),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
  ],
  targets: [
    .target(
      name: "HuaweiCloudIntegrations",
      dependencies: [
        .product(name: "HuaweiCloudErrors", package: "swift-huaweicloud-errors"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Vapor", package: "vapor"),
      ]
    ),
    .executableTarget(
      name: "integration-checks",
      dependencies: [
        "HuaweiCloudIntegrations",
        .product(name: "HuaweiCloudErrors", package: "swift-huaweicloud-errors"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Vapor", package: "vapor"),
      ]
    ),
  ]
)
