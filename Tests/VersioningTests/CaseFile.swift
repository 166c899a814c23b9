import Foundation
import Model
import Testing
import Versioning

/// One ecosystem's published test cases, as kept in `Cases/<ecosystem>.json`: where they come
/// from, what was left out and why, and the cases grouped by the upstream file that holds them.
struct CaseFile: Decodable {
    struct Source: Decodable {
        let repository: String
        let commit: String
        let licence: String
    }

    struct LeftOut: Decodable {
        let path: String
        let why: String
    }

    /// The cases of one upstream file; every member but `path` and `note` is optional.
    struct Group: Decodable {
        let path: String
        let note: String?
        /// Lists in strictly ascending order: every earlier entry is less than every later one.
        let ascending: [[String]]?
        /// Lists whose entries are all equal.
        let equal: [[String]]?
        /// Pairs that are not equal (upstream does not say which is greater).
        let notEqual: [[String]]?
        let valid: [String]?
        let invalid: [String]?
        let prerelease: [String]?
        let release: [String]?
        /// `[version, majorKey]` pairs.
        let major: [[String]]?
    }

    let ecosystem: String
    let follows: String
    let source: Source
    let leftOut: [LeftOut]
    let groups: [Group]

    /// Reads `Cases/<name>.json` beside this file.
    static func load(_ name: String) throws -> CaseFile {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Cases").appendingPathComponent("\(name).json")
        return try JSONDecoder().decode(CaseFile.self, from: Data(contentsOf: url))
    }

    var format: PackageFormat {
        PackageFormat(rawValue: ecosystem)!
    }

    /// How many cases of each kind the file holds, for the report and for the tests to insist
    /// on having something to check.
    func count(_ kind: KeyPath<Group, [[String]]?>) -> Int {
        groups.reduce(0) { $0 + ($1[keyPath: kind]?.count ?? 0) }
    }

    func count(_ kind: KeyPath<Group, [String]?>) -> Int {
        groups.reduce(0) { $0 + ($1[keyPath: kind]?.count ?? 0) }
    }

    private func parse(_ text: String, _ group: Group, sourceLocation: SourceLocation) -> Version? {
        let version = Versioning.parse(text, format: format)
        #expect(version != nil, "\(group.path): \(quoted(text)) should parse", sourceLocation: sourceLocation)
        return version
    }

    /// Every earlier entry of an ascending list is less than every later one, both ways round.
    func checkOrderings(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.ascending) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for list in group.ascending ?? [] {
                let versions = list.map { parse($0, group, sourceLocation: sourceLocation) }
                for i in list.indices {
                    for j in list.indices where i < j {
                        guard let low = versions[i], let high = versions[j] else { continue }
                        #expect(low < high && high > low && low != high && low.compare(high) == -1 && high.compare(low) == 1,
                                "\(group.path): expected \(quoted(list[i])) < \(quoted(list[j]))", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    /// Every entry of an equal list equals every other, both ways round.
    func checkEqualities(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.equal) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for list in group.equal ?? [] {
                let versions = list.map { parse($0, group, sourceLocation: sourceLocation) }
                for i in list.indices {
                    for j in list.indices {
                        guard let a = versions[i], let b = versions[j] else { continue }
                        #expect(a == b && !(a < b) && a.compare(b) == 0,
                                "\(group.path): expected \(quoted(list[i])) == \(quoted(list[j]))", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    func checkInequalities(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.notEqual) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for pair in group.notEqual ?? [] {
                guard let a = parse(pair[0], group, sourceLocation: sourceLocation),
                      let b = parse(pair[1], group, sourceLocation: sourceLocation) else { continue }
                #expect(a != b && b != a && (a < b) != (b < a),
                        "\(group.path): expected \(quoted(pair[0])) != \(quoted(pair[1]))", sourceLocation: sourceLocation)
            }
        }
    }

    func checkValid(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.valid) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for text in group.valid ?? [] {
                let version = parse(text, group, sourceLocation: sourceLocation)
                #expect(version.map { $0.text == text && $0.format == format } ?? true, sourceLocation: sourceLocation)
            }
        }
    }

    func checkInvalid(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.invalid) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for text in group.invalid ?? [] {
                #expect(Versioning.parse(text, format: format) == nil,
                        "\(group.path): \(quoted(text)) should not parse", sourceLocation: sourceLocation)
            }
        }
    }

    func checkPrereleaseFlags(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.prerelease) > 0 && count(\.release) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for (texts, expected) in [(group.prerelease ?? [], true), (group.release ?? [], false)] {
                for text in texts {
                    guard let version = parse(text, group, sourceLocation: sourceLocation) else { continue }
                    #expect(version.isPrerelease == expected,
                            "\(group.path): \(quoted(text)) is \(expected ? "" : "not ")a pre-release", sourceLocation: sourceLocation)
                }
            }
        }
    }

    func checkMajorKeys(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(count(\.major) > 0, sourceLocation: sourceLocation)
        for group in groups {
            for pair in group.major ?? [] {
                guard let version = parse(pair[0], group, sourceLocation: sourceLocation) else { continue }
                #expect(version.majorKey == pair[1],
                        "\(group.path): major of \(quoted(pair[0])) is \(quoted(pair[1])), not \(quoted(version.majorKey))",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// Shows whitespace and other invisible characters in failure messages.
    private func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
