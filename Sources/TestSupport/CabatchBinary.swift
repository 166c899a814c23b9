import Foundation

/// Runs the built `cabatch` executable, as a user would, for end-to-end tests.
public enum CabatchBinary {
    /// The executable beside the test bundle in the build folder.
    public static var path: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // macOS runs tests from inside an .xctest bundle.
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("cabatch").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("cabatch").path
    }

    /// What a finished run printed and returned.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `cabatch` from an async test, waiting off the cooperative pool.
    public static func run(_ arguments: [String], in directory: String? = nil, stdin: [UInt8]? = nil,
                           environment: [String: String]? = nil) async throws -> Outcome {
        try await offPool { try run(arguments, in: directory, stdin: stdin, environment: environment, blocking: ()) }
    }

    /// Runs `cabatch` from a synchronous test.
    public static func run(_ arguments: [String], in directory: String? = nil, stdin: [UInt8]? = nil,
                           environment: [String: String]? = nil) throws -> Outcome {
        try run(arguments, in: directory, stdin: stdin, environment: environment, blocking: ())
    }

    /// Runs another program (a script that drives `cabatch`, a pseudo-terminal around it) the
    /// same way, from an async test.
    public static func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
        async throws -> Outcome {
        try await offPool { try run(arguments, executable: executable, environment: environment, blocking: ()) }
    }

    /// Runs `executable` (`cabatch` unless given) with `arguments` in `directory`, feeding `stdin` if given.
    private static func run(_ arguments: [String], executable: String = path, in directory: String? = nil, stdin: [UInt8]? = nil,
                           environment: [String: String]?, blocking: Void) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Read both pipes fully before waiting, so a chatty child never blocks on a full pipe.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errData.get() == nil { usleep(1000) }
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData.get() ?? Data(), as: UTF8.self))
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data? { lock.withLock { data } }
}
