import Foundation

/// The command that resumes a stopped run: `cabatch apply PLAN` with every option that shaped
/// the run, quoted for a POSIX shell.
///
/// Options left at their defaults are omitted (repeating them changes nothing); `--dry-run`
/// never stops a run, and `--yes` is always added because the user already confirmed.
struct ResumeCommand: Equatable {
    let words: [String]

    init(planPath: String, aws: AWSOptions, flags: ExecutionFlags, output: OutputFormat) {
        let defaults = Self.defaults
        var words = ["cabatch", "apply", planPath]
        func add(_ name: String, _ value: String?) { if let value { words += [name, value] } }
        add("--endpoint-url", aws.endpointUrl)
        add("--region", aws.region)
        add("--profile", aws.profile)
        add("--concurrency", flags.concurrency == defaults.concurrency ? nil : String(flags.concurrency))
        add("--rate", flags.rate == defaults.rate ? nil : Self.number(flags.rate))
        add("--read-rate", flags.readRate == defaults.readRate ? nil : Self.number(flags.readRate))
        add("--max-attempts", flags.maxAttempts == defaults.maxAttempts ? nil : String(flags.maxAttempts))
        add("--max-failure-rate", flags.maxFailureRate == defaults.maxFailureRate ? nil : Self.number(flags.maxFailureRate))
        add("--expected-status", flags.expectedStatus?.rawValue)
        if flags.verify { words.append("--verify") }
        add("--report", flags.report)
        add("--progress", flags.progress == defaults.progress ? nil : flags.progress.rawValue)
        add("--output", output == .text ? nil : output.rawValue)
        words.append("--yes")
        self.words = words
    }

    /// The flags as parsed from no arguments (property-wrapped options have no plain initializer).
    private static let defaults: ExecutionFlags = {
        do { return try ExecutionFlags.parse([]) } catch { fatalError("the default execution flags do not parse: \(error)") }
    }()

    /// The words joined for a shell: plain words as they are, others in single quotes.
    var text: String { words.map(Self.shellQuoted).joined(separator: " ") }

    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "_-./:=@%+,".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `80` rather than `80.0`, as a user would type it.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
