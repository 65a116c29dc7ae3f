// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "swift-huaweicloud-errors",
  // `String.firstRange(of:)` and the standard library's typed throws need macOS 13.
  platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
  products: [
    .library(name: "HuaweiCloudErrors", targets: ["HuaweiCloudErrors"]),
    // `HuaweiCloudError(data:response:)` for URLSession, apart so that the core does not link
    // FoundationNetworking (and libcurl) on Linux.
    .library(name: "HuaweiCloudErrorsURLSession", targets: ["HuaweiCloudErrorsURLSession"]),
    // Test support: realistic failure responses for documented codes.
    .library(name: "HuaweiCloudErrorsTesting", targets: ["HuaweiCloudErrorsTesting"]),
    .executable(name: "huaweicloud-errors", targets: ["huaweicloud-errors"]),
  ],
  targets: [
    // A small bounded JSON reader and writer shared by the library, the CLI and the generator.
    .target(name: "TinyJSON"),
    .target(name: "HuaweiCloudErrors", dependencies: ["TinyJSON"]),
    .target(name: "HuaweiCloudErrorsURLSession", dependencies: ["HuaweiCloudErrors"]),
    .target(name: "HuaweiCloudErrorsTesting", dependencies: ["HuaweiCloudErrors", "TinyJSON"]),
    // The importer and code generator behind `generate-catalog`; kept apart from the library so
    // that a broken generated file never stops the generator from building.
    .target(name: "CatalogBuilder", dependencies: ["TinyJSON"]),
    .executableTarget(name: "generate-catalog", dependencies: ["CatalogBuilder"]),
    .target(name: "HuaweiCloudErrorsCLI", dependencies: ["HuaweiCloudErrors", "TinyJSON"]),
    .executableTarget(name: "huaweicloud-errors", dependencies: ["HuaweiCloudErrorsCLI"]),
    .testTarget(name: "TinyJSONTests", dependencies: ["TinyJSON"]),
    .testTarget(
      name: "HuaweiCloudErrorsTests",
      dependencies: [
        "HuaweiCloudErrors", "HuaweiCloudErrorsURLSession", "HuaweiCloudErrorsTesting", "CatalogBuilder", "TinyJSON",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "CatalogBuilderTests", dependencies: ["CatalogBuilder"], exclude: ["Fixtures"]),
    .testTarget(name: "CLITests", dependencies: ["HuaweiCloudErrorsCLI", "HuaweiCloudErrors", "TinyJSON"]),
  ],
  swiftLanguageModes: [.v6]
)
