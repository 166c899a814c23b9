import Model
/// The runs of a journal, followed record by record: what the replay and the journal index share.
struct RunTracker: Sendable {
    private(set) var runs: [RunSummary] = []
    /// Per run: the answers before it, so that an answer's run is found without keeping it per answer.
    private var firstAnswers: [Int32] = []
    private var answers = 0

    mutating func start(_ start: RunStart) {
        add(RunSummary(start: start, end: nil, firstTime: start.time, lastTime: start.time))
    }

    mutating func end(_ end: RunEnd) {
        touch(end.time)
        runs[runs.count - 1].end = end
    }

    /// A record of the current run at `time`; records before any run start make one without it.
    mutating func touch(_ time: Timestamp) {
        if runs.isEmpty { add(RunSummary(start: nil, end: nil, firstTime: time, lastTime: time)) }
        if time > runs[runs.count - 1].lastTime { runs[runs.count - 1].lastTime = time }
    }

    mutating func answer(_ time: Timestamp) {
        touch(time)
        runs[runs.count - 1].answers += 1
        answers += 1
    }

    private mutating func add(_ run: RunSummary) {
        runs.append(run)
        firstAnswers.append(Int32(clamping: answers))
    }

    /// The run answer `index` arrived in: the last one that started at or before it.
    func run(ofAnswer index: Int) -> Int {
        var low = 0, high = firstAnswers.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(firstAnswers[mid]) <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
