import Execution
import Foundation

/// Draws progress: one line rewritten in place on a terminal (or always, if asked), a plain line
/// every 10 s elsewhere.
final class ProgressLine: @unchecked Sendable {
    private let live: Bool
    private let lock = NSLock()
    private var lastPlain: Double = 0
    private var drawn = false

    init(mode: ProgressMode) {
        switch mode {
        // Asked for by name: drawn in place even into a pipe or a file (a CI log that renders it).
        case .always: live = true
        case .auto: live = Terminal.stderrIsTerminal
        case .never: live = false
        }
        enabled = mode != .never && !Terminal.isQuiet
    }

    private let enabled: Bool

    /// How often the executor should call `update`.
    var interval: Double { live ? 0.25 : 1 }

    func update(_ p: ExecutionProgress) {
        update(text: Self.describe(p), elapsed: p.elapsed)
    }

    /// Draws `text`, the progress `elapsed` seconds into the job.
    func update(text: String, elapsed: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if live {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
            drawn = true
        } else if elapsed - lastPlain >= 10 {
            lastPlain = elapsed
            Terminal.err(text)
        }
    }

    /// Ends the live line so what follows starts on a fresh one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }

    static func describe(_ p: ExecutionProgress) -> String {
        let total = max(p.totalVersions, 1)
        let percent = Double(p.settled) * 100 / Double(total)
        let elapsed = max(p.elapsed, 0.001)
        let versionsPerSecond = Double(p.settled) / elapsed
        let requestsPerSecond = Double(p.requestsAnswered) / elapsed
        let remaining = p.totalVersions - p.settled - p.leftPending
        let eta = versionsPerSecond > 0 ? Self.duration(Double(remaining) / versionsPerSecond) : "?"
        return "\(p.settled.grouped)/\(p.totalVersions.grouped) versions (\(String(format: "%.1f", percent))%) · "
            + "\(String(format: "%.0f", requestsPerSecond)) req/s · \(String(format: "%.0f", versionsPerSecond)) versions/s · "
            + "ETA \(eta) · throttled \(p.throttled.grouped) · retried \(p.retries.grouped) · failed \(p.failed.grouped)"
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m"
    }
}
