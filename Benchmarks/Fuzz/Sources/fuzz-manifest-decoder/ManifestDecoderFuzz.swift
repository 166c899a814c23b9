import FuzzSupport
import Glibc
@testable import Manifest
import Synchronization
import JSONLines

enum ManifestDecoderFuzz {
    static let fast = ManifestRowDecoder()
    static let reference = ManifestRowDecoder(readsFlatLines: false)
    /// Lines decoded, and those `FlatJSONObject` read (the rest went to jansson).
    static let lines = Atomic<Int>(0)
    static let flatLines = Atomic<Int>(0)
    static let reportAtExit: Void = {
        atexit {
            let total = ManifestDecoderFuzz.lines.load(ordering: .relaxed)
            let flat = ManifestDecoderFuzz.flatLines.load(ordering: .relaxed)
            FuzzDriver.report("fast path: \(flat) of \(total) lines read by FlatJSONObject")
        }
    }()

    static func test(_ input: UnsafeRawBufferPointer) {
        _ = reportAtExit
        // As `ManifestScanner` does: lines without `\r\n`, blank ones skipped, the last valid row passed on.
        var previous: ManifestRow?
        for var line in Lines.split(input) {
            if line.last == 0x0D { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            lines.add(1, ordering: .relaxed)
            if FlatJSONObject(line) != nil { flatLines.add(1, ordering: .relaxed) }
            let expected = reference.decode(line)
            let results = [("fast", fast.decode(line)), ("fast after the previous row", fast.decode(line, after: previous)),
                           ("jansson after the previous row", reference.decode(line, after: previous))]
            for (name, result) in results where result != expected {
                FuzzDriver.disagreement("""
                    \(name) gave \(result)
                    jansson gave \(expected)
                    previous row: \(previous.map { "\($0)" } ?? "none")
                    line: \(FuzzDriver.escaped(line))
                    """, input: input)
            }
            if case .success(let row) = expected { previous = row }
        }
    }

    /// One seed per line of each manifest named (the repository's samples), and runs of lines.
    static func writeSeeds(to directory: SeedDirectory, manifests: [String]) throws {
        for manifest in manifests {
            var lines: [[UInt8]] = []
            try JSONLinesReader.forEachLine(of: InputFile(manifest)) { _, line in
                if let line { lines.append(Array(line)) }
            }
            for line in lines { try directory.add("line", line) }
            // Consecutive lines, so that the previous row is the same package's.
            for start in stride(from: 0, to: lines.count, by: 25) {
                let run = lines[start..<min(start + 5, lines.count)]
                try directory.add("lines", Array(run.joined(separator: [0x0A])))
            }
        }
    }
}
