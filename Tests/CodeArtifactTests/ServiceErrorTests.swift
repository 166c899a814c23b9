import CodeArtifact
import SigV4
import Testing
import Model

@Suite struct ServiceErrorTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var status: Int
        var headers: [HeaderField]
        var body: String
        var type: String?
        var retry: ErrorClassification.Retry
        var scope: ErrorClassification.Scope
        var testDescription: String { "\(status) \(type ?? "untyped")" }
    }

    static func typed(_ name: String, _ status: Int, _ retry: ErrorClassification.Retry,
                      _ scope: ErrorClassification.Scope = .request) -> Row {
        Row(status: status, headers: [HeaderField("x-amzn-ErrorType", "\(name):http://internal.amazon.com/coral/com.amazonaws.codeartifact/")],
            body: #"{"message":"m"}"#, type: name, retry: retry, scope: scope)
    }

    static let rows: [Row] = [
        typed("AccessDeniedException", 403, .permanent, .resource),
        typed("ConflictException", 409, .transient),
        typed("InternalServerException", 500, .transient),
        typed("ResourceNotFoundException", 404, .permanent),
        typed("ThrottlingException", 429, .throttling),
        typed("ValidationException", 400, .permanent),
        typed("ServiceQuotaExceededException", 402, .permanent),
        typed("InvalidSignatureException", 403, .permanent, .run),
        typed("UnrecognizedClientException", 403, .permanent, .run),
        typed("ExpiredTokenException", 403, .permanent, .run),
        typed("IncompleteSignatureException", 400, .permanent, .run),
        typed("MissingAuthenticationTokenException", 403, .permanent, .run),
        typed("ServiceUnavailableException", 503, .transient),
        // Type from the body when the header is absent: `__type` with a namespace, or `code`.
        Row(status: 429, headers: [], body: #"{"__type":"com.amazonaws.codeartifact#ThrottlingException","message":"slow"}"#,
            type: "ThrottlingException", retry: .throttling, scope: .request),
        Row(status: 403, headers: [], body: #"{"code":"UnrecognizedClientException","Message":"bad"}"#,
            type: "UnrecognizedClientException", retry: .permanent, scope: .run),
        // No type anywhere: the status decides.
        Row(status: 502, headers: [], body: "<html>Bad Gateway</html>", type: nil, retry: .transient, scope: .request),
        Row(status: 503, headers: [], body: "", type: nil, retry: .transient, scope: .request),
        Row(status: 429, headers: [], body: "", type: nil, retry: .throttling, scope: .request),
        Row(status: 403, headers: [], body: "", type: nil, retry: .permanent, scope: .run),
        Row(status: 400, headers: [], body: "{}", type: nil, retry: .permanent, scope: .request),
        Row(status: 418, headers: [], body: "{}", type: nil, retry: .permanent, scope: .request),
    ]

    @Test(arguments: rows)
    func decodesAndClassifies(_ row: Row) {
        let response = ServiceResponse(status: row.status,
                                       headers: row.headers + [HeaderField("x-amzn-RequestId", "req-1")],
                                       body: Array(row.body.utf8))
        let error = ServiceError.decode(response)
        #expect(error.typeName == row.type)
        #expect(error.httpStatus == row.status)
        #expect(error.requestID == "req-1")
        #expect(error.classification == ErrorClassification(retry: row.retry, scope: row.scope))
        #expect(error.code == (row.type ?? "HTTP\(row.status)"))
        if let type = row.type, let known = ServiceErrorType(rawValue: type) {
            #expect(error.type == known)
            #expect(known.httpStatus == row.status)
        }
    }

    @Test func readsMessageRetryAfterAndDescribesWithContext() {
        let response = ServiceResponse(
            status: 429,
            headers: [HeaderField("X-Amzn-ErrorType", "ThrottlingException"), HeaderField("Retry-After", "7"),
                      HeaderField("X-Amzn-RequestId", "abc-123")],
            body: Array(#"{"message":"Rate exceeded"}"#.utf8))
        let error = ServiceError.decode(response)
        #expect(error.message == "Rate exceeded")
        #expect(error.retryAfter == 7)
        #expect(error.description == "CodeArtifact ThrottlingException (HTTP 429, request id abc-123): Rate exceeded")
        let garbage = ServiceResponse(status: 429, headers: [HeaderField("Retry-After", "soon")], body: [])
        #expect(ServiceError.decode(garbage).retryAfter == nil)
    }

    @Test func everyKnownTypeIsClassified() {
        for type in ServiceErrorType.allCases {
            let classification = ServiceError.classify(typeName: type.rawValue, httpStatus: type.httpStatus)
            #expect(classification.retry == .permanent || classification.scope == .request, "\(type)")
        }
    }
}
