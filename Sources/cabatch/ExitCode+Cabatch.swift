import ArgumentParser

/// The exit statuses of DESIGN.md, by name.
extension ExitCode {
    /// Bad usage or invalid input.
    static let invalidInput = ExitCode(1)
    /// Finished, but some versions failed permanently.
    static let someFailed = ExitCode(2)
    /// Stopped early; the run can be resumed.
    static let stoppedEarly = ExitCode(3)
    /// Cannot authenticate or reach the endpoint.
    static let cannotConnect = ExitCode(4)
}
