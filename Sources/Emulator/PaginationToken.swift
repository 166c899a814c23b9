/// `next-token` values: opaque to clients; to the emulator, the place in a stable order where
/// the next page starts, so that tokens stay valid while the inventory changes between pages.
enum PaginationToken: Sendable, Hashable {
    /// A position in a package's inventory order (`ListPackageVersions` without `sortBy`).
    case position(Int)
    /// A version's place in the newest-first order: its publish time (milliseconds) and position.
    case published(time: Int64, position: Int)
    /// The name the page starts at, in an order of names: a repository's name, or a package's
    /// format, namespace (empty when absent) and name.
    case name([String])

    private static let prefix = "cabatch-emulator-v1."
    // Neither can start a base-36 number, so position tokens keep the spelling they always had.
    private static let publishedMark = "t:"
    private static let nameMark = "n:"

    var text: String {
        switch self {
        case .position(let offset):
            Self.prefix + String(offset, radix: 36)
        case .published(let time, let position):
            Self.prefix + Self.publishedMark + String(time, radix: 36) + "." + String(position, radix: 36)
        case .name(let parts):
            // `/` is in no repository, format, namespace or package name.
            Self.prefix + Self.nameMark + parts.joined(separator: "/")
        }
    }

    init?(_ token: String) {
        guard token.hasPrefix(Self.prefix) else { return nil }
        let rest = token.dropFirst(Self.prefix.count)
        if rest.hasPrefix(Self.publishedMark) {
            let parts = rest.dropFirst(Self.publishedMark.count).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, let time = Int64(parts[0], radix: 36), let position = Int(parts[1], radix: 36),
                  position >= 0
            else { return nil }
            self = .published(time: time, position: position)
        } else if rest.hasPrefix(Self.nameMark) {
            self = .name(rest.dropFirst(Self.nameMark.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init))
        } else {
            guard let offset = Int(rest, radix: 36), offset >= 0 else { return nil }
            self = .position(offset)
        }
    }
}
