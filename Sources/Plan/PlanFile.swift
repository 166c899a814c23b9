import JSONLines
import Model

/// Reads and writes plan files: zstd-compressed JSON Lines, a header then one request a line.
public enum PlanFile {
    /// Writes the header, sealed with the digest of the request lines, and every request of
    /// `builder`, atomically (renamed into place); returns the header as written.
    ///
    /// The header comes first but its seal is known only once every request line is encoded: the
    /// requests are compressed into frames of their own first, in a file beside the plan, and
    /// copied after the header's frame. A reader sees one stream, the same manifests still give the
    /// same bytes, and the request lines are encoded once and never held whole.
    @discardableResult
    public static func write(_ header: PlanHeader, requests builder: PlanBuilder, to path: String) throws -> PlanHeader {
        // Level 3 on a second thread: compressing overlaps encoding, and plans are read rarely.
        let requests = try JSONLinesWriter(path: path + ".requests", compressed: true, level: 3, workers: 1)
        var seal = SHA256Hex()
        try builder.forEachEncodedChunk { chunk in
            seal.update(chunk)
            try requests.write(lines: chunk)
        }
        var sealed = header
        sealed.requestsSHA256 = seal.finalize()
        let writer = try JSONLinesWriter(path: path, compressed: true, level: 3, workers: 1)
        try writer.write(sealed.encoded())
        try writer.append(requests)
        try writer.commit()
        return sealed
    }

    /// A request line, without its newline: `{"id":1,"domain":…,"domainOwner":…,"repository":…,"format":…,"namespace":…,"package":…,"expectedStatus":…,"versions":[…],"revisions":[…]}`,
    /// `expectedStatus` and `revisions` only when the request has them.
    public static func encode(_ request: BatchRequest) -> [UInt8] {
        var bytes: [UInt8] = []
        appendLine(request, to: &bytes)
        bytes.removeLast()
        return bytes
    }

    /// Appends a request line with its preconditions, and its newline.
    static func appendLine(_ request: BatchRequest, to out: inout [UInt8]) {
        appendLine(id: request.id, key: request.key, expectedStatus: request.expectedStatus, versions: request.versions[...],
                   revisions: request.revisions, to: &out)
    }

    /// Appends a request line and its newline; written by hand because plans hold millions of them.
    static func appendLine(id: Int, key: PackageKey, expectedStatus: PackageVersionStatus? = nil, versions: ArraySlice<String>,
                           revisions: [String]? = nil, to out: inout [UInt8]) {
        func string(_ name: StaticString, _ value: String?) {
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            if let value { JSONWriter.appendString(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        out.append(contentsOf: #"{"id":"#.utf8)
        out.append(contentsOf: String(id).utf8)
        string(#","domain":"#, key.domain)
        string(#","domainOwner":"#, key.domainOwner)
        string(#","repository":"#, key.repository)
        string(#","format":"#, key.format.rawValue)
        string(#","namespace":"#, key.namespace)
        string(#","package":"#, key.package)
        if let expectedStatus { string(#","expectedStatus":"#, expectedStatus.rawValue) }
        out.append(contentsOf: #","versions":["#.utf8)
        var first = true
        for version in versions {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONWriter.appendString(version, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        if let revisions {
            out.append(contentsOf: #","revisions":["#.utf8)
            for (index, revision) in revisions.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(revision, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "}\n".utf8)
    }

    /// A plan read back: its header, its requests and the file's own sha256 (journals name
    /// their plan by it).
    public struct Contents: Sendable {
        public var header: PlanHeader
        /// Held compactly: a plan of millions of versions stays a fraction of its size in memory.
        public var requests: PlanRequests
        public var sha256: String
    }

    /// Reads a whole plan, checking the header, every line, the request count and the seal.
    public static func read(_ path: String) throws -> Contents {
        var requests = PlanRequests()
        var header: PlanHeader?
        let sha256 = try forEachRequest(path, header: {
            header = $0
            requests.reserveCapacity(requests: $0.totals.requests)
        }, { requests.append($0) })
        return Contents(header: header!, requests: requests, sha256: sha256)
    }

    /// Reads only a plan's header, its first line; `forEachRequest` checks the rest.
    public static func readHeader(_ path: String) throws -> PlanHeader {
        struct Enough: Error {}
        var header: PlanHeader?
        do {
            try forEachRequest(path, header: { header = $0; throw Enough() }, { _ in })
        } catch is Enough {}
        return header!
    }

    /// Reads a plan's header and the file's sha256, checking the seal over the request lines
    /// without decoding them: a report checks a plan this way before it streams any of it out,
    /// and `forEachRequest` checks the rules as it streams. A broken seal names the first bad
    /// request line when there is one.
    public static func readSealedHeader(_ path: String) throws -> (header: PlanHeader, sha256: String) {
        do {
            return try scan(path, decoding: false, header: { _ in }, { _ in })
        } catch let error as PlanError where error == .sealBroken(file: path, line: nil, problem: nil) {
            // Decoding every line finds the first that is damaged or breaks a rule, if one does.
            try forEachRequest(path, header: { _ in }, { _ in })
            throw error
        }
    }

    /// Streams a plan: its header, then each request in id order, checked as `read` checks them;
    /// returns the file's sha256. Holds one line at a time, so reports of any size stay small.
    ///
    /// Every request is checked against the service's rules before `body` sees it, and the seal
    /// once the last line is read: a streaming caller gets an error after the requests before the
    /// first bad line, and must not act on them before this returns.
    @discardableResult
    public static func forEachRequest(_ path: String, header onHeader: (PlanHeader) throws -> Void,
                                      _ body: (BatchRequest) throws -> Void) throws -> String {
        try scan(path, decoding: true, header: onHeader, body).sha256
    }

    /// Streams a plan as `forEachRequest` does, handing `body` consecutive stretches of whole
    /// packages, each of at least `versionsPerStretch` versions but the last, with the plan's ids;
    /// returns the file's sha256. Memory holds one stretch.
    @discardableResult
    public static func forEachStretch(_ path: String, versionsPerStretch: Int = 1 << 16,
                                      _ body: (PlanRequests) throws -> Void) throws -> String {
        var stretch = PlanRequests(firstId: 1)
        var lastKey: PackageKey?
        let sha256 = try forEachRequest(path, header: { _ in }) { request in
            if request.key != lastKey, stretch.versionCount >= versionsPerStretch {
                try body(stretch)
                stretch = PlanRequests(firstId: request.id)
            }
            lastKey = request.key
            stretch.append(request)
        }
        if !stretch.isEmpty { try body(stretch) }
        return sha256
    }

    /// The one reading of a plan file: the header, the digest of everything after it and, when
    /// `decoding`, every request decoded and checked (else only the header and the seal).
    private static func scan(_ path: String, decoding: Bool, header onHeader: (PlanHeader) throws -> Void,
                             _ body: (BatchRequest) throws -> Void) throws -> (header: PlanHeader, sha256: String) {
        var header: PlanHeader?
        var count = 0, versions = 0
        var seal = RequestLinesDigest()
        // After the first bad request line the rest are only digested, so that the error can say
        // whether the plan was changed since it was sealed or was made that way.
        var firstProblem: (line: Int, error: PlanError)?
        let result: JSONLinesReader.Result
        do {
            result = try JSONLinesReader.forEachLine(of: InputFile(path), observing: { seal.update($0) }) { number, line in
                if number == 1 {
                    guard let line else {
                        throw PlanError.damaged(file: path, line: number, reason: "the line is too long")
                    }
                    let value: JSONValue
                    do { value = try JSONValue.parse(line) } catch {
                        throw PlanError.notAPlan(file: path, reason: "its first line is not JSON")
                    }
                    header = try PlanHeader(decoding: value, file: path)
                    try onHeader(header!)
                    return
                }
                guard decoding, firstProblem == nil else { return }
                let request: BatchRequest
                do {
                    request = try checkedRequest(line, file: path, line: number, expectedID: count + 1)
                } catch let error as PlanError {
                    firstProblem = (number, error)
                    return
                }
                count += 1
                versions += request.versions.count
                try body(request)
            }
        } catch let error as FileError where error.code == .truncated {
            throw PlanError.truncated(file: path, expected: header?.totals.requests ?? 0, found: count)
        } catch let error as FileError where error.code == .corrupt {
            throw PlanError.notAPlan(file: path, reason: error.description)
        }
        guard let header else { throw PlanError.notAPlan(file: path, reason: "the file is empty") }
        guard result.file.compressed else {
            throw PlanError.notAPlan(file: path, reason: "plans are zstd-compressed and this file is not")
        }
        guard seal.finalize() == header.requestsSHA256 else {
            throw PlanError.sealBroken(file: path, line: firstProblem?.line, problem: firstProblem?.error.lineProblem)
        }
        // Sealed, yet breaking a rule: made that way, not by cabatch plan.
        if let firstProblem { throw firstProblem.error }
        guard decoding else { return (header, result.file.sha256) }
        guard count == header.totals.requests else {
            throw PlanError.truncated(file: path, expected: header.totals.requests, found: count)
        }
        guard versions == header.totals.versions else {
            throw PlanError.damaged(file: path, line: 1, reason: "the header counts \(header.totals.versions) versions and the requests hold \(versions)")
        }
        return (header, result.file.sha256)
    }

    /// Request line `number`, decoded and checked against the service's rules and the plan's
    /// order (its id must be `expectedID`).
    static func checkedRequest(_ line: UnsafeRawBufferPointer?, file: String, line number: Int,
                               expectedID: Int) throws -> BatchRequest {
        guard let line else { throw PlanError.damaged(file: file, line: number, reason: "the line is too long") }
        let request: BatchRequest
        if let written = decodeWritten(line) {
            request = written
        } else {
            let value: JSONValue
            do { value = try JSONValue.parse(line) } catch {
                throw PlanError.damaged(file: file, line: number, reason: "\(error)")
            }
            request = try decodeRequest(value, file: file, line: number)
        }
        if let rule = request.ruleViolation(expectedID: expectedID) {
            throw PlanError.invalidRequest(file: file, line: number, request: request.id, rule: rule)
        }
        return request
    }

    /// The SHA-256 of the bytes after the header line's newline: exactly what the seal covers.
    private struct RequestLinesDigest {
        private var digest = SHA256Hex()
        private var pastHeader = false

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            if pastHeader {
                digest.update(bytes)
            } else if let newline = bytes.firstIndex(of: 0x0A) {
                pastHeader = true
                digest.update(UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...]))
            }
        }

        func finalize() -> String { digest.finalize() }
    }

    /// A request line in exactly the shape `appendLine` writes, valid, decoded straight from its
    /// bytes; `nil` for anything else, which the JSON parser and `decodeRequest` then read and judge.
    /// A plan is read whole by `apply`, `status` and every report, and a JSON tree per line was
    /// most of that time.
    static func decodeWritten(_ line: UnsafeRawBufferPointer) -> BatchRequest? {
        var s = JSONLineScanner(line)
        guard s.skip(#"{"id":"#), let id = s.int(), s.skip(#","domain":"#), let domain = s.string(),
              s.skip(#","domainOwner":"#), let domainOwner = s.nullable({ $0.string() }),
              s.skip(#","repository":"#), let repository = s.string(),
              s.skip(#","format":"#), let formatText = s.string(), let format = PackageFormat(rawValue: formatText),
              s.skip(#","namespace":"#), let namespace = s.nullable({ $0.string() }),
              s.skip(#","package":"#), let package = s.string()
        else { return nil }
        var expectedStatus: PackageVersionStatus?
        if s.skip(#","expectedStatus":"#) {
            guard let text = s.string(), let status = PackageVersionStatus(rawValue: text) else { return nil }
            expectedStatus = status
        }
        guard s.skip(#","versions":"#), let versions = s.strings(), !versions.isEmpty, versions.count <= BatchRequest.maxVersions
        else { return nil }
        var revisions: [String]?
        if s.skip(#","revisions":"#) {
            guard let list = s.strings() else { return nil }
            revisions = list
        }
        guard s.skip("}"), s.atEnd else { return nil }
        let key = PackageKey(domain: domain, domainOwner: domainOwner, repository: repository, format: format,
                             namespace: namespace, package: package)
        return BatchRequest(id: id, key: key, versions: versions, expectedStatus: expectedStatus, revisions: revisions)
    }

    /// Any request line the JSON parser reads; the service's rules are `checkedRequest`'s to judge,
    /// except an unknown format, which a `PackageKey` cannot hold.
    static func decodeRequest(_ value: JSONValue, file: String, line: Int) throws -> BatchRequest {
        func fail(_ reason: String) -> PlanError { .damaged(file: file, line: line, reason: reason) }
        guard let o = value.objectValue else { throw fail("not a JSON object") }
        guard let id = o["id"]?.intValue else { throw fail("id is missing") }
        guard let domain = o["domain"]?.stringValue, let repository = o["repository"]?.stringValue,
              let formatText = o["format"]?.stringValue, let package = o["package"]?.stringValue
        else { throw fail("a package member is missing") }
        guard let format = PackageFormat(rawValue: formatText) else {
            let rule = ServiceConstraints.check(.format, formatText)?.description ?? "unknown format \(formatText)"
            throw PlanError.invalidRequest(file: file, line: line, request: id, rule: rule)
        }
        guard let list = o["versions"]?.arrayValue else { throw fail("versions is missing") }
        let versions = try list.map { item in
            guard let version = item.stringValue else { throw fail("a version is not a string") }
            return version
        }
        let key = PackageKey(domain: domain, domainOwner: o["domainOwner"]?.stringValue, repository: repository,
                             format: format, namespace: o["namespace"]?.stringValue, package: package)
        var expectedStatus: PackageVersionStatus?
        if let value = o["expectedStatus"], !value.isNull {
            guard let text = value.stringValue, let status = PackageVersionStatus(rawValue: text) else {
                throw PlanError.invalidRequest(file: file, line: line, request: id,
                                               rule: ServiceConstraints.check(.status, value.stringValue ?? "\(value)")?.description
                                                   ?? "expectedStatus is not a status")
            }
            expectedStatus = status
        }
        var revisions: [String]?
        if let value = o["revisions"], !value.isNull {
            guard let list = value.arrayValue else { throw fail("revisions is not an array") }
            revisions = try list.map { item in
                guard let revision = item.stringValue else { throw fail("a revision is not a string") }
                return revision
            }
        }
        return BatchRequest(id: id, key: key, versions: versions, expectedStatus: expectedStatus, revisions: revisions)
    }
}
