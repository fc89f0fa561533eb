// swift-tools-version:6.0
// libFuzzer targets for Quarry. Build and run with Fuzz/run (see docs/robustness.md);
// they are a separate package because a fuzz target has no main and links only
// with `--sanitize=fuzzer`.
import PackageDescription

let targets = ["FuzzRules", "FuzzExtract", "FuzzGold"]

let package = Package(
    name: "QuarryFuzz",
    dependencies: [.package(name: "Quarry", path: "..")],
    targets: [.target(name: "FuzzSupport")] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "FuzzEntries", package: "Quarry")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
