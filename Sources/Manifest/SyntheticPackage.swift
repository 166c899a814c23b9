import Model
/// One made-up package: where it lives, its name, and versions in its ecosystem's style.
struct SyntheticPackage {
    static let domains: [(String, String?)] = [("acme", "111122223333"), ("acme", "111122223333"), ("platform", "444455556666"), ("data-eng", nil)]
    static let words = ["alpha", "beacon", "cobalt", "delta", "ember", "falcon", "garnet", "harbor", "indigo", "jasper",
                        "kestrel", "lumen", "meadow", "nimbus", "onyx", "prism", "quartz", "raven", "sierra", "tundra",
                        "umber", "vertex", "willow", "xenon", "yarrow", "zephyr", "atlas", "bridge", "cinder", "drift"]
    static let nouns = ["client", "core", "utils", "parser", "sdk", "cli", "server", "schema", "logger", "auth",
                        "cache", "config", "http", "grpc", "metrics", "queue", "router", "store", "test", "ui"]
    static let formats: [(PackageFormat, Double)] = [(.npm, 0.30), (.pypi, 0.20), (.maven, 0.20), (.nuget, 0.08),
                                                     (.generic, 0.07), (.ruby, 0.05), (.swift, 0.05), (.cargo, 0.05)]

    let domain: String
    let owner: String?
    let repository: String
    let format: PackageFormat
    let namespace: String?
    let name: String

    init(index: Int, rng: inout SplitMix64) {
        (domain, owner) = Self.domains[Int(rng.next() % UInt64(Self.domains.count))]
        var pick = rng.unit()
        var chosen = PackageFormat.npm
        for (format, weight) in Self.formats {
            if pick < weight { chosen = format; break }
            pick -= weight
        }
        format = chosen
        repository = rng.next() % 4 == 0 ? "\(format.rawValue)-upstream" : "\(format.rawValue)-store"
        let w = Self.words, n = Self.nouns
        let base = "\(w[index % w.count])-\(n[(index / w.count) % n.count])"
        let suffix = index >= w.count * n.count ? "-\(index / (w.count * n.count))" : ""
        switch format {
        case .npm:
            namespace = rng.next() % 5 < 2 ? ["types", "acme", "babel", "aws-sdk", "internal"][Int(rng.next() % 5)] : nil
            name = base + suffix
        case .maven:
            namespace = "com.acme.\(w[Int(rng.next() % UInt64(w.count))])"
            name = base + suffix
        case .swift:
            namespace = ["acme", "platform", "mobile"][Int(rng.next() % 3)]
            name = base.replacingOccurrences(of: "-", with: "_") + suffix.replacingOccurrences(of: "-", with: "_")
        case .generic:
            namespace = ["builds", "tools", "firmware"][Int(rng.next() % 3)]
            name = base + suffix
        case .pypi:
            namespace = nil
            name = base + suffix
        case .nuget:
            namespace = nil
            name = "Acme." + base.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ".") + suffix
        case .ruby, .cargo:
            namespace = nil
            name = base.replacingOccurrences(of: "-", with: "_") + suffix.replacingOccurrences(of: "-", with: "_")
        }
    }

    /// `count` distinct versions, oldest first.
    func versions(count: Int, rng: inout SplitMix64) -> [String] {
        var major = Int(rng.next() % 4), minor = Int(rng.next() % 10), patch = 0
        var result: [String] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            let roll = rng.next() % 100
            if roll < 3 { major += 1; minor = 0; patch = 0 } else if roll < 20 { minor += 1; patch = 0 } else { patch += 1 }
            let core = "\(major).\(minor).\(patch)"
            let pre = rng.next() % 8 == 0
            switch format {
            case .npm, .cargo, .swift:
                result.append(pre ? "\(core)-beta.\(i % 7 + 1)" : core)
            case .pypi:
                result.append(pre ? "\(core)rc\(i % 4 + 1)" : (rng.next() % 20 == 0 ? "\(core).post1" : core))
            case .maven:
                result.append(pre ? "\(core)-SNAPSHOT" : core)
            case .nuget:
                result.append(pre ? "\(core)-preview.\(i % 9 + 1)" : core)
            case .ruby:
                result.append(pre ? "\(core).pre" : core)
            case .generic:
                result.append("2024.\(major).\(minor)-build.\(patch)")
            }
        }
        return result
    }

    /// A manifest row for `version`: the package and the version, nothing an inventory adds.
    func row(version: String) -> ManifestRow {
        ManifestRow(domain: domain, domainOwner: owner, repository: repository, format: format, namespace: namespace,
                    package: name, version: version)
    }

    /// The inventory's rows for `versions` (oldest first in version order), in publish order as an
    /// export lists them: now and then a version is published after a higher one (a backported
    /// fix), times advance by an hour to three weeks, a few versions are unlisted or archived,
    /// upstream repositories hold external versions, and the highest release is the default
    /// display version.
    func inventoryRows(_ versions: [String], rng: inout SplitMix64) -> [ManifestRow] {
        var order = Array(versions.indices)
        var i = 0
        while i + 1 < order.count {
            if rng.next() % 12 == 0 { order.swapAt(i, i + 1); i += 2 } else { i += 1 }
        }
        let release = versions.lastIndex { !Self.isPrerelease($0) } ?? versions.indices.last
        var time = Timestamp(iso8601: "2023-01-01T00:00:00Z")!.millisecondsSinceEpoch + Int64(rng.next() % (400 * 86_400_000))
        return order.map { index in
            time += 3_600_000 + Int64(rng.next() % (21 * 86_400_000))
            var row = row(version: versions[index])
            let roll = rng.next() % 100
            row.status = roll < 3 ? .unlisted : roll < 5 ? .archived : .published
            row.origin = repository.hasSuffix("-upstream") ? .external : .internal
            row.publishedTime = Timestamp(millisecondsSinceEpoch: time)
            row.isDefaultDisplayVersion = index == release
            return row
        }
    }

    /// The pre-release spellings `versions` writes, per ecosystem.
    static func isPrerelease(_ version: String) -> Bool {
        ["-beta.", "rc", "-SNAPSHOT", "-preview.", ".pre"].contains { version.contains($0) }
    }
}

/// Lines that break one rule each, cycling through every reject kind.
enum BadLine {
    static func make(_ index: Int, rng: inout SplitMix64) -> [UInt8] {
        let ok = #""domain":"acme","repository":"npm-store","format":"npm","package":"left-pad""#
        switch index % 15 {
        case 0: return Array((#"{"domain":"acme","repository":"npm-store","format":"npm","package":"big","version":""# + String(repeating: "x", count: (1 << 20) + 10) + #""}"#).utf8)
        case 1: return Array(#"{\#(ok),"version":"1.0."#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        case 2: return Array(#"{\#(ok),"version":"1.0.0""#.utf8)
        case 3: return Array(#"["acme","npm-store","npm","left-pad","1.0.0"]"#.utf8)
        case 4: return Array(#"{\#(ok)}"#.utf8)
        case 5: return Array(#"{\#(ok),"version":100}"#.utf8)
        case 6: return Array(#"{"domain":"a","repository":"npm-store","format":"npm","package":"left-pad","version":"1.0.0"}"#.utf8)
        case 7: return Array(#"{\#(ok),"version":"\#(String(repeating: "9", count: 256))"}"#.utf8)
        case 8: return Array(#"{\#(ok),"version":"1.0.0/beta"}"#.utf8)
        case 9: return Array(#"{"domain":"acme","repository":"npm-store","format":"NPM","package":"left-pad","version":"1.0.0"}"#.utf8)
        case 10: return Array(#"{"domain":"acme","repository":"maven-store","format":"maven","package":"guava","version":"33.0.0"}"#.utf8)
        case 11: return Array(#"{"domain":"acme","repository":"pypi-store","format":"pypi","namespace":"google","package":"protobuf","version":"4.0.0"}"#.utf8)
        case 12: return Array(#"{\#(ok),"version":"1.0.0","version":"9.9.9"}"#.utf8)
        case 13: return Array(#"{\#(ok),"version":"1.0.0","status":"published"}"#.utf8)
        default: return Array(#"{"domain":"acme","repository":"npm-store","format":"npm","namespace":"@types","package":"node","version":"18.11.9"}"#.utf8)
        }
    }
}
