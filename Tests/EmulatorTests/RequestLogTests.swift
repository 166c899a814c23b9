import Emulator
import Foundation
import TestSupport
import Testing

/// Pins `RequestLog`: it truncates the file it is given and, once flushed, holds a line per
/// request in the order they finished; an unwritable path is an `EmulatorFileError`.
@Suite(.timeLimit(.minutes(1))) struct RequestLogTests {
    @Test func truncatesWhatWasThere() throws {
        let directory = try TemporaryDirectory("cabatch-request-log")
        let path = try directory.write("requests.jsonl", Array("stale line\n".utf8))
        let log = try RequestLog(path: path)
        log.flush()
        #expect(try directory.read("requests.jsonl").isEmpty, "an earlier run's lines are gone")
    }

    @Test func holdsALinePerRequestInOrderOnceFlushed() async throws {
        let directory = try TemporaryDirectory("cabatch-request-log")
        let path = directory.file("requests.jsonl")
        let emulator = try await RunningEmulator.start(rows: EmulatorFixture.rows([("1", nil), ("2", nil), ("3", nil)]),
                                                       configuration: EmulatorConfiguration(requestLogPath: path))
        let client = HTTPTestClient(baseURL: emulator.url)
        for version in ["3", "1", "2"] { _ = try await client.delete([version]) }
        await emulator.stop()
        emulator.requestLog?.flush()
        let lines = String(decoding: try directory.read("requests.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.map { $0.contains(#""versions":["3"]"#) } == [true, false, false])
        #expect(lines.map { $0.contains(#""versions":["2"]"#) } == [false, false, true])
        #expect(lines.allSatisfy { $0.contains(#""status":200"#) })
    }

    @Test func anUnwritablePathIsRefused() {
        #expect(throws: EmulatorFileError.cannotWrite(path: "/nonexistent/dir/log.jsonl", reason: "cannot create the request log")) {
            try RequestLog(path: "/nonexistent/dir/log.jsonl")
        }
    }
}
