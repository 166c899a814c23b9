

extension PlanJournal {
    /// A plan's versions by state and its journal's request counts, summed over the stretches.
    public struct Tally: Sendable, Equatable {
        public var states = StateCounts()
        public var statistics = JournalStatistics()
        /// Requests a run would send now: the pending versions as the fewest requests.
        public var pendingRequests = 0
    }

    /// Streams the plan once against the journal's index and sums what each stretch holds.
    public func tally() throws -> Tally {
        try tally { _ in }
    }

    /// The tally, and in the same replay what a run still has to send.
    public func tallyAndPendingWork() throws -> (Tally, PendingWork) {
        var work = PendingWork(requestCount: plannedRequests)
        let tally = try tally { work.learn($0) }
        return (tally, work)
    }

    private func tally(_ visit: (JournalReplay) -> Void) throws -> Tally {
        var tally = Tally()
        try forEachStretch { replay in
            tally.states = tally.states + replay.totals
            tally.statistics = tally.statistics + replay.statistics
            tally.pendingRequests += replay.pendingRequests().count
            visit(replay)
        }
        return tally
    }
}
