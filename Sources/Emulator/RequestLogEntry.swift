import Foundation
import JSONLines
import Model

/// One line of the request log: what was asked, what was answered, and which fault was injected.
public struct RequestLogEntry: Sendable {
    public var time: Date
    public var requestID: String
    /// The operation's name, or `nil` when the path names none.
    public var operation: String?
    public var package: PackageKey?
    public var versions: [String]
    /// The HTTP status, or `nil` when the connection was closed without an answer.
    public var status: Int?
    /// The service error's type when the answer is one.
    public var errorCode: String?
    /// Per version: the new status (`Deleted`) or the error code (`NOT_FOUND`).
    public var outcomes: [(version: String, outcome: String)]
    /// `reset`, `throttle`, `error`, `lost-500`, `lost-drop`, `skip`, or `nil`.
    public var fault: String?
    /// The access key id whose signature was accepted, as CloudTrail records it; `nil` before that.
    public var accessKeyID: String? = nil

    /// The entry as one line of JSON, newline included.
    public func jsonLine() -> [UInt8] {
        var json = JSONWriter(capacity: 256 + versions.count * 48)
        json.beginObject()
        // Milliseconds order requests within a second.
        json.member("time", Timestamp(flooringSecondsSinceEpoch: time.timeIntervalSince1970).iso8601)
        json.member("requestId", requestID)
        json.memberIfPresent("accessKeyId", accessKeyID)
        json.memberIfPresent("operation", operation)
        json.memberIfPresent("package", package?.resourcePath)
        if !versions.isEmpty {
            json.key("versions")
            json.beginArray()
            for version in versions { json.string(version) }
            json.endArray()
        }
        json.key("status")
        if let status { json.int(status) } else { json.null() }
        json.memberIfPresent("error", errorCode)
        if !outcomes.isEmpty {
            json.key("outcomes")
            json.beginObject()
            for (version, outcome) in outcomes { json.member(version, outcome) }
            json.endObject()
        }
        json.key("fault")
        if let fault { json.string(fault) } else { json.null() }
        json.endObject()
        var line = json.bytes
        line.append(0x0A)
        return line
    }
}
