/// A batch operation a plan carries out on its versions.
public enum BatchOperation: String, Sendable, Hashable, CaseIterable {
    case delete

    /// How reports name a version this operation was carried out on.
    public var doneName: String {
        switch self {
        case .delete: "deleted"
        }
    }
}
