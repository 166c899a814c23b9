import FuzzSupport
@testable import Plan
import JSONLines

enum PlanReaderFuzz {
    static let directory = ScratchFile.directory("plan")
    static let path = directory + "/fuzz.plan"

    static func test(_ input: UnsafeRawBufferPointer) {
        guard let mode = input.first else { return }
        let content = UnsafeRawBufferPointer(rebasing: input.dropFirst())
        do {
            switch mode % 3 {
            case 0: try ScratchFile.write(content, to: path)
            case 1: try writeCompressed(Array(content), to: path)
            default: try writeCompressed(resealed(content), to: path)
            }
        } catch {
            fatalError("cannot write \(path): \(error)")
        }
        do {
            let plan = try PlanFile.read(path)
            _ = (plan.requests.versionCount, plan.requests.packageCount, plan.header.encoded().bytes.count)
        } catch {
            _ = "\(error)"
        }
        // Checks the seal without decoding the requests (reports do this first); `readHeader` is a prefix of `read`.
        do { _ = try PlanFile.readSealedHeader(path) } catch { _ = "\(error)" }
        // After the reader, so that a crash in both is found where the reader meets it.
        if mode % 3 != 0 { checkWrittenLines(content, input: input) }
    }

    /// The bytes with the header's seal made to fit the lines after it, where the header has one
    /// in the usual place (`"requestsSHA256":"` and 64 characters).
    static func resealed(_ content: UnsafeRawBufferPointer) -> [UInt8] {
        var bytes = Array(content)
        guard let newline = bytes.firstIndex(of: 0x0A) else { return bytes }
        let marker = Array(#""requestsSHA256":""#.utf8)
        guard newline >= marker.count + 64,
              let start = (0...(newline - marker.count - 64)).first(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return bytes }
        var digest = SHA256Hex()
        digest.update(UnsafeRawBufferPointer(rebasing: content[(newline + 1)...]))
        let seal = start + marker.count
        bytes.replaceSubrange(seal..<(seal + 64), with: Array(digest.finalize().utf8))
        return bytes
    }

    static func writeCompressed(_ bytes: [UInt8], to path: String) throws {
        let writer = try JSONLinesWriter(path: path, compressed: true, level: 1)
        try writer.write(lines: bytes)
        try writer.commit()
    }

    /// A request line read straight from its bytes must be what jansson and `decodeRequest` read.
    static func checkWrittenLines(_ content: UnsafeRawBufferPointer, input: UnsafeRawBufferPointer) {
        for (number, line) in Lines.split(content).enumerated() where number > 0 {
            guard let written = PlanFile.decodeWritten(line) else { continue }
            do {
                let parsed = try PlanFile.decodeRequest(try JSONValue.parse(line), file: "fuzz.plan", line: number + 1)
                if parsed != written {
                    FuzzDriver.disagreement("line \(number + 1) read from its bytes as \(written), through jansson as \(parsed)",
                                            input: input)
                }
            } catch {
                FuzzDriver.disagreement("line \(number + 1) read from its bytes as \(written), through jansson: \(error)",
                                        input: input)
            }
        }
    }

    /// Plans of the first rows of each manifest named, in all three modes.
    static func writeSeeds(to seeds: SeedDirectory, manifests: [String]) throws {
        let work = ScratchFile.directory("plan-seeds")
        for manifest in manifests {
            var lines: [[UInt8]] = []
            try JSONLinesReader.forEachLine(of: InputFile(manifest)) { _, line in
                if let line, line.count < 4096 { lines.append(Array(line)) }
            }
            for rows in [3, 40, 400] where rows <= lines.count || rows == 3 {
                let rowsPath = "\(work)/rows.jsonl", planPath = "\(work)/rows.plan"
                try ScratchFile.write(Array(lines.prefix(rows).joined(separator: [0x0A])) + [0x0A], to: rowsPath)
                var planned = try Planner(skipInvalid: true).plan([InputFile(rowsPath)], onReject: { _ in })
                planned.header.manifests[0].file.name = "rows.jsonl"  // the same seeds in every run
                try PlanFile.write(planned.header, requests: planned.builder, to: planPath)
                let file = try ScratchFile.read(planPath)
                var content: [UInt8] = []
                try JSONLinesReader.forEachLine(of: InputFile(planPath), observing: { content.append(contentsOf: $0) }) { _, _ in }
                try seeds.add("plan-file", [0] + file)
                try seeds.add("plan-lines", [1] + content)
                try seeds.add("plan-lines-resealed", [2] + content)
            }
        }
    }
}
