import Journal
import Plan

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
    public static func write(_ sources: [ReportSource], failedOnly: Bool = false, chunkSize: Int = 1 << 20,
                             to sink: ([UInt8]) throws -> Void) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        for (i, column) in columns.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(contentsOf: column.utf8)
        }
        buffer.append(0x0A)
        for source in sources {
            let body: (JournalReplay.VersionEntry) throws -> Void = { entry in
                appendRow(entry, to: &buffer)
                if buffer.count >= chunkSize {
                    try sink(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if failedOnly {
                try source.replay.forEachVersion(in: .failed, body)
            } else {
                try source.replay.forEachVersion(body)
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
    }

    /// Writes to a report output.
    public static func write(_ sources: [ReportSource], failedOnly: Bool = false, to output: ReportOutput) throws(ReportError) {
        do {
            try write(sources, failedOnly: failedOnly) { chunk in try output.write(chunk) }
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.cannotWrite(file: output.path ?? "standard output", reason: "\(error)")
        }
    }

    static func appendRow(_ entry: JournalReplay.VersionEntry, to out: inout [UInt8]) {
        let key = entry.request.key
        field(key.domain, &out, first: true)
        field(key.domainOwner ?? "", &out)
        field(key.repository, &out)
        field(key.format.rawValue, &out)
        field(key.namespace ?? "", &out)
        field(key.package, &out)
        field(entry.version, &out)
        field(entry.state.description, &out)
        field(entry.errorCode ?? "", &out)
        field(entry.errorMessage ?? "", &out)
        field(entry.answer?.httpStatus.map(String.init) ?? "", &out)
        field(entry.answer?.serviceRequestId ?? "", &out)
        field(String(entry.attempts), &out)
        field(entry.answer?.time.iso8601 ?? "", &out)
        out.append(0x0A)
    }

    private static func field(_ text: String, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
