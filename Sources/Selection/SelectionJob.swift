import JSONLines
import Manifest
import Model

/// The `select` job end to end: read inventories, decide every version of every package, and
/// write the selected versions as a manifest (with their status and revision, the plan's
/// preconditions) and, when asked, every decision with the rule that made it.
///
/// Output follows the inventory's order (packages as first seen, versions as listed), so the
/// same inventories and rules give the same bytes. An inventory grouped by package (as `export`
/// writes it) is decided one package at a time; otherwise every row is held until the end.
public struct SelectionJob: Sendable {
    public var inputs: [InputFile]
    public var manifestPath: String
    public var decisionsPath: String?
    public var rules: RetentionRules
    public var scanner = ManifestScanner()

    public init(inputs: [InputFile], manifestPath: String, decisionsPath: String?, rules: RetentionRules) {
        self.inputs = inputs
        self.manifestPath = manifestPath
        self.decisionsPath = decisionsPath
        self.rules = rules
    }

    /// What the job decided, per repository.
    public struct Summary: Sendable, Equatable {
        /// One repository's figures.
        public struct Repository: Sendable, Equatable {
            public var name: String
            public var seen = 0
            public var selected = 0
            public var keptBy: [String: Int] = [:]
        }

        public var repositories: [Repository] = []
        public var packages = 0
        public var seen: Int { repositories.reduce(0) { $0 + $1.seen } }
        public var selected: Int { repositories.reduce(0) { $0 + $1.selected } }
        /// The inventory was grouped by package, so memory followed the largest package.
        public var grouped = true
    }

    /// Why an inventory cannot be selected from.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Lines that are not valid rows: nothing is written.
        case rejects(count: Int, first: [Reject])
        case rules(SelectionError)

        public var description: String {
            switch self {
            case let .rejects(count, first):
                (["\(count) inventory lines are not valid rows; nothing was written. Fix them (or export again):"]
                    + first.map { "  \($0)" }).joined(separator: "\n")
            case let .rules(error): "\(error)"
            }
        }
    }

    /// Runs the job; a file that cannot be read throws `FileError`.
    public func run() throws -> Summary {
        let grouped = try checkInventory()
        let manifest = try JSONLinesWriter(path: manifestPath, compressed: manifestPath.hasSuffix(".zst"))
        let decisions = try decisionsPath.map { try JSONLinesWriter(path: $0, compressed: $0.hasSuffix(".zst")) }
        var summary = Summary()
        summary.grouped = grouped
        var byRepository: [String: Int] = [:]
        let selection = PackageSelection(rules: rules)

        func emit(_ package: [Candidate]) throws {
            summary.packages += 1
            for decision in selection.decide(package) {
                let row = decision.candidate.row
                let name = "\(row.domain)/\(row.repository)"
                let slot = byRepository[name] ?? {
                    summary.repositories.append(.init(name: name))
                    byRepository[name] = summary.repositories.count - 1
                    return summary.repositories.count - 1
                }()
                summary.repositories[slot].seen += 1
                if decision.selected {
                    summary.repositories[slot].selected += 1
                    try manifest.write(row.encoded())
                } else {
                    summary.repositories[slot].keptBy[decision.reason, default: 0] += 1
                }
                if let decisions {
                    var w = JSONWriter(capacity: 256)
                    w.beginObject()
                    row.writeMembers(to: &w)
                    w.member("decision", decision.selected ? "selected" : "kept")
                    w.member("reason", decision.reason)
                    w.endObject()
                    try decisions.write(w)
                }
            }
        }

        var current: [Candidate] = []
        var held: [PackageKey: [Candidate]] = [:]
        var firstSeen: [PackageKey] = []
        let names = inputs.map(\.name)
        _ = try scanner.scan(inputs, transform: { $0 }) { batch in
            for (index, row) in batch.partial.enumerated() {
                if grouped {
                    if let last = current.last, last.row.key != row.key {
                        try emit(current)
                        current.removeAll(keepingCapacity: true)
                    }
                    current.append(Candidate(row: row, file: names[batch.input], line: Int(batch.rowLines[index]),
                                             position: current.count))
                } else {
                    if held[row.key] == nil { firstSeen.append(row.key) }
                    let position = held[row.key]?.count ?? 0
                    held[row.key, default: []].append(Candidate(row: row, file: names[batch.input],
                                                                line: Int(batch.rowLines[index]), position: position))
                }
            }
        }
        if !current.isEmpty { try emit(current) }
        for key in firstSeen { try emit(held.removeValue(forKey: key)!) }
        try manifest.commit()
        try decisions?.commit()
        summary.repositories.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return summary
    }

    /// One pass before anything is written: every line a valid row, `publishedTime` wherever a
    /// rule needs it, and whether each package's rows come together.
    private func checkInventory() throws -> Bool {
        var rejects: [Reject] = [], rejectCount = 0
        var missingTime: SelectionError?
        var finished = Set<PackageKey>(), current: PackageKey?, grouped = true
        let option = rules.olderThan != nil ? "--older-than" : "--keep-newer-than"
        let names = inputs.map(\.name)
        _ = try scanner.scan(inputs, transform: { $0 }) { batch in
            rejectCount += batch.rejects.count
            if rejects.count < 10 { rejects += batch.rejects.prefix(10 - rejects.count) }
            for (index, row) in batch.partial.enumerated() {
                if rules.needsPublishedTime, row.publishedTime == nil, missingTime == nil {
                    missingTime = .missingPublishedTime(file: names[batch.input], line: Int(batch.rowLines[index]), option: option)
                }
                guard row.key != current else { continue }
                if let current { finished.insert(current) }
                if finished.contains(row.key) { grouped = false }
                current = row.key
            }
        }
        if rejectCount > 0 { throw Failure.rejects(count: rejectCount, first: rejects) }
        if let missingTime { throw Failure.rules(missingTime) }
        return grouped
    }
}
