import Foundation
import Testing

/// Every case file says where its cases come from, and the folder's README lists it.
@Suite struct CaseFileTests {
    static let ecosystems = ["npm", "pypi", "maven", "nuget", "ruby", "cargo", "swift"]

    @Test(arguments: ecosystems)
    func namesItsSourceAndLicence(ecosystem: String) throws {
        let file = try CaseFile.load(ecosystem)
        #expect(file.ecosystem == ecosystem)
        #expect(file.source.repository.hasPrefix("https://github.com/"))
        #expect(file.source.commit.count == 40 && file.source.commit.allSatisfy(\.isHexDigit))
        #expect(!file.source.licence.isEmpty)
        #expect(!file.groups.isEmpty && file.groups.allSatisfy { !$0.path.isEmpty })
        #expect(file.leftOut.allSatisfy { !$0.path.isEmpty && !$0.why.isEmpty })

        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains("`\(ecosystem).json` | \(file.source.repository) | `\(file.source.commit.prefix(12))` | \(file.source.licence) |"))
    }
}
