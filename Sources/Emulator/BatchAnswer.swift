import CodeArtifact
import JSONLines

/// The `successfulVersions`/`failedVersions` answer shared by the batch operations, written
/// byte by byte rather than through `JSONWriter`: it is most of a delete's answer.
struct BatchAnswer: JSONByteSource {
    /// The package's name, escaped once: every `NOT_FOUND` message names it.
    private let packageText: [UInt8]
    private let outcomes: [(version: String, outcome: VersionOutcome)]

    init(package: InventoryPackage, outcomes: [(version: String, outcome: VersionOutcome)]) {
        var counter = JSONByteCounter()
        let name = package.description
        counter.contents(name)
        packageText = [UInt8](unsafeUninitializedCapacity: counter.count) { buffer, initialized in
            var writer = JSONByteWriter(buffer)
            writer.contents(name)
            initialized = writer.count
        }
        self.outcomes = outcomes
    }

    func write<Sink: JSONByteSink>(to sink: inout Sink) {
        sink.raw("{\"successfulVersions\":{")
        var first = true
        for (version, outcome) in outcomes {
            guard case .succeeded(let revision, let status) = outcome else { continue }
            if !first { sink.byte(UInt8(ascii: ",")) }
            first = false
            sink.string(version)
            sink.raw(":{\"revision\":")
            sink.string(revision)
            sink.raw(",\"status\":")
            sink.string(status.rawValue)
            sink.byte(UInt8(ascii: "}"))
        }
        sink.raw("},\"failedVersions\":{")
        first = true
        for (version, outcome) in outcomes {
            switch outcome {
            case .succeeded:
                continue
            case .notFound:
                if !first { sink.byte(UInt8(ascii: ",")) }
                sink.string(version)
                sink.raw(":{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"Version ")
                sink.contents(version)
                sink.raw(" of package ")
                sink.bytes(packageText)
                sink.raw(" not found\"}")
            case .failed(let code, let message):
                if !first { sink.byte(UInt8(ascii: ",")) }
                sink.string(version)
                sink.raw(":{\"errorCode\":")
                sink.string(code.rawValue)
                sink.raw(",\"errorMessage\":")
                sink.string(message)
                sink.byte(UInt8(ascii: "}"))
            }
            first = false
        }
        sink.raw("}}")
    }
}
