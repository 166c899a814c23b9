import Glibc
import JSONLines
import Manifest

/// The `plan` job end to end: read and check the manifests, write the rejects file and, when
/// allowed, the sealed plan. `plan` and `run` both call it; the command line only prints.
public struct PlanJob: Sendable {
    public var inputs: [InputFile]
    public var planPath: String
    public var rejectsPath: String
    public var planner: Planner

    public init(inputs: [InputFile], planPath: String, rejectsPath: String? = nil, planner: Planner) {
        self.inputs = inputs
        self.planPath = planPath
        self.rejectsPath = rejectsPath ?? planPath + ".rejects.jsonl"
        self.planner = planner
    }

    /// What the job did.
    public struct Outcome: Sendable {
        /// The header as written (or as it would have been, when no plan was written).
        public var header: PlanHeader
        /// `nil` when rejects kept the plan from being written.
        public var planPath: String?
        /// `nil` when nothing was rejected.
        public var rejectsPath: String?
        /// The first rejects, for the terminal; the file has them all.
        public var firstRejects: [Reject]
    }

    /// Runs the job; a manifest that cannot be read at all throws `FileError`.
    public func run() throws -> Outcome {
        let rejectLog = RejectLog(path: rejectsPath)
        let result: Planner.Result
        do {
            result = try planner.plan(inputs) { try rejectLog.add($0) }
            try rejectLog.finish()
        } catch {
            try? rejectLog.finish()
            throw error
        }
        var header = result.header
        if result.isWritable { header = try PlanFile.write(result.header, requests: result.builder, to: planPath) }
        return Outcome(header: header, planPath: result.isWritable ? planPath : nil,
                       rejectsPath: rejectLog.count > 0 ? rejectsPath : nil, firstRejects: rejectLog.first)
    }
}

/// Writes rejects as they arrive, keeping only the first few in memory for the terminal.
final class RejectLog {
    let path: String
    private var writer: JSONLinesWriter?
    private(set) var count = 0
    private(set) var first: [Reject] = []

    init(path: String) { self.path = path }

    func add(_ reject: Reject) throws {
        if writer == nil { writer = try JSONLinesWriter(path: path, compressed: false) }
        try writer!.write(reject.encoded())
        count += 1
        if first.count < 10 { first.append(reject) }
    }

    /// Puts the file in place when there were rejects; removes a stale one when there were none.
    func finish() throws {
        if let writer { try writer.commit() } else { unlink(path) }
        writer = nil
    }
}
