import JSONLines
import Model

extension JournalCodec {
    /// Decodes a parsed line into its sequence number and record.
    static func decode(_ value: JSONValue) throws(LineDefect) -> (sequence: UInt64, record: JournalRecord) {
        guard let o = value.objectValue else { throw LineDefect(reason: "not a JSON object") }
        func fail(_ reason: String) -> LineDefect { LineDefect(reason: reason) }
        func int(_ name: String) throws(LineDefect) -> Int {
            guard let v = o[name]?.intValue else { throw fail("member \(name) is missing or not an integer") }
            return v
        }
        func string(_ name: String) throws(LineDefect) -> String {
            guard let v = o[name]?.stringValue else { throw fail("member \(name) is missing or not a string") }
            return v
        }
        func optionalString(_ name: String) throws(LineDefect) -> String? {
            guard let v = o[name], !v.isNull else { return nil }
            guard let s = v.stringValue else { throw fail("member \(name) is not a string") }
            return s
        }
        func time(_ name: String = "time") throws(LineDefect) -> Timestamp {
            let text = try string(name)
            guard let t = Timestamp(iso8601: text) else { throw fail("\(name) \"\(text)\" is not an ISO 8601 UTC time") }
            return t
        }
        let seq = try int("seq")
        guard seq >= 1 else { throw fail("seq \(seq) is not positive") }
        let record: JournalRecord
        switch try string("type") {
        case "header":
            guard o["format"]?.stringValue == JournalHeader.formatName else { throw fail("format is not \(JournalHeader.formatName)") }
            let version = try int("formatVersion")
            guard JournalHeader.readableVersions.contains(version) else {
                throw fail("format version \(version) is not one this cabatch reads (\(JournalHeader.readableVersions.lowerBound)–\(JournalHeader.readableVersions.upperBound))")
            }
            record = .header(JournalHeader(planSHA256: try string("plan"), cabatchVersion: try string("cabatchVersion"),
                                           startTime: try time()))
        case "run-start":
            record = .runStart(RunStart(time: try time(), endpoint: try string("endpoint"), region: try string("region"),
                                        concurrency: try int("concurrency"), cabatchVersion: try string("cabatchVersion")))
        case "intent":
            guard let list = o["versions"]?.arrayValue else { throw fail("member versions is missing") }
            var versions: [String] = []
            versions.reserveCapacity(list.count)
            for item in list {
                guard let v = item.stringValue else { throw fail("a version is not a string") }
                versions.append(v)
            }
            record = .intent(AttemptIntent(request: try int("request"), attempt: try int("attempt"), time: try time(),
                                           versions: versions))
        case "answer":
            guard let list = o["results"]?.arrayValue else { throw fail("member results is missing") }
            var results: [VersionResult] = []
            results.reserveCapacity(list.count)
            for item in list {
                guard let r = item.arrayValue, r.count >= 2, let version = r[0].stringValue, let kind = r[1].stringValue
                else { throw fail("a result is not [version, outcome, …]") }
                let outcome: VersionOutcome
                switch kind {
                // Format 1 spelled done and absent "deleted" and "not-found".
                case "done", "deleted": outcome = .done(revision: r.count > 2 ? r[2].stringValue : nil)
                case "absent", "not-found": outcome = .absent
                case "failed", "retryable", "changed":
                    guard r.count >= 3, let code = r[2].stringValue else { throw fail("a \(kind) result lacks its code") }
                    let message = r.count > 3 ? r[3].stringValue ?? "" : ""
                    switch kind {
                    case "failed": outcome = .failed(code: code, message: message)
                    case "changed": outcome = .changed(code: code, message: message)
                    default: outcome = .retryable(code: code, message: message)
                    }
                default: throw fail("unknown outcome \(kind)")
                }
                results.append(VersionResult(version, outcome))
            }
            let status: Int?
            if let s = o["httpStatus"], !s.isNull {
                guard let v = s.intValue else { throw fail("httpStatus is not an integer") }
                status = v
            } else { status = nil }
            record = .answer(AttemptAnswer(
                request: try int("request"), attempt: try int("attempt"), time: try time(),
                latencyMilliseconds: try int("latencyMs"), httpStatus: status,
                serviceRequestId: try optionalString("serviceRequestId"), errorType: try optionalString("errorType"),
                errorMessage: try optionalString("errorMessage"), throttled: o["throttled"]?.boolValue ?? false,
                results: results))
        case "run-end":
            let text = try string("reason")
            guard let reason = RunEnd.Reason(rawValue: text) else { throw fail("unknown run-end reason \(text)") }
            record = .runEnd(RunEnd(time: try time(), reason: reason, message: try optionalString("message")))
        case let other:
            throw fail("unknown record type \(other)")
        }
        return (UInt64(seq), record)
    }
}
