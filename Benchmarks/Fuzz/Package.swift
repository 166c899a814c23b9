// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for cabatch's readers and parsers; see scripts/fuzz.sh, which builds them into
// .build-fuzz and runs each with a corpus seeded from the repository.
//
// The project's modules are compiled from the repository's own sources (Sources/* here are links to
// ../../Sources/*), instrumented for libFuzzer and AddressSanitizer; swift-crypto is not instrumented.
// The emulator's network layer (Hummingbird, NIO) and the HTTP client are left out: the fuzzed
// parts do not use them.

let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-enable-testing"])]
let fuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "cabatch-fuzz",
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd"),
        .systemLibrary(name: "CJansson", pkgConfig: "jansson"),
        .systemLibrary(name: "CLibFuzzer"),

        .target(name: "JSONLines", dependencies: ["CZstd", "CJansson", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: instrumented),
        .target(name: "Model", swiftSettings: instrumented),
        .target(name: "Manifest", dependencies: ["Model", "JSONLines"], swiftSettings: instrumented),
        .target(name: "Plan", dependencies: ["Manifest"], swiftSettings: instrumented),
        .target(name: "Journal", dependencies: ["Plan", "JSONLines", "Model"], swiftSettings: instrumented),
        .target(name: "SigV4", dependencies: ["Model", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: instrumented),
        // The emulator's core (request in, answer out), without its HTTP server.
        .target(name: "Emulator", dependencies: ["Model", "SigV4", "JSONLines", "Manifest"],
                exclude: ["EmulatorResponder.swift", "EmulatorServer.swift", "EventLoopHTTP1Channel.swift",
                          "EventLoopTaskExecutor.swift", "QuietLogHandler.swift"],
                swiftSettings: instrumented),

        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "Manifest", "JSONLines", "Model"], swiftSettings: instrumented),
        .executableTarget(name: "fuzz-manifest-decoder", dependencies: ["FuzzSupport", "Manifest", "JSONLines", "Model"],
                          swiftSettings: instrumented, linkerSettings: fuzzer),
        .executableTarget(name: "fuzz-plan-reader", dependencies: ["FuzzSupport", "Plan", "Manifest", "JSONLines", "Model"],
                          swiftSettings: instrumented, linkerSettings: fuzzer),
        .executableTarget(name: "fuzz-journal-replay", dependencies: ["FuzzSupport", "Journal", "Plan", "JSONLines", "Model"],
                          swiftSettings: instrumented, linkerSettings: fuzzer),
        .executableTarget(name: "fuzz-emulator-request", dependencies: ["FuzzSupport", "Emulator", "SigV4", "JSONLines", "Model"],
                          swiftSettings: instrumented, linkerSettings: fuzzer),
    ]
)
