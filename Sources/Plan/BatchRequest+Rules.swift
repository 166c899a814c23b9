import Manifest
import Model

extension BatchRequest {
    /// The first rule this request breaks, in words for an error (without the request's id), or
    /// `nil`: ids 1, 2, 3… in plan order (`expectedID` is this request's place), 1 to 100
    /// versions, and every package member and version within the service's constraints.
    ///
    /// Plans are checked again whenever they are read, because a plan is a file anyone can edit:
    /// nothing is sent that a valid manifest row could not have become.
    public func ruleViolation(expectedID: Int) -> String? {
        if id != expectedID {
            return (1..<expectedID).contains(id)
                ? "its id repeats an earlier request's; ids run 1, 2, 3… in plan order"
                : "its id is out of sequence where request \(expectedID) belongs; ids run 1, 2, 3… in plan order"
        }
        guard (1...Self.maxVersions).contains(versions.count) else {
            return "it holds \(versions.count) versions; a request takes 1 to \(Self.maxVersions)"
        }
        // The manifest's own row check for the package and the first version: one rule set.
        let row = ManifestRow(domain: key.domain, domainOwner: key.domainOwner, repository: key.repository, format: key.format,
                              namespace: key.namespace, package: key.package, version: versions[0])
        if let violation = row.violations().first { return violation.description }
        for version in versions.dropFirst() {
            if let violation = ServiceConstraints.check(.version, version) { return violation.description }
        }
        if let revisions {
            guard revisions.count == versions.count else {
                return "it holds \(revisions.count) revisions for \(versions.count) versions; revisions run parallel to versions"
            }
            for revision in revisions where !revision.isEmpty {
                if let violation = ServiceConstraints.check(.revision, revision) { return violation.description }
            }
        }
        return nil
    }
}
