@testable import Emulator
import Foundation
import FuzzSupport
import Manifest
import Model
@testable import SigV4

enum EmulatorRequestFuzz {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let region = "us-east-1"
    static let signer = SigV4Signer(
        credentials: Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                 secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey),
        region: region, service: "codeartifact", clock: .fixed(now))
    static let verifier = SigV4Verifier(region: region, service: "codeartifact", clock: .fixed(now)) { key in
        key == EmulatorConfiguration.exampleAccessKeyID ? EmulatorConfiguration.exampleSecretAccessKey : nil
    }
    static let rows = [("1.0.0", PackageVersionStatus.published), ("1.0.1", .archived), ("2.0.0", .unlisted)].map { version, status in
        ManifestRow(domain: "acme", repository: "npm-store", format: .npm, namespace: "types", package: "node",
                    version: version, status: status)
    }
    static let lookedUpNames = ["authorization", "x-amz-date", "x-amz-content-sha256", "host", "content-type"]

    static func test(_ input: UnsafeRawBufferPointer) {
        guard let mode = input.first else { return }
        var request = parse(UnsafeRawBufferPointer(rebasing: input.dropFirst()))
        let signs = mode & 1 == 1
        if signs { request = signer.sign(request) }

        for field in request.headers {
            for name in lookedUpNames + [field.name.lowercased()]
            where HeaderName.matches(field.name, lowercasedName: name) != (field.name.lowercased() == name) {
                FuzzDriver.disagreement("HeaderName.matches(\(field.name.debugDescription), \(name.debugDescription))", input: input)
            }
            if HeaderName.lowercased(field.name) != field.name.lowercased() {
                FuzzDriver.disagreement("HeaderName.lowercased(\(field.name.debugDescription))", input: input)
            }
            // What the parser reads, rendered, reads back the same (an empty list renders as an empty value).
            if HeaderName.matches(field.name, lowercasedName: "authorization"),
               let parsed = AuthorizationHeader(parsing: field.value), !parsed.signedHeaders.isEmpty,
               AuthorizationHeader(parsing: parsed.rendered) != parsed {
                FuzzDriver.disagreement("Authorization \(field.value.debugDescription) read as \(parsed), rendered \(parsed.rendered.debugDescription) reads otherwise", input: input)
            }
        }

        // What the signer signs, the verifier accepts, whenever the signed header names survive the
        // `Authorization` list (tokens) and the payload hash is the body's.
        let verified = verifier.verify(request)
        if signs, case .failure(let failure) = verified,
           request.headers.allSatisfy({ isToken($0.name) }), request.header("x-amz-content-sha256") == nil {
            FuzzDriver.disagreement("the verifier refused what the signer signed: \(failure)", input: input)
        }

        for operation in [Emulator.Operation.deletePackageVersions, .disposePackageVersions, .updatePackageVersionsStatus] {
            _ = "\(PackageVersionsInput.decode(operation, query: request.query, body: request.body))"
        }
        _ = "\(ListPackageVersionsInput.decode(query: request.query))"
        _ = "\(ListPackagesInput.decode(query: request.query))"
        _ = "\(ListRepositoriesInDomainInput.decode(query: request.query))"
        _ = "\(DescribePackageVersionInput.decode(query: request.query))"

        let inventory = Inventory()
        inventory.add(contentsOf: rows)
        let core = EmulatorCore(configuration: EmulatorConfiguration(), inventory: inventory, clock: .fixed(now))
        let outcome = core.handle(request)
        if case .respond(let response) = outcome.action { _ = (response.status, response.body.count) }
    }

    /// An HTTP field name (RFC 9110 `token`): what a signed header name must be to be listed in `SignedHeaders`.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    /// `METHOD TARGET\nName: value\n…\n\nbody`: the first line, header lines up to an empty one, then
    /// the body. Anything goes: a line without a colon is a name with an empty value, a missing part
    /// is empty.
    static func parse(_ text: UnsafeRawBufferPointer) -> SigningRequest {
        func string(_ bytes: UnsafeRawBufferPointer.SubSequence) -> String { String(decoding: bytes, as: UTF8.self) }
        var lines = text.split(separator: 0x0A, maxSplits: Int.max, omittingEmptySubsequences: false)[...]
        let first = lines.popFirst() ?? text[0..<0]
        let space = first.firstIndex(of: UInt8(ascii: " ")) ?? first.endIndex
        let method = string(first[..<space])
        let target = space < first.endIndex ? first[(space + 1)...] : first[first.endIndex...]
        let question = target.firstIndex(of: UInt8(ascii: "?")) ?? target.endIndex
        let rawQuery = question < target.endIndex ? string(target[(question + 1)...]) : ""
        var headers: [HeaderField] = []
        while let line = lines.popFirst(), !line.isEmpty {
            let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
            var value = colon < line.endIndex ? line[(colon + 1)...] : line[line.endIndex...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
            headers.append(HeaderField(string(line[..<colon]), string(value)))
        }
        let body = Array(lines.joined(separator: [0x0A]))
        return SigningRequest(method: method, rawPath: string(target[..<question]), rawQuery: rawQuery,
                              headers: headers, body: body)
    }

    /// Deletes and lists as clients send them, unsigned and signed, and some `Authorization` values.
    static func writeSeeds(to seeds: SeedDirectory) throws {
        let query = "domain=acme&repository=npm-store&format=npm&namespace=types&package=node"
        let requests = [
            "POST /v1/package/versions/delete?\(query)\nHost: 127.0.0.1:8080\nContent-Type: application/json\n\n{\"versions\":[\"1.0.0\",\"2.0.0\"]}",
            "POST /v1/package/versions/delete?\(query)\nHost: 127.0.0.1:8080\nContent-Type: application/json\n\n{\"versions\":[\"1.0.1\"],\"expectedStatus\":\"Archived\"}",
            "POST /v1/package/versions/delete?domain=acme&repository=npm-store&format=pypi&package=Node%20JS\nHost: 127.0.0.1:8080\n\n{\"versions\":[\"1.0\", 2, null, \"\\u00e9\\ud83d\\ude00\"], \"x\": {\"y\": [true, false, -1.5e3]}}",
            "POST /v1/package/versions?\(query)&max-results=2&next-token=cabatch-emulator-v1.1\nHost: 127.0.0.1:8080\n\n",
            "POST /v1/package/versions/?\(query)&status=Published&sortBy=PUBLISHED_TIME\nHost: 127.0.0.1:8080\nX-Amz-Content-SHA256: UNSIGNED-PAYLOAD\n\n",
        ]
        for text in requests {
            try seeds.add("request", [0] + Array(text.utf8))
            try seeds.add("request-to-sign", [1] + Array(text.utf8))
            // Signed in the text itself, so that mutations of the signed request keep the signature's headers.
            let signed = signer.sign(Array(text.utf8).withUnsafeBytes { parse($0) })
            let head = text.split(separator: "\n\n", maxSplits: 1, omittingEmptySubsequences: false)
            let added = signed.headers.filter { $0.name == "X-Amz-Date" || $0.name == "Authorization" }
                .map { "\($0.name): \($0.value)" }.joined(separator: "\n")
            try seeds.add("request-signed", [0] + Array("\(head[0])\n\(added)\n\n\(head.count > 1 ? head[1] : "")".utf8))
        }
        let credential = "AKIDEXAMPLE/20260101/us-east-1/codeartifact/aws4_request"
        for authorization in [
            "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=content-type;host;x-amz-date, Signature=abc123",
            "  AWS4-HMAC-SHA256 Credential=\(credential) ,\tSignedHeaders=host , Signature=abc\t ",
            "AWS4-HMAC-SHA256 =Credential=\(credential), ==SignedHeaders=a;;b;, Signature==abc,",
            "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=höst, Signature=abc",
        ] {
            try seeds.add("authorization", [0] + Array("POST /v1/package/versions/delete?\(query)\nHost: 127.0.0.1:8080\nX-Amz-Date: 20260101T000000Z\nAuthorization: \(authorization)\n\n{}".utf8))
        }
    }
}
