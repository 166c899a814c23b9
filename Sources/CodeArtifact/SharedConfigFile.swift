import Foundation

/// The AWS shared `config` and `credentials` files: INI sections of `key = value` lines.
public struct SharedConfigFile: Sendable, Hashable {
    /// Settings per profile name (`[profile x]` in `config` and `[x]` in `credentials` both give `x`).
    public var profiles: [String: [String: String]]

    public init(profiles: [String: [String: String]] = [:]) {
        self.profiles = profiles
    }

    /// Parses the text of a `config` file (`isConfig`) or a `credentials` file.
    ///
    /// Indented lines continue a nested block (`s3 =` followed by `  max_concurrent_requests = 10`)
    /// and are skipped, as are comments and lines outside any section.
    public static func parse(_ text: String, isConfig: Bool) -> SharedConfigFile {
        var profiles: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { current = nil; continue }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                current = profileName(section: name, isConfig: isConfig)
                if let current, profiles[current] == nil { profiles[current] = [:] }
                continue
            }
            guard let section = current, rawLine.first != " ", rawLine.first != "\t",
                  let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") ?? value.range(of: " ;") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            profiles[section, default: [:]][key] = value
        }
        return SharedConfigFile(profiles: profiles)
    }

    /// The file at `path`, or an empty one when it does not exist.
    public static func load(path: String, isConfig: Bool) -> SharedConfigFile {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return SharedConfigFile() }
        return parse(text, isConfig: isConfig)
    }

    private static func profileName(section: String, isConfig: Bool) -> String? {
        guard isConfig else { return section }
        if section == "default" { return "default" }
        let parts = section.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0] == "profile" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
