@testable import Journal
import Testing

/// Pins the chunked list: it reads and writes every element in place across its 4096-element chunks.
@Suite struct ChunkedListTests {
    @Test func elementsKeepTheirPlaceAcrossChunks() {
        var list = ChunkedList<Int32>()
        #expect(list.count == 0)
        for i in 0..<10_000 { list.append(Int32(i * 3)) }
        #expect(list.count == 10_000)
        #expect((0..<10_000).allSatisfy { list[$0] == Int32($0 * 3) })
        for i in [0, 4095, 4096, 8191, 8192, 9_999] { list[i] = -1 }
        #expect([4094, 4095, 4096, 4097, 9_998, 9_999].map { list[$0] } == [12_282, -1, -1, 12_291, 29_994, -1])
    }

    @Test func holdsAnySendableElement() {
        var list = ChunkedList<String>()
        list.append("a")
        list.append("b")
        list[0] += "!"
        #expect([list[0], list[1]] == ["a!", "b"])
    }
}
