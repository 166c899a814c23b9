import Model

extension PlanRequests {
    /// The versions `isPending` names as the fewest requests: each package's in plan order, cut
    /// into batches of at most `BatchRequest.maxVersions`, apart when their expected statuses differ.
    ///
    /// `isPending` is asked with a request's index, a version's place in that request and the
    /// version's flat index. A batch's id is the plan request holding its first version; since no
    /// plan request holds more than a batch, ids stay unique, and a journal's replay finds a
    /// batch's versions among all the requests of its package.
    public func batches(where isPending: (_ request: Int, _ offset: Int, _ flat: Int) -> Bool) -> [BatchRequest] {
        var batches: [BatchRequest] = []
        for package in 0..<packageCount {
            var key: PackageKey?
            var current: BatchRequest?
            for r in requestRange(ofPackage: package) {
                let flats = versionRange(at: r)
                guard flats.contains(where: { isPending(r, $0 - flats.lowerBound, $0) }) else { continue }
                if key == nil { key = self.key(at: r) }
                // Versions of another expected status go in a request of their own.
                let expected = expectedStatus(at: r)
                if let batch = current, batch.expectedStatus != expected {
                    batches.append(batch)
                    current = nil
                }
                let revisions = revisions(at: r)
                for (i, version) in versions(at: r).enumerated() where isPending(r, i, flats.lowerBound + i) {
                    if current == nil {
                        current = BatchRequest(id: firstId + r, key: key!, versions: [], expectedStatus: expected,
                                               revisions: revisions == nil ? nil : [])
                    }
                    current!.versions.append(version)
                    if let revisions {
                        if current!.revisions == nil { current!.revisions = Array(repeating: "", count: current!.versions.count - 1) }
                        current!.revisions!.append(revisions[i])
                    } else if current!.revisions != nil {
                        current!.revisions!.append("")
                    }
                    if current!.versions.count == BatchRequest.maxVersions {
                        batches.append(current!)
                        current = nil
                    }
                }
            }
            if let current { batches.append(current) }
        }
        return batches
    }
}
