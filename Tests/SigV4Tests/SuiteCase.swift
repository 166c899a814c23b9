import Foundation
import SigV4
import TestSupport
import Testing

/// One case directory of AWS's SigV4 test suite, read from `Tests/Fixtures`.
struct SuiteCase: CustomTestStringConvertible, Sendable {
    let name: String
    let directory: URL

    var testDescription: String { name }

    static var root: URL { Fixtures.sigV4Suite }

    static var all: [SuiteCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { SuiteCase(name: $0, directory: root.appendingPathComponent($0)) }
            .filter { FileManager.default.fileExists(atPath: $0.directory.appendingPathComponent("request.txt").path) }
    }

    func text(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    struct Context: Decodable {
        struct Keys: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Keys
        let normalize: Bool
        let region: String
        let service: String
        let sign_body: Bool
        let timestamp: String
        let omit_session_token: Bool?
    }

    func context() throws -> Context {
        try JSONDecoder().decode(Context.self, from: Data(contentsOf: directory.appendingPathComponent("context.json")))
    }

    /// The request of `file` (`request.txt`, or the signed `header-signed-request.txt`) as it
    /// travels: `METHOD path?query HTTP/1.1`, headers (indented lines continue the previous
    /// one), body.
    func request(file: String = "request.txt") throws -> SigningRequest {
        let raw = try text(file)
        let (head, body) = raw.range(of: "\n\n").map { (String(raw[..<$0.lowerBound]), String(raw[$0.upperBound...])) }
            ?? (raw, "")
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        let target = String(requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count))
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [HeaderField] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(HeaderField(String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return SigningRequest(method: method, rawPath: String(pathPart[0]),
                              rawQuery: pathPart.count > 1 ? String(pathPart[1]) : "",
                              headers: headers, body: Array(body.utf8))
    }
}
