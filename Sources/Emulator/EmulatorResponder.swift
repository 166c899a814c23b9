import Foundation
import Hummingbird
import SigV4

/// What the emulator keeps of a connection: the means to close it without an answer.
struct EmulatorRequestContext: InitializableFromSource, Sendable {
    let closeConnection: @Sendable () async -> Void

    init(source: ApplicationRequestContextSource) {
        let channel = source.channel
        closeConnection = { try? await channel.close().get() }
    }
}

/// The thin HTTP layer: turns a Hummingbird request into the core's input and performs the
/// core's action (wait, answer or hang up), then logs.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext
    let core: EmulatorCore
    let log: RequestLog?

    /// Bodies of batch requests are a few kilobytes; anything this large is not one.
    static let maxBodySize = 1 << 20

    private typealias Field = HTTPFields.Element
    private static let requestIDName = Field.Name("x-amzn-RequestId")!
    private static let contentTypeName = Field.Name("Content-Type")!

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBodySize)
        let target = request.head.path ?? "/"
        // The query starts after the first `?` byte (RFC 3986), whatever Characters follow it.
        let utf8 = target.utf8
        let pathEnd = utf8.firstIndex(of: UInt8(ascii: "?")) ?? utf8.endIndex
        var headers: [HeaderField] = []
        headers.reserveCapacity(request.headers.count + 1)
        // HTTP/1 `Host` arrives as the request's authority; SigV4 signs it as `host`.
        if let authority = request.head.authority { headers.append(HeaderField("host", authority)) }
        for field in request.headers { headers.append(HeaderField(field.name.canonicalName, field.value)) }
        let signing = SigningRequest(
            method: request.method.rawValue, rawPath: String(decoding: utf8[..<pathEnd], as: UTF8.self),
            rawQuery: pathEnd < utf8.endIndex ? String(decoding: utf8[utf8.index(after: pathEnd)...], as: UTF8.self) : "",
            headers: headers, body: Array(body.readableBytesView))

        let outcome = core.handle(signing)
        if outcome.delayMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(outcome.delayMilliseconds))
        }
        log?.append(outcome.logEntry)
        switch outcome.action {
        case .closeConnection:
            await context.closeConnection()
            // The write of this answer fails on the closed channel, which ends the connection.
            return Response(status: .internalServerError)
        case .respond(let answer):
            var fields = HTTPFields()
            fields[Self.requestIDName] = answer.requestID
            fields[Self.contentTypeName] = "application/json"
            for (name, value) in answer.headers {
                if let name = Field.Name(name) { fields.append(Field(name: name, value: value)) }
            }
            return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }
}
