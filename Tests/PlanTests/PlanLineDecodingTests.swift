@testable import Plan
import Testing
import JSONLines
import Model

/// Request lines are decoded straight from their bytes when they have the shape `PlanFile` writes;
/// the result must be what the JSON parser and `decodeRequest` make of the same line.
@Suite struct PlanLineDecodingTests {
    static let strings = ["acme", "npm-store", "types", "1.0.0", "1.0.0-rc.1+b7", "été", "🎉", "quote\"d", "back\\slash", "tab\tx"]

    static func needsEscape(_ text: String?) -> Bool {
        text?.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 } ?? false
    }

    @Test func agreesWithTheParser() throws {
        var random = SplitMix64(seed: 23)
        func pick() -> String { Self.strings[Int(random.next() % UInt64(Self.strings.count))] }
        var fast = 0
        for id in 1...2000 {
            // One version in a few from the pool (which escapes some): a line with one escape is not fast.
            let versions = (0..<(Int(random.next() % 100) + 1)).map { i in
                (i == 0 && random.next() % 3 == 0 ? pick() : "1.\(i).") + String(random.next() % 1000)
            }
            let key = PackageKey(domain: pick(), domainOwner: random.next() % 2 == 0 ? nil : "111122223333",
                                 repository: pick(), format: PackageFormat.allCases[Int(random.next() % UInt64(PackageFormat.allCases.count))],
                                 namespace: random.next() % 2 == 0 ? nil : pick(), package: pick())
            let request = BatchRequest(id: id, key: key, versions: versions)
            let line = PlanFile.encode(request)
            try line.withUnsafeBytes { raw in
                let parsed = try PlanFile.decodeRequest(JSONValue.parse(raw), file: "p", line: id + 1)
                #expect(parsed == request)
                let escaped = ([key.domain, key.repository, key.namespace, key.package] + versions).contains { Self.needsEscape($0) }
                let written = PlanFile.decodeWritten(raw)
                if escaped {
                    #expect(written == nil)
                } else {
                    #expect(written == request)
                    fast += 1
                }
            }
        }
        #expect(fast > 300)
    }

    /// Lines the fast path does not vouch for are left to the parser, which names what is wrong.
    @Test func invalidOrOtherLinesAreLeftToTheParser() {
        let lines = [
            #"{"id":1,"domain":"acme","domainOwner":null,"repository":"r","format":"npm","namespace":null,"package":"p","versions":[]}"#,
            #"{"id":1,"domain":"acme","domainOwner":null,"repository":"r","format":"cobol","namespace":null,"package":"p","versions":["1"]}"#,
            #"{"domain":"acme","id":1,"domainOwner":null,"repository":"r","format":"npm","namespace":null,"package":"p","versions":["1"]}"#,
            #"{"id":1,"domain":"acme","domainOwner":null,"repository":"r","format":"npm","namespace":null,"package":"p","versions":["1"],"x":1}"#,
        ]
        for line in lines {
            Array(line.utf8).withUnsafeBytes { #expect(PlanFile.decodeWritten($0) == nil, "\(line)") }
        }
        let hundredAndOne = (0...100).map { "\"\($0)\"" }.joined(separator: ",")
        let long = #"{"id":1,"domain":"a","domainOwner":null,"repository":"r","format":"npm","namespace":null,"package":"p","versions":["# + hundredAndOne + "]}"
        Array(long.utf8).withUnsafeBytes { #expect(PlanFile.decodeWritten($0) == nil) }
    }
}
