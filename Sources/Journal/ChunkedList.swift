/// A list that grows in chunks of a fixed size: appending never copies what is already there, and
/// no more than one chunk is allocated beyond the elements.
///
/// An array that doubles holds up to twice its elements, and copies them all each time it grows;
/// the answer columns of a long journal would spend megabytes on that.
struct ChunkedList<Element: Sendable>: Sendable {
    private static var shift: Int { 12 }
    private static var chunkSize: Int { 1 << shift }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element {
        get { chunks[index >> Self.shift][index & (Self.chunkSize - 1)] }
        set { chunks[index >> Self.shift][index & (Self.chunkSize - 1)] = newValue }
    }
}
