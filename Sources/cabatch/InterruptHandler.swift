import ArgumentParser
import Dispatch
import Foundation

/// Ctrl-C (and SIGTERM) during a run: the first stops sending and lets in-flight requests
/// finish; the second exits at once — the journal stays consistent, since every record is a
/// single write and a torn last line is cut off on resume.
final class InterruptHandler: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]
    private let lock = NSLock()
    private var count = 0

    /// `finishing` names what the first Ctrl-C waits for, `kept` what the second leaves consistent.
    init(resumeCommand: String, finishing: String = "the ones in flight", kept: String = "The journal",
         onFirst: @escaping @Sendable () -> Void) {
        var sources: [DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "cabatch.signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for source in sources {
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let count = self.lock.withLock { self.count += 1; return self.count }
                if count == 1 {
                    Terminal.err("\nStopping: no new requests; waiting for \(finishing) (Ctrl-C again to exit now).")
                    onFirst()
                } else {
                    Terminal.err("\nExiting now. \(kept) is consistent; resume with:\n  \(resumeCommand)")
                    // The second Ctrl-C must not wait for the requests in flight, so the process ends
                    // here rather than through the run's return; every journaled answer is on disk.
                    exit(ExitCode.stoppedEarly.rawValue)
                }
            }
            source.resume()
        }
    }

    /// Restores the default handling.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
