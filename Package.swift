// swift-tools-version:6.1
import PackageDescription

/// `cabatch --version` reports the version and commit that `scripts/release.sh` finds with
/// `git describe` and passes in the environment (`CABATCH_BUILD_VERSION`, `CABATCH_BUILD_COMMIT`);
/// a plain `swift build` reports `0.0.0-dev` and an unknown commit. SwiftPM reads the manifest
/// again when the environment changes, and a new stamp recompiles one C file.
func buildStamp(_ name: String) -> [CSetting] {
    guard let value = Context.environment[name], !value.isEmpty else { return [] }
    let literal = value.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] }
    return [.define(name, to: "\"" + String(literal) + "\"")]
}

let package = Package(
    name: "cabatch",
    // Linux only: the C wrappers, the journal and the executor call Glibc directly.
    products: [
        .executable(name: "cabatch", targets: ["cabatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.11.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        // Already in the graph through AsyncHTTPClient and Hummingbird; named for the loopback servers tests stand up.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // Already in the graph through AsyncHTTPClient; named for custom CA bundles and the emulator's TLS.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
    ],
    targets: [
        // C libraries, linked from the system (apt: libzstd-dev, libjansson-dev).
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"])]
        ),

        // The shared bottom: file and line mechanics, and the service's vocabulary.
        .target(
            name: "JSONLines",
            dependencies: ["CZstd", "CJansson", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Model"),

        // The pipeline, one stage per target; data flows forward only.
        .target(name: "Manifest", dependencies: ["Model", "JSONLines"]),
        .target(name: "Versioning", dependencies: ["Model"]),
        .target(name: "Selection", dependencies: ["Manifest", "Versioning", "Model", "JSONLines"]),
        .target(name: "Plan", dependencies: ["Manifest"]),
        .target(name: "SigV4", dependencies: ["Model", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "CodeArtifact",
            dependencies: [
                "Model", "SigV4", "JSONLines",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                // SHA-1 names the AWS CLI's SSO token cache files.
                .product(name: "Crypto", package: "swift-crypto"),
                // AWS_CA_BUNDLE / ca_bundle: the trust roots of every HTTPS call.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "Export", dependencies: ["CodeArtifact", "Manifest", "Model", "JSONLines"]),
        .target(name: "Journal", dependencies: ["Plan", "JSONLines", "Model"]),
        .target(
            name: "Execution",
            dependencies: ["Model", "Plan", "CodeArtifact", "Journal", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "Report", dependencies: ["Journal", "Plan", "JSONLines", "Model"]),
        .target(
            name: "Emulator",
            dependencies: [
                "Model", "SigV4", "JSONLines", "Manifest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // --tls-cert/--tls-key: HTTPS on loopback, for clients with a custom CA bundle.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The version and commit of the build (see buildStamp above).
        .target(name: "CabatchBuildInfo",
                cSettings: buildStamp("CABATCH_BUILD_VERSION") + buildStamp("CABATCH_BUILD_COMMIT")),
        .executableTarget(
            name: "cabatch",
            dependencies: [
                "CabatchBuildInfo", "Model", "JSONLines", "Manifest", "Versioning", "Selection", "Plan", "SigV4", "CodeArtifact", "Export", "Journal",
                "Execution", "Report", "Emulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TestSupport", dependencies: [
            "Emulator", "Manifest", "JSONLines", "Model", "SigV4",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // Throughput of the emulator under a keep-alive client (scripts/bench-emulator.sh).
        .executableTarget(
            name: "emulator-bench",
            dependencies: [
                "Emulator", "JSONLines", "SigV4",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks/EmulatorBench"
        ),
        // `report-benchmark build DIR` / `report DIR` / `report-whole DIR`: times a 1,000,000-version report (release build; scripts/bench-report.sh).
        .executableTarget(name: "report-benchmark", dependencies: ["Report", "Journal", "Plan", "Manifest", "JSONLines", "Model"],
                          path: "Benchmarks/ReportBenchmark"),

        // Tests mirror the targets.
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines", "TestSupport"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
        .testTarget(name: "ManifestTests", dependencies: ["Manifest", "JSONLines", "Model", "TestSupport"]),
        // Cases holds each ecosystem's upstream test cases as data, read by #filePath.
        .testTarget(name: "VersioningTests", dependencies: ["Versioning", "Model"], exclude: ["Cases"]),
        .testTarget(name: "SelectionTests", dependencies: ["Selection", "Manifest", "Model", "JSONLines", "TestSupport"]),
        .testTarget(name: "PlanTests", dependencies: ["Plan", "Manifest", "JSONLines", "Model", "TestSupport"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4", "Model", "TestSupport"]),
        .testTarget(name: "CodeArtifactTests", dependencies: ["CodeArtifact", "Emulator", "Model", "SigV4", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "CodeArtifact", "Emulator", "Manifest", "Model", "JSONLines", "TestSupport"]),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "CodeArtifact", "Model", "JSONLines", "TestSupport"], exclude: ["conformance"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "Plan", "Model", "JSONLines", "TestSupport"]),
        .testTarget(name: "ExecutionTests", dependencies: ["Execution", "Journal", "Plan", "Report", "Model", "JSONLines", "SigV4", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Journal", "Plan", "Manifest", "Model", "JSONLines", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "CabatchTests", dependencies: ["TestSupport", "Emulator", "Manifest", "JSONLines", "Model", "Plan", "SigV4"],
                    exclude: ["Snapshots"]),
    ]
)
