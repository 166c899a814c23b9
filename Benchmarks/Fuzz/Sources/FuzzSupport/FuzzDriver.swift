import CLibFuzzer
import Glibc

/// A fuzz target's entry point: libFuzzer's driver on the target's test, or, with
/// `--write-seeds DIR [INPUT...]`, the target's seed writer.
///
/// The harnesses call libFuzzer's driver themselves rather than defining `LLVMFuzzerTestOneInput`
/// and taking libFuzzer's `main`: an executable built by SwiftPM keeps its own `main`, and this way
/// it can also write the seeds its inputs are mutated from.
public enum FuzzDriver {
    public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func run(writeSeeds: (SeedDirectory, [String]) throws -> Void, test: Test) -> Never {
        let arguments = CommandLine.arguments
        if arguments.count >= 3, arguments[1] == "--write-seeds" {
            // Returns before exiting, so that nothing it made is still held (LeakSanitizer checks at exit).
            func write() -> Int32 {
                do {
                    let directory = try SeedDirectory(path: arguments[2])
                    try writeSeeds(directory, Array(arguments.dropFirst(3)))
                    report("wrote \(directory.count) seeds to \(arguments[2])")
                    return 0
                } catch {
                    report("cannot write seeds: \(error)")
                    return 1
                }
            }
            exit(write())
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// The input as a buffer (libFuzzer may pass a null pointer for an empty input).
    public static func input(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeRawBufferPointer {
        guard let data, size > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: data, count: size)
    }

    /// Stops the process as a crash, so that libFuzzer keeps the input: for disagreements.
    public static func disagreement(_ what: String, input: UnsafeRawBufferPointer) -> Never {
        report("DISAGREEMENT: \(what)\ninput (\(input.count) bytes): \(escaped(input))")
        fatalError("disagreement: \(what)")
    }

    /// Writes a line to standard error, unbuffered, where libFuzzer writes.
    public static func report(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// The bytes as a Swift string literal's contents: printable ASCII kept, the rest escaped.
    public static func escaped(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): text += "\\\\"
            case UInt8(ascii: "\""): text += "\\\""
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\u{" + String(byte, radix: 16) + "}"
            }
        }
        return text
    }
}
