import Foundation
import JSONLines

/// Reads manifests and decodes their lines on all cores, handing validated rows to the caller
/// in file order, batch by batch, with memory bounded by a few batches in flight.
///
/// One thread reads and decompresses, `workers` threads decode with jansson and run the
/// caller's `transform` on each batch's rows (so per-batch grouping also runs in parallel),
/// and the calling thread consumes the results in order.
public struct ManifestScanner: Sendable {
    /// A batch's results, in file order.
    public struct Batch<Partial: Sendable>: Sendable {
        public var input: Int
        public var lines: Int
        public var rows: Int
        public var blankLines: Int
        public var rejects: [Reject]
        /// The line number of each row `transform` was given, in order.
        public var rowLines: [Int32]
        public var partial: Partial
    }

    public var workers: Int
    public var maxLineLength: Int

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                maxLineLength: Int = 1 << 20) {
        self.workers = max(1, workers)
        self.maxLineLength = maxLineLength
    }

    /// Reads every input in turn. A manifest that cannot be read throws after the batches
    /// before the failure were consumed; rejects never throw.
    public func scan<Partial: Sendable>(
        _ inputs: [InputFile],
        transform: @escaping @Sendable ([ManifestRow]) -> Partial,
        consume: (Batch<Partial>) throws -> Void
    ) throws -> [ManifestStats] {
        let work = BatchQueue<LineBatch>()
        let results = ReorderBuffer<Batch<Partial>>()
        // Bounds memory: the reader waits while this many batches are read but not consumed.
        let permits = DispatchSemaphore(value: workers * 2 + 2)
        let shared = ReaderOutcome(inputs: inputs)
        let names = inputs.map(\.name)
        let maxLineLength = maxLineLength

        let reader = Thread {
            var sequence = 0
            defer {
                work.close()
                results.finish(count: sequence)
                shared.done.signal()
            }
            for (index, input) in inputs.enumerated() {
                if shared.isCancelled { return }
                let batcher = LineBatcher(input: index, firstSequence: sequence, maxLineLength: maxLineLength)
                var stats = FileIdentity(name: input.name)
                do {
                    let source = try ByteSource(input)
                    let emit: (LineBatch) -> Void = { batch in
                        permits.wait()
                        work.put(batch)
                    }
                    try source.stream(into: &stats) { chunk in
                        if shared.isCancelled { throw CancellationError() }
                        batcher.append(chunk, emit: emit)
                    }
                    batcher.finish(emit: emit)
                    sequence = batcher.nextSequence
                    shared.setStats(index, stats)
                } catch {
                    // The lines before the failure still count: hand them on, then stop.
                    batcher.finish { permits.wait(); work.put($0) }
                    sequence = batcher.nextSequence
                    shared.setStats(index, stats)
                    shared.fail(error)
                    return
                }
            }
        }
        reader.stackSize = 1 << 20
        reader.start()

        let decoder = ManifestRowDecoder()
        for _ in 0..<workers {
            let worker = Thread {
                while let batch = work.take() {
                    results.put(batch.sequence, Self.decode(batch, file: names[batch.input], decoder: decoder, transform: transform))
                }
                shared.done.signal()
            }
            worker.start()
        }

        var consumeError: Error?
        var counted = inputs.map { ManifestStats(name: $0.name) }
        while let batch = results.take() {
            permits.signal()
            counted[batch.input].lines += batch.lines
            counted[batch.input].rows += batch.rows
            counted[batch.input].blankLines += batch.blankLines
            for reject in batch.rejects { counted[batch.input].rejects[reject.kind, default: 0] += 1 }
            if consumeError != nil { continue }
            do { try consume(batch) } catch {
                consumeError = error
                shared.cancel()
            }
        }
        for _ in 0..<(workers + 1) { shared.done.wait() }
        if let consumeError { throw consumeError }
        if let failure = shared.failure { throw failure }
        return zip(shared.stats, counted).map { read, lines in
            var stats = lines
            stats.file = read
            return stats
        }
    }

    private static func decode<Partial>(
        _ batch: LineBatch, file: String, decoder: ManifestRowDecoder,
        transform: ([ManifestRow]) -> Partial
    ) -> Batch<Partial> {
        var rows: [ManifestRow] = []
        rows.reserveCapacity(batch.spans.count)
        var rowLines: [Int32] = []
        rowLines.reserveCapacity(batch.spans.count)
        var rejects: [Reject] = []
        var blank = 0
        var previous: ManifestRow?
        batch.bytes.withUnsafeBytes { raw in
            for (index, span) in batch.spans.enumerated() {
                let lineNumber = batch.firstLine + index
                if span.length < 0 {
                    let excerpt = batch.overlongExcerpts[index] ?? []
                    rejects.append(Reject(
                        file: file, line: lineNumber, kind: .lineTooLong,
                        message: "the line is longer than 1 MiB",
                        hint: "a manifest row is a few hundred bytes; check the line's end",
                        excerpt: String(decoding: excerpt, as: UTF8.self)))
                    continue
                }
                let line = UnsafeRawBufferPointer(rebasing: raw[Int(span.start)..<Int(span.start + span.length)])
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    blank += 1
                    continue
                }
                switch decoder.decode(line, after: previous) {
                case .success(let row):
                    rows.append(row)
                    rowLines.append(Int32(clamping: lineNumber))
                    previous = row
                case .failure(let failure):
                    rejects.append(Reject(
                        file: file, line: lineNumber, kind: failure.kind, field: failure.field,
                        message: failure.message, hint: failure.hint,
                        excerpt: String(decoding: line.prefix(Reject.excerptLength), as: UTF8.self)))
                }
            }
        }
        return Batch(input: batch.input, lines: batch.spans.count, rows: rows.count, blankLines: blank,
                     rejects: rejects, rowLines: rowLines, partial: transform(rows))
    }
}

/// What the reader thread reports back: per-manifest stats, the first failure, cancellation.
private final class ReaderOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var _stats: [FileIdentity]
    private var _failure: Error?
    private var _cancelled = false
    let done = DispatchSemaphore(value: 0)

    init(inputs: [InputFile]) { _stats = inputs.map { FileIdentity(name: $0.name) } }

    var stats: [FileIdentity] { lock.withLock { _stats } }
    var failure: Error? { lock.withLock { _failure } }
    var isCancelled: Bool { lock.withLock { _cancelled } }

    func setStats(_ index: Int, _ stats: FileIdentity) { lock.withLock { _stats[index] = stats } }
    func fail(_ error: Error) { lock.withLock { if _failure == nil { _failure = error } } }
    func cancel() { lock.withLock { _cancelled = true } }
}
