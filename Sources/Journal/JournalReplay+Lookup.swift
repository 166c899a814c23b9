extension JournalReplay {
    /// The flat index of `version` among the versions of `request`'s package run.
    ///
    /// Answers list versions in the order they were sent, which is plan order, so the search
    /// starts at `hint` (just after the previous match) and nearly always succeeds at once.
    func locate(_ version: String, request: Int, hint: inout Int) -> Int? {
        let run = packageRuns[request - 1]
        let lower = offsets[Int(run.first)], upper = offsets[Int(run.last) + 1]
        if hint < lower || hint >= upper { hint = lower }
        guard let flat = scan(version, from: hint, to: upper) ?? scan(version, from: lower, to: hint) else { return nil }
        hint = flat + 1
        return flat
    }

    private func scan(_ version: String, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        var r = requestIndex(ofFlat: start)
        var flat = start
        while flat < end {
            let base = offsets[r]
            let stop = min(offsets[r + 1], end)
            let versions = requests[r].versions
            for i in (flat - base)..<(stop - base) where versions[i] == version { return base + i }
            flat = stop
            r += 1
        }
        return nil
    }

    /// The request index holding a flat version index (binary search over `offsets`).
    func requestIndex(ofFlat flat: Int) -> Int {
        var low = 0, high = requests.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if offsets[mid] <= flat { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
