import Model

/// A plan's requests held compactly: versions and package names end to end in one UTF-8 buffer,
/// each repository once.
///
/// `status`, `apply` and reports hold a whole plan while they replay its journal. As
/// `[BatchRequest]`, a million versions in 130,000 packages take some 50 MB (a `String` per
/// version, six per key); here they take their own bytes and one more each, plus a few bytes per
/// request and package: some 17 MB.
///
/// `self[i]` makes the `BatchRequest` when asked; the per-request and per-package queries
/// (`key(at:)`, `versionRange(at:)`, `requestRange(ofPackage:)`) make nothing they do not return.
public struct PlanRequests: Sendable, Equatable, RandomAccessCollection {
    /// Per package a name record (the namespace's length + 1, or 0 when there is none, then the
    /// namespace; the package's length and the package), then the versions of its requests; each
    /// length in LEB128, each string in UTF-8.
    private var text: [UInt8] = []
    /// Per request, and one more at the end: the flat index of its first version.
    private var firstVersions: [Int] = [0]
    /// Per request: where its text starts (for the first request of a package, at the name record).
    private var textStarts: [Int] = []
    /// Per request: its package.
    private var packages: [Int32] = []
    /// Per request: its expected status's place in `PackageVersionStatus.allCases`, plus 1; 0 for none.
    private var expectedStatuses: [UInt8] = []
    /// The revisions of the requests that carry them, by request index.
    private var revisionLists: [Int: [String]] = [:]
    /// Per package, and one more at the end: its first request. A package is a run of consecutive
    /// requests with one key, as plans order them.
    private var packageStarts: [Int32] = [0]
    /// Per package: its entry in `repositories`.
    private var packageRepositories: [Int32] = []
    private var repositories: [Repository] = []
    private var repositoryIndex: [Repository: Int32] = [:]
    /// The last request's key: the next request with another one starts a package.
    private var lastKey: PackageKey?
    /// The id of the first request: 1 for a whole plan, more for a stretch of one (see `init(firstId:)`).
    public private(set) var firstId = 1

    /// The part of a key the packages of one repository share.
    private struct Repository: Hashable, Sendable {
        var domain: String
        var domainOwner: String?
        var repository: String
        var format: PackageFormat
    }

    public init() {}

    /// An empty stretch of a plan whose first request will have id `firstId`: reports replay a
    /// journal a few packages at a time, and keep the plan's ids.
    public init(firstId: Int) {
        precondition(firstId >= 1, "request ids start at 1")
        self.firstId = firstId
    }

    /// Holds a list of requests; their ids must run from 1 in order.
    public init(_ requests: some Sequence<BatchRequest>) {
        self.init()
        for request in requests { append(request) }
    }

    /// Makes room for `requests` more requests without growing the per-request tables.
    public mutating func reserveCapacity(requests: Int) {
        firstVersions.reserveCapacity(firstVersions.count + requests)
        textStarts.reserveCapacity(textStarts.count + requests)
        packages.reserveCapacity(packages.count + requests)
        expectedStatuses.reserveCapacity(expectedStatuses.count + requests)
    }

    private static func statusCode(_ status: PackageVersionStatus) -> UInt8 {
        UInt8(PackageVersionStatus.allCases.firstIndex(of: status)! + 1)
    }

    /// The expected status of request `index`, when it has one.
    public func expectedStatus(at index: Int) -> PackageVersionStatus? {
        let code = expectedStatuses[index]
        return code == 0 ? nil : PackageVersionStatus.allCases[Int(code) - 1]
    }

    /// The revisions of request `index`, parallel to its versions, when it has them.
    public func revisions(at index: Int) -> [String]? { revisionLists[index] }

    /// Adds the next request; its id must be `firstId + count`.
    public mutating func append(_ request: BatchRequest) {
        precondition(request.id == firstId + count, "plan requests must be in id order")
        let index = count
        textStarts.append(text.count)
        if request.key != lastKey {
            let key = request.key
            let repository = Repository(domain: key.domain, domainOwner: key.domainOwner, repository: key.repository,
                                        format: key.format)
            let known = repositoryIndex[repository] ?? {
                repositories.append(repository)
                repositoryIndex[repository] = Int32(repositories.count - 1)
                return Int32(repositories.count - 1)
            }()
            packageRepositories.append(known)
            if let namespace = key.namespace {
                appendLength(namespace.utf8.count + 1)
                text.append(contentsOf: namespace.utf8)
            } else {
                appendLength(0)
            }
            appendString(key.package)
            // The end marker, which was this request, stays as the new package's start.
            packageStarts.append(Int32(index + 1))
            lastKey = key
        } else {
            packageStarts[packageStarts.count - 1] = Int32(index + 1)
        }
        packages.append(Int32(packageRepositories.count - 1))
        expectedStatuses.append(request.expectedStatus.map { Self.statusCode($0) } ?? 0)
        if let revisions = request.revisions { revisionLists[index] = revisions }
        for version in request.versions { appendString(version) }
        firstVersions.append(firstVersions[firstVersions.count - 1] + request.versions.count)
    }

    private mutating func appendString(_ string: String) {
        appendLength(string.utf8.count)
        text.append(contentsOf: string.utf8)
    }

    private mutating func appendLength(_ length: Int) {
        var value = length
        while value >= 0x80 {
            text.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        text.append(UInt8(value))
    }

    // MARK: - Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { textStarts.count }

    /// Request `index` (id `firstId + index`), made from the compact form.
    public subscript(index: Int) -> BatchRequest {
        BatchRequest(id: firstId + index, key: key(at: index), versions: versions(at: index),
                     expectedStatus: expectedStatus(at: index), revisions: revisionLists[index])
    }

    /// The index of the request with id `id`, or `nil` when it is not among these.
    public func index(ofId id: Int) -> Int? {
        id >= firstId && id - firstId < count ? id - firstId : nil
    }

    // MARK: - Requests and packages

    /// Versions in all the requests.
    public var versionCount: Int { firstVersions[firstVersions.count - 1] }

    /// The flat indices (plan order over all requests, from 0) of request `index`'s versions.
    public func versionRange(at index: Int) -> Range<Int> { firstVersions[index]..<firstVersions[index + 1] }

    /// Request `index`'s package key.
    public func key(at index: Int) -> PackageKey { key(ofPackage: package(at: index)) }

    /// Request `index`'s versions, in plan order.
    public func versions(at index: Int) -> [String] {
        let count = firstVersions[index + 1] - firstVersions[index]
        var versions: [String] = []
        versions.reserveCapacity(count)
        text.withUnsafeBufferPointer { text in
            var offset = versionsStart(index, text)
            for _ in 0..<count {
                let (length, start) = Self.length(text, at: offset)
                versions.append(String(decoding: UnsafeBufferPointer(rebasing: text[start..<start + length]), as: UTF8.self))
                offset = start + length
            }
        }
        return versions
    }

    /// Packages: runs of consecutive requests with one key.
    public var packageCount: Int { packageRepositories.count }

    /// The package of request `index`.
    public func package(at index: Int) -> Int { Int(packages[index]) }

    /// The requests of package `package`.
    public func requestRange(ofPackage package: Int) -> Range<Int> {
        Int(packageStarts[package])..<Int(packageStarts[package + 1])
    }

    /// The key of package `package`.
    public func key(ofPackage package: Int) -> PackageKey {
        let repository = repositories[Int(packageRepositories[package])]
        let (namespace, name): (String?, String) = text.withUnsafeBufferPointer { text in
            var (field, offset) = Self.length(text, at: textStarts[Int(packageStarts[package])])
            var namespace: String?
            if field > 0 {
                namespace = Self.string(text, offset, field - 1)
                offset += field - 1
            }
            let (length, start) = Self.length(text, at: offset)
            return (namespace, Self.string(text, start, length))
        }
        return PackageKey(domain: repository.domain, domainOwner: repository.domainOwner, repository: repository.repository,
                          format: repository.format, namespace: namespace, package: name)
    }

    // MARK: - Finding versions

    /// A place among the versions: a flat index, and where that version starts in the text.
    public struct VersionCursor: Sendable {
        /// The flat index of the version the cursor is at.
        public fileprivate(set) var flat: Int
        fileprivate var request: Int
        fileprivate var offset: Int
    }

    /// A cursor at request `index`'s first version.
    public func cursor(atRequest index: Int) -> VersionCursor {
        VersionCursor(flat: firstVersions[index], request: index,
                      offset: text.withUnsafeBufferPointer { versionsStart(index, $0) })
    }

    /// The flat index of `version` among the versions of `requests`, looked for from `hint` to their
    /// end, then from their start; `hint` moves to just after it.
    ///
    /// Journals list versions in the order they were sent, which is plan order, so with a hint just
    /// after the previous match the next one is nearly always found at once.
    public func flatIndex(of version: String, inRequests requests: Range<Int>, hint: inout VersionCursor) -> Int? {
        guard !requests.isEmpty else { return nil }
        let upper = firstVersions[requests.upperBound]
        if hint.flat < firstVersions[requests.lowerBound] || hint.flat >= upper { hint = cursor(atRequest: requests.lowerBound) }
        let first = cursor(atRequest: requests.lowerBound)
        var version = version
        let found = version.withUTF8 { target in
            text.withUnsafeBufferPointer { text in
                find(from: hint, first: first, upper: upper, text) { start, length in
                    length == target.count && Self.bytes(text, start, equal: target)
                }
            }
        } ?? text.withUnsafeBufferPointer { text in
            // Compared as `String`s compare (canonical equivalence): a version a service sends back
            // need not keep the plan's bytes. Only a version missing byte for byte gets here.
            find(from: hint, first: first, upper: upper, text) { start, length in Self.string(text, start, length) == version }
        }
        guard let found else { return nil }
        hint = found.after
        return found.flat
    }

    /// Visits the versions from `hint` up to flat index `upper`, then from `first` up to `hint`, until
    /// `matches` (given a version's start and length in the text) holds; that version's flat index
    /// and a cursor just after it.
    private func find(from hint: VersionCursor, first: VersionCursor, upper: Int, _ text: UnsafeBufferPointer<UInt8>,
                      _ matches: (Int, Int) -> Bool) -> (flat: Int, after: VersionCursor)? {
        var cursor = hint, end = upper
        for pass in 0..<2 {
            if pass == 1 { (cursor, end) = (first, hint.flat) }
            while cursor.flat < end {
                let flat = cursor.flat
                let (start, length) = step(&cursor, text)
                if matches(start, length) { return (flat, cursor) }
            }
        }
        return nil
    }

    /// The bytes of the version at `cursor`, whose cursor then moves past it (into the next request
    /// when it was at the end of one).
    private func step(_ cursor: inout VersionCursor, _ text: UnsafeBufferPointer<UInt8>) -> (start: Int, length: Int) {
        while cursor.flat == firstVersions[cursor.request + 1] {
            cursor.request += 1
            cursor.offset = versionsStart(cursor.request, text)
        }
        let (length, start) = Self.length(text, at: cursor.offset)
        cursor.offset = start + length
        cursor.flat += 1
        return (start, length)
    }

    private static func bytes(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, equal target: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<target.count where text[start + i] != target[i] { return false }
        return true
    }

    // MARK: - Reading the text

    /// Where request `index`'s first version starts: after the name record if it starts a package.
    private func versionsStart(_ index: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = textStarts[index]
        if Int(packageStarts[Int(packages[index])]) == index {
            let (field, afterField) = Self.length(text, at: offset)
            offset = afterField + Swift.max(0, field - 1)
            let (length, start) = Self.length(text, at: offset)
            offset = start + length
        }
        return offset
    }

    /// A LEB128 length at `offset`, and where the bytes it counts start.
    private static func length(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Int, Int) {
        var value = 0, shift = 0, i = offset
        while true {
            let byte = text[i]
            i += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return (value, i) }
            shift += 7
        }
    }

    private static func string(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<start + length]), as: UTF8.self)
    }
}
