#if canImport(Glibc)
    import Glibc
#endif

/// The signature libFuzzer calls: one input, 0 to keep going.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzCallback
) -> CInt

/// Runs libFuzzer with the process's arguments and exits with its status. A target's `main.swift` calls it
/// last, so SwiftPM's renamed `main` is the fuzzer's entry point.
public func runFuzzer(_ callback: FuzzCallback) -> Never {
    var count = CommandLine.argc
    var vector = CommandLine.unsafeArgv
    exit(runDriver(&count, &vector, callback))
}

/// The input as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}
