

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
        var tally = Tally()
        try forEachStretch { replay in
            tally.states = tally.states + replay.totals
            tally.statistics = tally.statistics + replay.statistics
            tally.pendingRequests += replay.pendingRequests().count
        }
        return tally
    }
}
