import Manifest

/// Where hand-written JSON goes: ``JSONByteCounter`` measures it, ``JSONByteWriter`` writes it.
///
/// A batch answer is a hundred members of a few strings each; appending each piece to an
/// array checks capacity and uniqueness every time, which cost more than the rest of a delete.
/// Written once through a ``JSONByteSource`` and run twice, it is measured, then copied into
/// memory of exactly its size.
protocol JSONByteSink {
    /// ASCII punctuation and member names known not to need escaping.
    mutating func raw(_ text: StaticString)
    mutating func byte(_ byte: UInt8)
    /// Bytes already escaped.
    mutating func bytes(_ bytes: [UInt8])
    /// `text` escaped for JSON, without quotes: escaping works byte by byte, so the contents of
    /// parts are the contents of the whole.
    mutating func contents(_ text: String)
}

extension JSONByteSink {
    /// `text` as a JSON string.
    mutating func string(_ text: String) {
        byte(UInt8(ascii: "\""))
        contents(text)
        byte(UInt8(ascii: "\""))
    }
}

/// A JSON document written through a sink.
protocol JSONByteSource {
    func write<Sink: JSONByteSink>(to sink: inout Sink)
}

extension JSONByteSource {
    /// The document's bytes, in one allocation of exactly their size.
    var jsonBytes: [UInt8] {
        var counter = JSONByteCounter()
        write(to: &counter)
        return [UInt8](unsafeUninitializedCapacity: counter.count) { buffer, initialized in
            var writer = JSONByteWriter(buffer)
            write(to: &writer)
            precondition(writer.count == counter.count, "a JSON document wrote other bytes than it measured")
            initialized = writer.count
        }
    }
}

/// Counts the bytes a document would take.
struct JSONByteCounter: JSONByteSink {
    private(set) var count = 0

    mutating func raw(_ text: StaticString) { count += text.utf8CodeUnitCount }
    mutating func byte(_ byte: UInt8) { count += 1 }
    mutating func bytes(_ bytes: [UInt8]) { count += bytes.count }

    mutating func contents(_ text: String) {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { !JSONEscaping.needsEscape($0) } ? bytes.count : nil
        }
        if let plain, let plain {
            count += plain
        } else {
            count += JSONEscaping.escapedContents(text).count
        }
    }
}

/// Writes a document into memory already sized by ``JSONByteCounter``.
struct JSONByteWriter: JSONByteSink {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { copy($0) }
    }

    mutating func byte(_ byte: UInt8) {
        precondition(count < buffer.count, "JSON longer than measured")
        buffer[count] = byte
        count += 1
    }

    mutating func bytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { copy($0) }
    }

    mutating func contents(_ text: String) {
        let done = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ !JSONEscaping.needsEscape($0) }) else { return false }
            copy(bytes)
            return true
        }
        if done != true { bytes(JSONEscaping.escapedContents(text)) }
    }

    private mutating func copy(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress, !source.isEmpty else { return }
        precondition(buffer.count - count >= source.count, "JSON longer than measured")
        (buffer.baseAddress! + count).initialize(from: from, count: source.count)
        count += source.count
    }
}

/// JSON string escaping, as `JSONWriter` does it.
enum JSONEscaping {
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// `text` escaped by `JSONWriter`, without its quotes.
    static func escapedContents(_ text: String) -> [UInt8] {
        var quoted: [UInt8] = []
        JSONWriter.appendString(text, to: &quoted)
        return Array(quoted[1..<(quoted.count - 1)])
    }
}
