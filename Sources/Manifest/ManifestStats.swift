import JSONLines

/// What reading one manifest found: the file as stored and its line counts.
public struct ManifestStats: Sendable, Hashable {
    public var file: FileIdentity
    public var lines = 0
    public var rows = 0
    public var blankLines = 0
    public var rejects: [RejectKind: Int] = [:]

    public init(name: String) { file = FileIdentity(name: name) }

    public var name: String { file.name }
    public var sha256: String { get { file.sha256 } set { file.sha256 = newValue } }
    public var bytes: Int { get { file.bytes } set { file.bytes = newValue } }
    public var compressed: Bool { get { file.compressed } set { file.compressed = newValue } }

    public var rejectCount: Int { rejects.values.reduce(0, +) }
}
