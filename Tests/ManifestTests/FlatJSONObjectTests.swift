@testable import Manifest
import Testing
import Model

/// Lines of the common flat shape are read without jansson; on every line, the result must be
/// exactly jansson's (the same row, or the same reject with the same words).
@Suite struct FlatJSONObjectTests {
    private let flat = ManifestRowDecoder()
    private let jansson = ManifestRowDecoder(readsFlatLines: false)

    private func isFlat(_ line: String) -> Bool {
        Array(line.utf8).withUnsafeBytes { FlatJSONObject($0) != nil }
    }

    private func expectAgreement(_ bytes: [UInt8], after previous: ManifestRow? = nil,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        bytes.withUnsafeBytes { line in
            let fast = flat.decode(line, after: previous)
            let reference = jansson.decode(line)
            #expect(fast == reference, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    static let edgeCases: [String] = [
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","extra":null,"more":"x"}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","":""}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","version ":"2"}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":null}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":""}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","namespace":null,"domainOwner":null,"package":"p","version":"1"}"#,
        #"{"domain":"acme","repository":"r1","format":"NPM","package":"p","version":"1"}"#,
        #"{"domain":"acme","repository":"r1","format":"maven","package":"p","version":"1"}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","namespace":"@types","package":"p","version":"1"}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1 2"}"#,
        #"{"domain":"acme","domainOwner":"1234","repository":"r1","format":"npm","package":"p","version":"1"}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","domain":"acme"}"#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1"} "#,
        #"  {  "domain"  :  "acme"  ,  "repository"  :  "r1"  ,  "format":"npm","package":"p","version":"1"  }  "#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1""#,
        #"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1"}}"#,
        #"{}"#,
        #"null"#,
        #"{"domain":"acme"}"#,
    ]

    private static let valid = #"{"domain":"acme","domainOwner":"111122223333","repository":"npm-store","format":"npm","namespace":"types","package":"node","version":"18.11.9"}"#

    @Test func readsPlainLinesAndDeclinesWhatItDoesNotCover() {
        #expect(isFlat(Self.valid))
        #expect(isFlat(" {\t\"domain\" : \"acme\" , \"x\":null,\"version\":\"1\"}\r\n "))
        #expect(isFlat("{}"))
        #expect(isFlat(#"{"domain":"acme","ok":true,"defaultDisplayVersion":false}"#))  // booleans: inventories carry them
        for declined in [
            #"{"domain":"ac\u006de","version":"1"}"#,       // an escape
            #"{"domain":"acmé","version":"1"}"#,            // non-ASCII
            #"{"domain":"acme","domain":"other"}"#,         // a repeated row member
            #"{"domain":"acme","size":12}"#,                // a number
            #"{"domain":"acme","tags":["a"]}"#,             // a nested value
            #"{"domain":"acme","ok":tru}"#,
            #"{"domain":"acme","ok":falsey}"#,
            #"{"domain":"acme",}"#,
            #"{"domain":"acme"} x"#,
            #"{"domain":nul}"#,
            #"{"domain":nullx}"#,
            "{\"domain\":\"a\tb\"}",                         // a control character
            #"["domain"]"#,
            #""domain""#,
            "{",
        ] {
            #expect(!isFlat(declined), "\(declined)")
        }
    }

    /// A member named twice makes a row ambiguous: both paths reject it, naming the member,
    /// whether it is a row member or one the decoder ignores.
    @Test(arguments: [
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1.0.0","version":"9.9.9"}"#, "version"),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","package":"q","version":"1"}"#, "package"),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","origin":"A","origin":"B"}"#, "origin"),
        (#"{"domain":"acme","namespace":null,"repository":"r1","format":"npm","namespace":"x","package":"p","version":"1"}"#, "namespace"),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","extra":{"a":"1","a":"2"}}"#, "a"),
        (#"{"domain":"acme","repository":"r1","format":"npm","package":"p","version":"1","ver\u0073ion":"2"}"#, "version"),
    ] as [(String, String)])
    func aRepeatedMemberIsARejectOnBothPaths(line: String, member: String) {
        for decoder in [flat, jansson] {
            guard case .failure(let failure) = Array(line.utf8).withUnsafeBytes({ decoder.decode($0) }) else {
                Issue.record("accepted \(line)")
                continue
            }
            #expect(failure.kind == .repeatedMember, "\(line)")
            #expect(failure.message.contains("\"\(member)\""), "\(failure.message)")
            #expect(failure.field == PackageField(rawValue: member))
        }
        #expect(!isFlat(line))
    }

    @Test func findsEverySpecialByteInAWord() {
        for value in 0...255 {
            let byte = UInt8(value)
            let special = byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x7F
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(FlatJSONObject.hasSpecialByte(word) == special, "byte \(value) at \(position)")
            }
        }
    }

    @Test func agreesWithJanssonOnEveryGeneratedLine() throws {
        var lines: [[UInt8]] = []
        _ = try SyntheticManifest(rows: 3_000, seed: 11, badLines: 200)
            .generate(manifestLine: { lines.append($0) }, inventoryLine: nil)
        var previous: ManifestRow?
        var flatLines = 0
        for line in lines {
            expectAgreement(line)
            // With the row before it, as the scanner decodes: the same result.
            expectAgreement(line, after: previous)
            if line.withUnsafeBytes({ FlatJSONObject($0) != nil }) { flatLines += 1 }
            if case .success(let row) = line.withUnsafeBytes({ jansson.decode($0) }) { previous = row }
        }
        // Generated rows are plain: nearly all take the fast path.
        #expect(flatLines > 2_500)
    }

    @Test(arguments: Self.edgeCases)
    func agreesWithJanssonOnEdgeCases(_ line: String) {
        expectAgreement(Array(line.utf8))
        expectAgreement(Array(line.utf8), after: ManifestRow(domain: "acme", repository: "r1", format: .npm, package: "p", version: "0"))
    }

    /// The edge cases above are only a comparison if the fast path takes many of them: lines it
    /// declines go to jansson on both sides.
    @Test func theFastPathTakesMostEdgeCases() {
        let lines = Self.edgeCases
        let flat = lines.filter(isFlat)
        #expect(flat.count >= 14, "the fast path took only \(flat.count) of \(lines.count): \(flat)")
    }

    /// Seeded random edits of valid lines, using the bytes that matter to the grammar.
    @Test func agreesWithJanssonOnMutatedLines() {
        var random = SplitMix64(seed: 5)
        let alphabet = Array(#"{}[]:,"\ nul0a-/#é"#.utf8) + [0x09, 0x0A, 0x0D, 0x00, 0x7F, 0xFF]
        let base = Array(Self.valid.utf8)
        var flatLines = 0
        for _ in 0..<5_000 {
            var line = base
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let position = Int(random.next() % UInt64(line.count))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: line[position] = byte
                case 1: line.insert(byte, at: position)
                default: if line.count > 1 { line.remove(at: position) }
                }
            }
            expectAgreement(line)
            if line.withUnsafeBytes({ FlatJSONObject($0) != nil }) { flatLines += 1 }
        }
        // Many edits keep the line flat (a changed letter, a removed one): those compare the two paths.
        #expect(flatLines >= 1_000, "the fast path took only \(flatLines) of 5,000 mutated lines")
    }
}
