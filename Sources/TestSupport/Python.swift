import Foundation

/// Runs `python3 -c script` with `input` on standard input, bounded in time, returning standard output.
public enum Python {
    /// python3 failed; the text carries the end of its standard error.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func run(_ script: String, input: Data, timeout: TimeInterval = 60) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 exited with \(process.terminationStatus): "
                + String(decoding: errors.suffix(2_000), as: UTF8.self))
        }
        return output
    }

    /// Makes `module` importable, installing `package` with pip when it is missing (fresh machines).
    public static func ensure(module: String, package: String) throws {
        if (try? run("import \(module)", input: Data())) != nil { return }
        _ = try run("""
            import subprocess, sys
            subprocess.check_call([sys.executable, '-m', 'pip', 'install', '-q', '--disable-pip-version-check', '\(package)'])
            """, input: Data(), timeout: 300)
    }
}
