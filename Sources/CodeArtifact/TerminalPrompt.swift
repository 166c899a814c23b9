import Foundation

/// How a provider asks the person at the terminal for a value (an MFA code); `nil` means nobody can answer.
public struct TerminalPrompt: Sendable {
    let ask: @Sendable (String) -> String?

    public init(_ ask: @escaping @Sendable (String) -> String?) {
        self.ask = ask
    }

    /// Asks on standard error and reads standard input, only when both are a terminal: a run in CI must fail, not hang.
    public static let standard = TerminalPrompt { prompt in
        guard isatty(STDIN_FILENO) != 0, isatty(STDERR_FILENO) != 0 else { return nil }
        FileHandle.standardError.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
    }

    /// Nobody to ask, as in a pipeline.
    public static let unavailable = TerminalPrompt { _ in nil }
}
