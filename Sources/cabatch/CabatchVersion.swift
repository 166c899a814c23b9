import CabatchBuildInfo

/// The version cabatch reports in `--version`, user agents, plans, journals and reports.
///
/// `scripts/release.sh` stamps a release with `git describe` of its commit (a `v` prefix
/// dropped: `0.2.0`, or `0.2.0-3-g1a2b3c4` three commits after the tag) and the full commit
/// hash; a plain `swift build` is `0.0.0-dev` from an unknown commit (see Package.swift).
enum CabatchVersion {
    static let current = String(cString: cabatch_build_version())

    /// The full hash of the commit the binary was built from, or `unknown`.
    static let commit = String(cString: cabatch_build_commit())

    /// What `cabatch --version` prints: the version and the commit it was built from.
    static let description = "\(current) (commit \(commit))"
}
