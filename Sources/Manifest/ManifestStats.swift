/// What reading one manifest found: its identity and its line counts.
public struct ManifestStats: Sendable, Hashable {
    public var name: String
    /// SHA-256 of the bytes as stored (compressed or not), lowercase hex.
    public var sha256: String = ""
    /// Size of the file as stored.
    public var bytes: Int = 0
    public var uncompressedBytes: Int = 0
    public var compressed = false
    public var lines = 0
    public var rows = 0
    public var blankLines = 0
    public var rejects: [RejectKind: Int] = [:]

    public init(name: String) { self.name = name }

    public var rejectCount: Int { rejects.values.reduce(0, +) }
}
