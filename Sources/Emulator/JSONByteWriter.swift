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
