// swift-tools-version:6.0
// libFuzzer targets for Specmark's parsers. Built apart from the main package, with
// `-sanitize=fuzzer,address`, so normal builds and CI never see the instrumentation: `make fuzz`.
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let identity = root.lastPathComponent.lowercased()

let targets = ["FuzzPage", "FuzzJSON", "FuzzHTTP", "FuzzTable", "FuzzAnnotation", "FuzzFrontMatter", "FuzzRoute"]

let package = Package(
    name: "SpecmarkFuzz",
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzSupport", path: "Sources/FuzzSupport")] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "SpecmarkContract", package: identity),
                .product(name: "SpecmarkLint", package: identity),
                .product(name: "SpecmarkMock", package: identity),
            ],
            path: "Sources/\(name)",
            // gold fails on the instrumented objects' debug info; lld ships with Swift.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        )
    },
    swiftLanguageModes: [.v6]
)
