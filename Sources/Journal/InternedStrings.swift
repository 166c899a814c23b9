/// Strings kept end to end in one buffer, each distinct one once, and referred to by number.
///
/// A replay keeps error codes, messages and request ids of a whole journal: codes and messages
/// repeat across thousands of versions, and a `String` each would cost more than its bytes.
struct InternedStrings: Sendable {
    private var bytes: [UInt8] = []
    /// Per string: where it ends in `bytes` (it starts where the one before ends).
    private var ends: [Int] = []
    /// Open addressing over the strings' hashes: a string's number, or -1 for a free slot.
    private var slots: [Int32] = []

    var count: Int { ends.count }

    /// The number of `string`, stored first if it is new.
    mutating func intern(_ string: String) -> UInt32 {
        var string = string
        return string.withUTF8 { utf8 in
            if (count + 1) * 2 > slots.count { rehash(capacity: max(64, slots.count * 2)) }
            let mask = slots.count - 1
            var slot = Self.hash(utf8) & mask
            while slots[slot] >= 0 {
                let number = Int(slots[slot])
                if equals(number, utf8) { return UInt32(number) }
                slot = (slot + 1) & mask
            }
            bytes.append(contentsOf: utf8)
            ends.append(bytes.count)
            slots[slot] = Int32(count - 1)
            return UInt32(count - 1)
        }
    }

    subscript(number: UInt32) -> String {
        let i = Int(number)
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[i]]), as: UTF8.self)
        }
    }

    private func equals(_ number: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { $0[start..<ends[number]].elementsEqual(utf8) }
    }

    private mutating func rehash(capacity: Int) {
        slots = Array(repeating: -1, count: capacity)
        let mask = capacity - 1
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (number, end) in ends.enumerated() {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: all[start..<end])) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number)
                start = end
            }
        }
    }

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return hasher.finalize()
    }
}
