import ArgumentParser

/// `--quiet` and `--no-color`, which every command but `emulator` takes (its first line is
/// an address scripts read).
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Print only errors, warnings and what --output json asks for: no progress, no summary for people.")
    var quiet = false

    @Flag(help: "No colour in messages (also when NO_COLOR is set, or the output is not a terminal).")
    var noColor = false
}

/// A command that takes `GlobalOptions`; `Cabatch.main` applies them before it runs.
protocol TakesGlobalOptions {
    var global: GlobalOptions { get }
}
