import Model
import CodeArtifact
import Foundation
import SigV4
import TestSupport
import Testing

/// The client end to end against a loopback server that verifies every signature with `SigV4Verifier`.
@Suite struct CodeArtifactClientTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/+=="
    static let credentials = Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: token)
    static let key = PackageKey(domain: "acme", domainOwner: "111122223333", repository: "npm-store",
                                                format: .npm, namespace: "types", package: "nöde +@~%")

    /// Answers like CodeArtifact: verifies the signature, then lets `route` answer.
    static func server(_ route: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Response) async throws -> LoopbackServer {
        let verifier = SigV4Verifier(region: "us-east-1", service: "codeartifact", keyRing: KeyRing([credentials]))
        return try await LoopbackServer { request in
            let signing = SigningRequest(method: request.method, rawPath: request.path, rawQuery: request.rawQuery,
                                         headers: request.headers, body: request.body)
            if case let .failure(error) = verifier.verify(signing) {
                return .json(#"{"message":"\#(error.description)"}"#, status: 403,
                             headers: [HeaderField("x-amzn-ErrorType", error.awsErrorType), HeaderField("x-amzn-RequestId", "denied-1")])
            }
            return route(request)
        }
    }

    static func client(_ server: LoopbackServer, credentials: Credentials = credentials, readTimeout: TimeInterval = 10,
                       logger: LogRecorder = LogRecorder()) throws -> CodeArtifactClient {
        let configuration = ClientConfiguration(
            region: "us-east-1", endpoint: try Endpoint(parsing: server.url, source: "--endpoint-url"), profile: "default",
            credentialProvider: StaticCredentialProvider(credentials), regionSource: "--region", endpointSource: "--endpoint-url")
        return CodeArtifactClient(configuration: configuration, userAgent: "cabatch/0.1.0", concurrency: 4,
                                  connectTimeout: 2, readTimeout: readTimeout, logger: logger.logger)
    }

    @Test func deletesAndDecodesOutcomes() async throws {
        let server = try await Self.server { request in
            guard request.path == "/v1/package/versions/delete" else { return .json("{}", status: 404) }
            return .json(#"{"successfulVersions":{"1.0.0":{"revision":"R1","status":"Deleted"}},"failedVersions":{"2.0.0":{"errorCode":"NOT_FOUND","errorMessage":"missing"}}}"#,
                         headers: [HeaderField("x-amzn-RequestId", "req-42")])
        }
        let client = try Self.client(server)
        let output = try await client.send(DeletePackageVersions(package: Self.key, versions: ["1.0.0", "2.0.0"],
                                                                 expectedStatus: .published))
        try await client.shutdown()
        try await server.stop()
        #expect(output.httpStatus == 200)
        #expect(output.requestID == "req-42")
        #expect(output.successfulVersions["1.0.0"]?.status == .deleted)
        #expect(output.failedVersions["2.0.0"]?.code == .notFound)
        let received = try #require(server.requests.first)
        #expect(received.header("User-Agent") == "cabatch/0.1.0")
        #expect(received.header("X-Amz-Security-Token") == Self.token)
        #expect(received.uri.hasSuffix("namespace=types&package=n%C3%B6de%20%2B%40~%25"))
    }

    @Test func serviceErrorsAreTypedAndClassified() async throws {
        let server = try await Self.server { _ in
            .json(#"{"message":"Rate exceeded"}"#, status: 429,
                  headers: [HeaderField("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/"),
                            HeaderField("Retry-After", "3"), HeaderField("x-amzn-RequestId", "req-t")])
        }
        let client = try Self.client(server)
        let operation = DeletePackageVersions(package: Self.key, versions: ["1.0.0"])
        await #expect {
            try await client.send(operation)
        } throws: { error in
            guard let error = error as? ServiceError else { return false }
            return error.type == .throttling && error.retryAfter == 3 && error.requestID == "req-t"
                && error.classification.retry == .throttling
        }
        let wrong = try Self.client(server, credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wrong", sessionToken: Self.token))
        await #expect {
            try await wrong.send(operation)
        } throws: { error in
            guard let error = error as? ServiceError else { return false }
            return error.type == .invalidSignature && error.classification == ErrorClassification(retry: .permanent, scope: .run)
        }
        let unknown = try Self.client(server, credentials: Credentials(accessKeyID: "AKIDOTHER", secretAccessKey: "x"))
        await #expect {
            try await unknown.send(operation)
        } throws: { ($0 as? ServiceError)?.type == .unrecognizedClient }
        try await client.shutdown()
        try await wrong.shutdown()
        try await unknown.shutdown()
        try await server.stop()
    }

    @Test func transportFailuresAreTransient() async throws {
        let slow = try await Self.server { _ in LoopbackServer.Response(status: 200, body: Array("{}".utf8), delay: 3) }
        let client = try Self.client(slow, readTimeout: 0.3)
        let operation = DeletePackageVersions(package: Self.key, versions: ["1.0.0"])
        await #expect {
            try await client.send(operation)
        } throws: { error in
            guard let error = error as? TransportError else { return false }
            return error.code == "read_timeout" && error.classification.retry == .transient
        }
        try await client.shutdown()
        try await slow.stop()

        let closed = try await Self.server { _ in .json("{}") }
        let refusing = try Self.client(closed)
        let closedURL = closed.url
        try await closed.stop()
        await #expect {
            try await refusing.send(operation)
        } throws: { error in
            guard let error = error as? TransportError else { return false }
            return error.classification.retry == .transient && error.description.contains(closedURL)
        }
        try await refusing.shutdown()
    }

    @Test func listsEveryPage() async throws {
        let server = try await Self.server { request in
            let token = QueryParameter.parse(rawQuery: request.rawQuery).first { $0.name == "next-token" }?.value
            switch token {
            case nil: return .json(#"{"versions":[{"version":"1","status":"Published"}],"nextToken":"p2+/="}"#)
            case "p2+/=": return .json(#"{"versions":[{"version":"2","status":"Published"}]}"#)
            default: return .json(#"{"message":"bad token"}"#, status: 400, headers: [HeaderField("x-amzn-ErrorType", "ValidationException")])
            }
        }
        let client = try Self.client(server)
        var operation: ListPackageVersions? = ListPackageVersions(package: Self.key, status: .published, maxResults: 1)
        var versions: [String] = []
        while let current = operation {
            let page = try await client.send(current)
            versions += page.versions.map(\.version)
            operation = current.next(after: page)
        }
        try await client.shutdown()
        try await server.stop()
        #expect(versions == ["1", "2"])
    }
}
