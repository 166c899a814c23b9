import Foundation

/// The AWS shared `config` and `credentials` files: INI sections of `key = value` lines.
public struct SharedConfigFile: Sendable, Hashable {
    /// Settings per profile name (`[profile x]` in `config` and `[x]` in `credentials` both give `x`).
    public var profiles: [String: [String: String]]
    /// Settings per `[sso-session name]` section of the `config` file.
    public var ssoSessions: [String: [String: String]]

    public init(profiles: [String: [String: String]] = [:], ssoSessions: [String: [String: String]] = [:]) {
        self.profiles = profiles
        self.ssoSessions = ssoSessions
    }

    /// Parses the text of a `config` file (`isConfig`) or a `credentials` file.
    ///
    /// Indented lines continue a nested block (`s3 =` followed by `  max_concurrent_requests = 10`)
    /// and are skipped, as are comments and lines outside any section.
    public static func parse(_ text: String, isConfig: Bool) -> SharedConfigFile {
        var sections: [Section: [String: String]] = [:]
        var current: Section?
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { current = nil; continue }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                current = Self.section(name, isConfig: isConfig)
                if let current, sections[current] == nil { sections[current] = [:] }
                continue
            }
            guard let section = current, rawLine.first != " ", rawLine.first != "\t",
                  let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") ?? value.range(of: " ;") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            sections[section, default: [:]][key] = value
        }
        var file = SharedConfigFile()
        for (section, settings) in sections {
            switch section {
            case let .profile(name): file.profiles[name] = settings
            case let .ssoSession(name): file.ssoSessions[name] = settings
            }
        }
        return file
    }

    /// The file at `path`, or an empty one when it does not exist.
    public static func load(path: String, isConfig: Bool) -> SharedConfigFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return SharedConfigFile() }
        return parse(text, isConfig: isConfig)
    }

    private enum Section: Hashable {
        case profile(String)
        case ssoSession(String)
    }

    private static func section(_ header: String, isConfig: Bool) -> Section? {
        guard isConfig else { return .profile(header) }
        if header == "default" { return .profile("default") }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let name = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0] {
        case "profile": return .profile(name)
        case "sso-session": return .ssoSession(name)
        default: return nil
        }
    }
}
