// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Quarry",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Quarry", targets: ["Quarry"]),
        .executable(name: "quarry", targets: ["quarry"]),
        // For the libFuzzer package in Fuzz/ and the crash regression tests.
        .library(name: "FuzzEntries", targets: ["FuzzEntries"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The one place that includes ICU headers; Swift sees only cicu.h.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "Quarry",
            dependencies: ["CICU"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .executableTarget(
            name: "quarry",
            dependencies: ["Quarry", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .target(
            name: "FuzzEntries",
            dependencies: ["Quarry"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "QuarryTests",
            dependencies: ["Quarry", "FuzzEntries"],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
