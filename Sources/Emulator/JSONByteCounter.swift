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
