// swift-tools-version:6.0
// A minimal Hummingbird server answering one JSON body: the baseline `make bench-mock` measures the mock against.
import PackageDescription

let package = Package(
    name: "hello-server",
    platforms: [.macOS(.v14)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0")],
    targets: [
        .executableTarget(name: "HelloServer", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])
    ],
    swiftLanguageModes: [.v6]
)
