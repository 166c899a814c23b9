import JSONLines

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
