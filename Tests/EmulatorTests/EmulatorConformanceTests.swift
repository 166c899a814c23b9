import Emulator
import Foundation
import Manifest
import Testing
import TestSupport

/// Runs `conformance/boto3_conformance.py` against emulators in this process: boto3 (and the
/// AWS CLI when installed) is a client none of cabatch's code wrote, so it checks the wire format.
@Suite(.timeLimit(.minutes(3))) struct EmulatorConformanceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("conformance/boto3_conformance.py")

    static func inventory() throws -> Inventory {
        var rows = EmulatorFixture.rows((0..<250).map { ("1.0.\($0)", nil) } + [("2.0.0", "Unlisted")])
        rows += [("1.0", nil), ("2.0", nil)].map { version, status in
            ManifestRow(domain: "acme", repository: "pypi-store", format: .pypi, package: "requests", version: version, status: status)
        }
        rows.append(ManifestRow(domain: "acme", repository: "locked", format: .npm, namespace: "types", package: "node", version: "1"))
        let inventory = Inventory()
        inventory.add(contentsOf: rows)
        return inventory
    }

    @Test func boto3ParsesEveryAnswer() async throws {
        let normal = try await RunningEmulator.start(
            inventory: Self.inventory(), configuration: EmulatorConfiguration(deniedRepositories: ["acme/locked"]))
        let throttled = try await RunningEmulator.start(
            inventory: Self.inventory(), configuration: EmulatorConfiguration(faults: FaultConfiguration(throttleTPS: 1, readThrottleTPS: 1)))
        let failing = try await RunningEmulator.start(
            inventory: Self.inventory(), configuration: EmulatorConfiguration(faults: FaultConfiguration(errorRate: 1)))
        let run = await Self.python([Self.script.path, normal.url.absoluteString,
                                     "--throttled", throttled.url.absoluteString, "--failing", failing.url.absoluteString])
        for emulator in [normal, throttled, failing] { await emulator.stop() }

        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("conformance: all checks passed"), "\(run.output)")
        #expect(!run.output.contains("FAIL"), "\(run.output)")
        let deleted = normal.inventory.snapshot().filter { $0.status == "Deleted" }.map(\.version)
        #expect(Set(deleted).isSuperset(of: ["1.0.0", "1.0.5"]))
        #expect(failing.inventory.snapshot().allSatisfy { $0.deletes == 0 })
    }

    /// Runs python3 with `arguments`, its standard output and error together.
    static func python(_ arguments: [String]) async -> (status: Int32, output: String) {
        await withCheckedContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            do {
                try process.run()
            } catch {
                continuation.resume(returning: (-1, "cannot run python3: \(error)"))
                return
            }
            // Read on another thread: the output can outgrow the pipe's buffer before exit.
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
