// swift-tools-version:6.0
import PackageDescription

/// Members of a module are visible only where it is imported, so Foundation (which Yams imports) cannot leak
/// into the libraries: their string handling stays on our own UTF-8 code, which the hot path needs.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "Specmark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "specmark", targets: ["specmark"]),
        .library(name: "SpecmarkMarkdown", targets: ["SpecmarkMarkdown"]),
        .library(name: "SpecmarkContract", targets: ["SpecmarkContract"]),
        .library(name: "SpecmarkLint", targets: ["SpecmarkLint"]),
        .library(name: "SpecmarkReport", targets: ["SpecmarkReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(
            name: "SpecmarkMarkdown",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkContract",
            dependencies: [
                "SpecmarkMarkdown",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkLint",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkReport",
            dependencies: ["SpecmarkMarkdown", "SpecmarkContract"]
        ),
        .executableTarget(
            name: "specmark",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                "SpecmarkLint",
                "SpecmarkReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SpecmarkCLITests",
            dependencies: ["specmark"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkContractTests",
            dependencies: ["SpecmarkContract"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkLintTests",
            dependencies: ["SpecmarkLint"]
        ),
        .testTarget(
            name: "SpecmarkReportTests",
            dependencies: ["SpecmarkReport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkMarkdownTests",
            dependencies: ["SpecmarkMarkdown"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
