import ArgumentParser

/// How a command prints its summary: for people, or as one JSON document for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
