import AsyncHTTPClient
import Emulator
import Foundation
import NIOCore
import SigV4

/// Signs requests with the emulator's example key pair and sends them over real sockets.
struct HTTPTestClient {
    let baseURL: URL
    var credentials = Credentials(accessKeyID: EmulatorConfiguration.exampleAccessKeyID,
                                  secretAccessKey: EmulatorConfiguration.exampleSecretAccessKey)

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    func post(path: String, query: [QueryParameter], body: String, client: HTTPClient = .shared) async throws -> Reply {
        let authority = "\(baseURL.host!):\(baseURL.port!)"
        let unsigned = SigningRequest(method: "POST", path: path, query: query,
                                      headers: [HeaderField("Host", authority), HeaderField("Content-Type", "application/json")],
                                      body: Array(body.utf8))
        let signed = SigV4Signer(credentials: credentials, region: "us-east-1", service: "codeartifact").sign(unsigned)
        var request = HTTPClientRequest(url: "http://\(authority)\(signed.encodedPathAndQuery)")
        request.method = .POST
        for header in signed.headers where header.name.lowercased() != "host" {
            request.headers.add(name: header.name, value: header.value)
        }
        request.body = .bytes(ByteBuffer(bytes: signed.body))
        let response = try await client.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: headers, body: Array(bytes.readableBytesView))
    }

    func delete(_ versions: [String], package: String = "node") async throws -> Reply {
        let list = versions.map { "\"\($0)\"" }.joined(separator: ",")
        return try await post(path: "/v1/package/versions/delete",
                              query: EmulatorFixture.query(package: package), body: "{\"versions\":[\(list)]}")
    }
}
