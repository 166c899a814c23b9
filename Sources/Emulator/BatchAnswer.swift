import JSONLines
import Model

/// The `successfulVersions`/`failedVersions` answer shared by the batch operations.
enum BatchAnswer {
    /// The answer's JSON: successes, then failures, each in request order.
    static func body(package: PackageKey, outcomes: [(version: String, outcome: VersionAnswer)]) -> [UInt8] {
        // `NOT_FOUND` messages name the package: most batches of a rerun are all absent, so the
        // name is formatted once and each message is put together as bytes in the same storage.
        let notFoundSuffix = Array(" of package \(package.resourcePath) not found".utf8)
        var notFound: [UInt8] = []
        notFound.reserveCapacity(notFoundSuffix.count + 48)
        var json = JSONWriter(capacity: 64 + outcomes.count * (notFoundSuffix.count + 80))
        json.beginObject()
        json.key("successfulVersions")
        json.beginObject()
        for (version, outcome) in outcomes {
            guard case .succeeded(let revision, let status) = outcome else { continue }
            json.key(version)
            json.beginObject()
            json.member("revision", revision)
            json.member("status", status.rawValue)
            json.endObject()
        }
        json.endObject()
        json.key("failedVersions")
        json.beginObject()
        for (version, outcome) in outcomes {
            switch outcome {
            case .succeeded:
                continue
            case .notFound:
                json.key(version)
                json.beginObject()
                json.member("errorCode", PackageVersionErrorCode.notFound.rawValue)
                notFound.removeAll(keepingCapacity: true)
                notFound.append(contentsOf: "Version ".utf8)
                notFound.append(contentsOf: version.utf8)
                notFound.append(contentsOf: notFoundSuffix)
                json.key("errorMessage")
                json.string(utf8: notFound)
            case .failed(let code, let message):
                json.key(version)
                json.beginObject()
                json.member("errorCode", code.rawValue)
                json.member("errorMessage", message)
            }
            json.endObject()
        }
        json.endObject()
        json.endObject()
        return json.bytes
    }
}
