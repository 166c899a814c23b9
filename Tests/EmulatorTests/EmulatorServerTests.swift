import AsyncHTTPClient
import Emulator
import Foundation
import Manifest
import SigV4
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct EmulatorServerTests {
    @Test func servesSignedRequestsOverLoopback() async throws {
        let rows = EmulatorFixture.rows([("1.0.0", nil), ("2.0.0", nil)])
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-\(UUID()).log").path
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let emulator = try await RunningEmulator.start(rows: rows, configuration: EmulatorConfiguration(requestLogPath: logPath))
        #expect(emulator.url.host == "127.0.0.1")
        #expect(emulator.port > 0)
        let client = HTTPTestClient(baseURL: emulator.url)
        let reply = try await client.delete(["1.0.0", "3.0.0"])
        #expect(reply.status == 200)
        #expect(reply.headers["x-amzn-requestid"]?.count == 36)
        #expect((reply.json["successfulVersions"] as? [String: Any])?["1.0.0"] != nil)
        var stranger = client
        stranger.credentials = Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID, secretAccessKey: "nope")
        let refused = try await stranger.delete(["2.0.0"])
        #expect(refused.status == 403)
        #expect(refused.headers["x-amzn-errortype"] == "InvalidSignatureException")
        await emulator.stop()

        let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["operation"] as? String == "DeletePackageVersions")
        #expect(first["package"] as? String == "acme/npm-store/npm/types/node")
        #expect((first["outcomes"] as? [String: String]) == ["1.0.0": "Deleted", "3.0.0": "NOT_FOUND"])
        #expect(!lines.joined().contains(EmulatorConfiguration.exampleSecretAccessKey))
        let states = emulator.inventory.snapshot()
        #expect(states.map(\.deletes) == [1, 0])
    }

    @Test func droppedConnectionsGetNoAnswer() async throws {
        let rows = EmulatorFixture.rows([("1.0.0", nil)])
        let faults = FaultConfiguration(lostResponseRate: 1, seed: 2)
        try await RunningEmulator.with(inventory: try inventory(rows), configuration: EmulatorConfiguration(faults: faults)) { emulator in
            let client = HTTPTestClient(baseURL: emulator.url)
            var dropped = 0
            var lost500 = 0
            for _ in 0..<6 {
                do {
                    let reply = try await client.delete(["1.0.0"])
                    #expect(reply.status == 500)
                    lost500 += 1
                } catch {
                    dropped += 1
                }
            }
            #expect(dropped > 0)
            #expect(lost500 > 0)
            // The work was done once, whatever the client saw.
            #expect(emulator.inventory.snapshot().first?.deletes == 1)
        }
    }

    @Test func resetsCloseTheConnection() async throws {
        let faults = FaultConfiguration(resetRate: 1)
        try await RunningEmulator.with(inventory: try inventory(EmulatorFixture.rows([("1", nil)])),
                                       configuration: EmulatorConfiguration(faults: faults)) { emulator in
            await #expect(throws: (any Error).self) {
                _ = try await HTTPTestClient(baseURL: emulator.url).delete(["1"])
            }
            #expect(emulator.inventory.snapshot().first?.deletes == 0)
        }
    }

    @Test func stopsAndFreesThePort() async throws {
        let emulator = try await RunningEmulator.start()
        let url = emulator.url
        #expect(Self.accepts(port: url.port!))
        await emulator.stop()
        // Within a moment, as it failed once in a full parallel run: a process another test starts
        // holds a copy of every descriptor, the listening socket's too, until it execs.
        var accepting = Self.accepts(port: url.port!)
        for _ in 0..<40 where accepting {
            try await Task.sleep(for: .milliseconds(50))
            accepting = Self.accepts(port: url.port!)
        }
        #expect(!accepting)
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port` (HTTP clients retry refusals).
    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private func inventory(_ rows: [Manifest.ManifestRow]) throws -> Inventory {
        let inventory = Inventory()
        inventory.add(contentsOf: rows)
        return inventory
    }
}
