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
        .library(name: "SpecmarkMetadata", targets: ["SpecmarkMetadata"]),
        .library(name: "SpecmarkContract", targets: ["SpecmarkContract"]),
        .library(name: "SpecmarkLint", targets: ["SpecmarkLint"]),
        .library(name: "SpecmarkReport", targets: ["SpecmarkReport"]),
        .library(name: "SpecmarkMock", targets: ["SpecmarkMock"]),
        .library(name: "SpecmarkReplay", targets: ["SpecmarkReplay"]),
        .library(name: "SpecmarkOpenAPI", targets: ["SpecmarkOpenAPI"]),
        .library(name: "SpecmarkLanguageServer", targets: ["SpecmarkLanguageServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The CLI's calls into the C library: the allocator's settings, and a thread started on another core.
        .target(name: "CSpecmarkAllocator"),
        // A per-thread bump arena that libcmark allocates a page's tree from (see its header).
        .target(name: "CSpecmarkArena"),
        .target(
            name: "SpecmarkMarkdown",
            dependencies: [
                "CCmark",
                "CSpecmarkArena",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        // CSDL through Foundation's XMLParser (FoundationXML on Linux); no Markdown, no NIO.
        .target(
            name: "SpecmarkMetadata",
            dependencies: [],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkContract",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkMetadata",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkLint",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkMetadata",
                "SpecmarkContract",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkReport",
            dependencies: [
                "SpecmarkMarkdown", "SpecmarkContract", "SpecmarkLint",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "SpecmarkMock",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                "SpecmarkMetadata",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictImports
        ),
        // The contract model (and the metadata, when given) as an OpenAPI 3.1 document; no NIO.
        .target(
            name: "SpecmarkOpenAPI",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                "SpecmarkMetadata",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports
        ),
        // LSP 3.17 over any byte stream (the CLI gives it stdio): our own small protocol layer; no NIO.
        .target(
            name: "SpecmarkLanguageServer",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                "SpecmarkLint",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "SpecmarkReplay",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                "SpecmarkLint",
                "SpecmarkMock",
                "SpecmarkReport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "specmark",
            dependencies: [
                "SpecmarkMarkdown",
                "SpecmarkContract",
                "SpecmarkLint",
                "SpecmarkReport",
                "SpecmarkMock",
                "SpecmarkReplay",
                "SpecmarkOpenAPI",
                "SpecmarkLanguageServer",
                "CSpecmarkAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // `make bench-instructions`: the lint's steps on one thread, for callgrind (see its main.swift).
        .executableTarget(
            name: "specmark-instructions",
            dependencies: ["SpecmarkMarkdown", "SpecmarkContract", "SpecmarkLint"],
            path: "benchmarks/instructions"
        ),
        .testTarget(
            name: "SpecmarkCLITests",
            dependencies: ["specmark", "CSpecmarkAllocator"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkContractTests",
            dependencies: ["SpecmarkContract"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkLintTests",
            dependencies: ["SpecmarkLint", "SpecmarkMetadata"]
        ),
        .testTarget(
            name: "SpecmarkReportTests",
            dependencies: ["SpecmarkReport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkMockTests",
            dependencies: [
                "SpecmarkMock",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SpecmarkReplayTests",
            dependencies: [
                "SpecmarkReplay",
                "SpecmarkMock",
                "SpecmarkReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SpecmarkOpenAPITests",
            dependencies: ["SpecmarkOpenAPI", "SpecmarkContract", "SpecmarkMetadata"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkMetadataTests",
            dependencies: ["SpecmarkMetadata"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SpecmarkLanguageServerTests",
            dependencies: ["SpecmarkLanguageServer", "SpecmarkLint", "SpecmarkContract"]
        ),
        .testTarget(
            name: "SpecmarkMarkdownTests",
            dependencies: ["SpecmarkMarkdown", "CSpecmarkArena"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
