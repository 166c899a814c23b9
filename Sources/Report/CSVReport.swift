import Journal
import Plan
import Model

/// The completion report: one CSV row per planned version, streamed in plan order.
///
/// RFC 4180 quoting (fields holding a comma, quote or line break are quoted, quotes doubled),
/// `\n` line ends, a header row first. Rows are made one at a time and handed on in chunks,
/// so memory does not grow with the number of rows.
public enum CSVReport {
    public static let columns = ["domain", "domainOwner", "repository", "format", "namespace", "package", "version",
                                 "state", "errorCode", "errorMessage", "httpStatus", "requestId", "attempts", "time"]

    /// Writes the header and the rows of every source (only `failed` versions when `failedOnly`),
    /// calling `sink` with chunks of about `chunkSize` bytes.
    public static func write(_ sources: [PlanJournal], failedOnly: Bool = false, chunkSize: Int = 1 << 20,
                             to sink: ([UInt8]) throws -> Void) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        for (i, column) in columns.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(contentsOf: column.utf8)
        }
        buffer.append(0x0A)
        // Rows of one request share their first six fields, and versions settled by one answer its
        // time: both are encoded once and copied.
        var prefix: [UInt8] = [], prefixRequest = -1, prefixSource = -1
        var time: [UInt8] = [], timeOf: Int64?
        for (index, source) in sources.enumerated() {
            try source.forEachStretch { replay in
                func row(_ entry: JournalReplay.VersionEntry) throws {
                    if entry.request.id != prefixRequest || index != prefixSource {
                        prefix.removeAll(keepingCapacity: true)
                        appendPrefix(entry.request.key, to: &prefix)
                        prefixRequest = entry.request.id
                        prefixSource = index
                    }
                    buffer.append(contentsOf: prefix)
                    if let t = entry.answer?.time, t.millisecondsSinceEpoch != timeOf {
                        time.removeAll(keepingCapacity: true)
                        t.appendISO8601(to: &time)
                        timeOf = t.millisecondsSinceEpoch
                    }
                    appendRest(entry, operation: source.planHeader.operation, time: entry.answer == nil ? [] : time, to: &buffer)
                    if buffer.count >= chunkSize {
                        try sink(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                if failedOnly {
                    try replay.forEachVersion(in: .failed, row)
                } else {
                    try replay.forEachVersion(row)
                }
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
    }

    /// Writes to a report output. Errors reading the sources come through as they are.
    public static func write(_ sources: [PlanJournal], failedOnly: Bool = false, to output: ReportOutput) throws {
        try write(sources, failedOnly: failedOnly) { chunk in try output.write(chunk) }
    }

    static func appendPrefix(_ key: PackageKey, to out: inout [UInt8]) {
        field(key.domain, &out, first: true)
        field(key.domainOwner ?? "", &out)
        field(key.repository, &out)
        field(key.format.rawValue, &out)
        field(key.namespace ?? "", &out)
        field(key.package, &out)
    }

    static func appendRest(_ entry: JournalReplay.VersionEntry, operation: BatchOperation, time: [UInt8], to out: inout [UInt8]) {
        field(entry.version, &out)
        field(entry.state.name(for: operation), &out)
        field(entry.errorCode ?? "", &out)
        field(entry.errorMessage ?? "", &out)
        field(entry.answer?.httpStatus.map(String.init) ?? "", &out)
        field(entry.answer?.serviceRequestId ?? "", &out)
        field(String(entry.attempts), &out)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: time)
        out.append(0x0A)
    }

    private static func field(_ text: String, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        var text = text
        text.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
