import Foundation

/// Writes to standard output and error; the one place the CLI prints.
enum Terminal {
    /// How output looks, from `--quiet`, `--no-color` and `NO_COLOR`; set once, before a command runs.
    struct Style: Sendable {
        var quiet = false
        var color = true
    }

    nonisolated(unsafe) private static var style = Style(color: colorByDefault(ProcessInfo.processInfo.environment))

    /// Colour unless `NO_COLOR` is set to anything (no-color.org) or `TERM` is `dumb`.
    static func colorByDefault(_ environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    static func configure(quiet: Bool, noColor: Bool) {
        style.quiet = quiet
        if noColor { style.color = false }
    }

    static var isQuiet: Bool { style.quiet }

    /// A machine-readable document (`--output json`) or what a command exists to print: always.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A summary for people; `--quiet` leaves it out.
    static func summary(_ text: String) {
        guard !style.quiet else { return }
        out(text)
    }

    /// A line for people on standard error. `--quiet` keeps only errors, warnings and what must
    /// be read before answering a question (`always`). `error:` and `warning:` are coloured on
    /// a terminal unless colour is off.
    static func err(_ text: String, always: Bool = false) {
        let severity = text.hasPrefix("error:") ? "error:" : text.hasPrefix("warning:") ? "warning:" : nil
        guard !style.quiet || always || severity != nil else { return }
        var line = text
        if let severity, style.color, stderrIsTerminal {
            let code = severity == "error:" ? "1;31" : "1;33"
            line = "\u{1B}[\(code)m\(severity)\u{1B}[0m" + text.dropFirst(severity.count)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
}

extension Int {
    /// `1,234,567`: counts read at a glance.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}

/// A plain text table with left-aligned text and right-aligned numbers.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    var numeric: Set<Int>

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return numeric.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
