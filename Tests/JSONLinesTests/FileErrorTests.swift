import Glibc
@testable import JSONLines
import Testing

/// Pins how a file that cannot be read or written is reported: stable codes, and messages that
/// name the file, the byte when known, and what was read.
@Suite struct FileErrorTests {
    @Test func codesAreStable() {
        let codes: [FileError.Code] = [.cannotOpen, .readFailed, .writeFailed, .corrupt, .truncated, .decoderFailed]
        #expect(codes.map(\.rawValue) == ["cannot-open", "read-failed", "write-failed", "corrupt-zstd", "truncated-zstd",
                                          "decoder-failed"])
    }

    @Test func eachCodeReadsWithTheFileAndTheOffset() {
        func text(_ code: FileError.Code, offset: Int? = 42, detail: String = "why") -> String {
            FileError(code: code, file: "m.jsonl", offset: offset, detail: detail).description
        }
        #expect(text(.cannotOpen, offset: nil) == "m.jsonl: cannot open: why")
        #expect(text(.readFailed) == "m.jsonl: byte 42: read failed: why")
        #expect(text(.writeFailed, offset: nil) == "m.jsonl: write failed: why")
        #expect(text(.corrupt) == "m.jsonl: byte 42: corrupt zstd data: why; the lines before it were read, nothing after it")
        #expect(text(.truncated, detail: "")
            == "m.jsonl: byte 42: the zstd stream ends in the middle of a frame (truncated file?); the lines before it were read")
        #expect(text(.decoderFailed, offset: nil, detail: "zstd create decoder failed: out of memory")
            == "m.jsonl: zstd create decoder failed: out of memory")
        #expect(text(.readFailed, offset: 0).hasPrefix("m.jsonl: byte 0: "))
    }

    @Test func fromErrnoCarriesTheCLibrarysMessage() {
        errno = ENOENT
        let missing = FileError.errno(.cannotOpen, file: "/x/y")
        #expect(missing.detail == "No such file or directory")
        #expect(missing.offset == nil)
        errno = EACCES
        let denied = FileError.errno(.writeFailed, file: "out.jsonl", offset: 7)
        #expect(denied.description == "out.jsonl: byte 7: write failed: Permission denied")
    }
}
