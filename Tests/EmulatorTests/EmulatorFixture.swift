import Emulator
import Foundation
import Manifest
import SigV4
import Model

/// Signed requests and small inventories for driving the emulator's core without a network.
struct EmulatorFixture {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let host = "127.0.0.1:8080"

    var credentials = Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                  secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey)
    var region = "us-east-1"
    var signedAt = start

    static func rows(_ versions: [(String, String?)], package: String = "node", namespace: String? = "types",
                     format: PackageFormat = .npm) -> [ManifestRow] {
        versions.map { version, status in
            ManifestRow(domain: "acme", repository: "npm-store", format: format, namespace: namespace,
                        package: package, version: version, status: status.flatMap(PackageVersionStatus.init(rawValue:)))
        }
    }

    static func core(_ rows: [ManifestRow], configuration: EmulatorConfiguration = EmulatorConfiguration(),
                     now: Date = start) throws -> EmulatorCore {
        let inventory = Inventory()
        inventory.add(contentsOf: rows)
        return EmulatorCore(configuration: configuration, inventory: inventory, clock: .fixed(now))
    }

    static func query(domain: String = "acme", repository: String = "npm-store", format: String = "npm",
                      namespace: String? = "types", package: String = "node", extra: [QueryParameter] = []) -> [QueryParameter] {
        var query = [QueryParameter("domain", domain), QueryParameter("repository", repository),
                     QueryParameter("format", format), QueryParameter("package", package)]
        if let namespace { query.append(QueryParameter("namespace", namespace)) }
        return query + extra
    }

    func signed(method: String = "POST", path: String, query: [QueryParameter], body: String = "") -> SigningRequest {
        let request = SigningRequest(method: method, path: path, query: query,
                                     headers: [HeaderField("Host", Self.host), HeaderField("Content-Type", "application/json")],
                                     body: Array(body.utf8))
        let signer = SigV4Signer(credentials: credentials, region: region, service: "codeartifact", clock: .fixed(signedAt))
        return signer.sign(request)
    }

    func delete(_ versions: [String], expectedStatus: String? = nil, query: [QueryParameter] = EmulatorFixture.query()) -> SigningRequest {
        let list = versions.map { "\"\($0)\"" }.joined(separator: ",")
        let status = expectedStatus.map { ",\"expectedStatus\":\"\($0)\"" } ?? ""
        return signed(path: "/v1/package/versions/delete", query: query, body: "{\"versions\":[\(list)]\(status)}")
    }

    func list(_ extra: [QueryParameter] = [], query: [QueryParameter]? = nil) -> SigningRequest {
        signed(path: "/v1/package/versions", query: query ?? Self.query(extra: extra))
    }

    func describe(_ version: String?, query: [QueryParameter] = EmulatorFixture.query()) -> SigningRequest {
        signed(method: "GET", path: "/v1/package/version", query: query + (version.map { [QueryParameter("version", $0)] } ?? []))
    }

    func listPackages(_ query: [QueryParameter]) -> SigningRequest {
        signed(path: "/v1/packages", query: query)
    }

    func listRepositories(_ query: [QueryParameter]) -> SigningRequest {
        signed(path: "/v1/domain/repositories", query: query)
    }
}

/// An answer's parts, as tests read them.
struct Answer {
    var status: Int
    var errorType: String?
    var json: [String: Any]

    init?(_ outcome: EmulatorOutcome) {
        guard case .respond(let response) = outcome.action else { return nil }
        status = response.status
        errorType = response.header("x-amzn-ErrorType")
        json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    var message: String { json["message"] as? String ?? "" }
    var successful: [String: [String: String]] { json["successfulVersions"] as? [String: [String: String]] ?? [:] }
    var failed: [String: [String: String]] { json["failedVersions"] as? [String: [String: String]] ?? [:] }
}
