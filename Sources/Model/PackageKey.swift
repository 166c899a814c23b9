import Glibc

/// Everything that names one package in CodeArtifact: the unit a `DeletePackageVersions`
/// request works on.
public struct PackageKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var domain: String
    /// `nil`: the caller's own account.
    public var domainOwner: String?
    public var repository: String
    public var format: PackageFormat
    public var namespace: String?
    public var package: String

    public init(domain: String, domainOwner: String? = nil, repository: String, format: PackageFormat,
                namespace: String? = nil, package: String) {
        self.domain = domain
        self.domainOwner = domainOwner
        self.repository = repository
        self.format = format
        self.namespace = namespace
        self.package = package
    }

    /// `npm/types/node` or `pypi/requests`: how people write a package.
    public var packageName: String {
        namespace.map { "\(format.rawValue)/\($0)/\(package)" } ?? "\(format.rawValue)/\(package)"
    }

    /// `acme/npm-store npm/types/node`, with the owner when there is one.
    public var description: String {
        let domainPart = domainOwner.map { "\(domain)(\($0))" } ?? domain
        return "\(domainPart)/\(repository) \(packageName)"
    }

    /// A hash that never changes between runs, machines or versions of cabatch (unlike
    /// `hashValue`): 64-bit FNV-1a over the UTF-8 bytes of domain, domainOwner, repository,
    /// format, namespace and package, each followed by a zero byte; an absent member is empty.
    public var stableHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [domain, domainOwner ?? "", repository, format.rawValue, namespace ?? "", package] {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash &*= 0x0000_0100_0000_01B3  // the zero separator: xor with 0 is a no-op
        }
        return hash
    }

    /// Member by member (domain, domainOwner, repository, format, namespace, package; absent
    /// is empty) in UTF-8 byte order: plain bytes, so that plan order never depends on Unicode
    /// tables.
    public static func < (a: PackageKey, b: PackageKey) -> Bool {
        if let order = precedes(a.domain, b.domain) { return order }
        if let order = precedes(a.domainOwner ?? "", b.domainOwner ?? "") { return order }
        if let order = precedes(a.repository, b.repository) { return order }
        if let order = precedes(a.format.rawValue, b.format.rawValue) { return order }
        if let order = precedes(a.namespace ?? "", b.namespace ?? "") { return order }
        return precedes(a.package, b.package) ?? false
    }

    /// `nil` when the bytes are equal.
    private static func precedes(_ x: String, _ y: String) -> Bool? {
        sameBytes(x, y) ? nil : x.utf8.lexicographicallyPrecedes(y.utf8)
    }

    /// Member by member, as UTF-8 bytes. Swift's `String ==` takes `é` and `e` + U+0301 for one
    /// string; the service names two packages by them, and a plan must never send the versions
    /// of one under the name of the other.
    public static func == (a: PackageKey, b: PackageKey) -> Bool {
        a.format == b.format && sameBytes(a.package, b.package) && sameBytes(a.namespace, b.namespace)
            && sameBytes(a.repository, b.repository) && sameBytes(a.domain, b.domain) && sameBytes(a.domainOwner, b.domainOwner)
    }

    /// The bytes `==` compares, each member followed by 0xFF, which UTF-8 never contains.
    public func hash(into hasher: inout Hasher) {
        // Member by member, not through an array of them: keys are hashed once per row planned.
        func combine(_ member: String) {
            member.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                ?? member.utf8.forEach { hasher.combine($0) }
            hasher.combine(UInt8(0xFF))
        }
        combine(domain)
        combine(domainOwner ?? "")
        combine(repository)
        combine(format.rawValue)
        combine(namespace ?? "")
        combine(package)
        hasher.combine(domainOwner == nil)
        hasher.combine(namespace == nil)
    }

    /// Whether two strings are the same UTF-8 bytes (not merely canonically equivalent).
    public static func sameBytes(_ x: String, _ y: String) -> Bool {
        guard x.utf8.count == y.utf8.count else { return false }
        return x.utf8.withContiguousStorageIfAvailable { a in
            y.utf8.withContiguousStorageIfAvailable { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }?.flatMap { $0 } ?? x.utf8.elementsEqual(y.utf8)
    }

    /// Both absent, or the same UTF-8 bytes.
    public static func sameBytes(_ x: String?, _ y: String?) -> Bool {
        switch (x, y) {
        case (nil, nil): true
        case let (x?, y?): sameBytes(x, y)
        default: false
        }
    }
}
