/// An input's lines, split at `\n` as the JSON Lines reader splits them (a final line needs no newline).
public enum Lines {
    public static func split(_ bytes: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
        var lines: [UnsafeRawBufferPointer] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            lines.append(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
        }
        if start < bytes.count { lines.append(UnsafeRawBufferPointer(rebasing: bytes[start...])) }
        return lines
    }
}
