import Foundation
import JSONLines
import Manifest
import Model

extension Inventory {
    /// An inventory read from a JSON Lines file (zstd-compressed or plain) of rows with the
    /// optional inventory members (`status`, `revision`, `origin`, `publishedTime`,
    /// `defaultDisplayVersion`; see ``add(_:)``).
    ///
    /// - Throws: ``EmulatorFileError`` when the file cannot be read or has invalid lines: an
    ///   emulator that silently dropped rows would make every check against it meaningless.
    public static func load(path: String, accountID: String = "111122223333") throws -> Inventory {
        let inventory = Inventory(accountID: accountID)
        try inventory.add(contentsOf: path)
        return inventory
    }

    /// An inventory holding every version of the manifest at `path` plus `extraVersions` more,
    /// spread over the manifest's packages, which a run of that manifest must leave alone.
    public static func seeded(fromManifest path: String, extraVersions: Int,
                              accountID: String = "111122223333") throws -> Inventory {
        let inventory = Inventory(accountID: accountID)
        let rows = try inventory.add(contentsOf: path)
        guard extraVersions > 0, !rows.isEmpty else { return inventory }
        for row in Self.extraRows(count: extraVersions, besides: rows) {
            inventory.add(row)
        }
        return inventory
    }

    /// `count` rows of new versions, round-robin over the packages of `rows` in first-seen order.
    static func extraRows(count: Int, besides rows: [ManifestRow]) -> [ManifestRow] {
        var seen = Set<PackageKey>()
        let templates = rows.filter { seen.insert($0.key.withoutOwner).inserted }
        return (0..<count).map { index in
            let row = templates[index % templates.count]
            // A new version: none of the template's inventory members (a flagged default display
            // version, above all) carry over.
            return ManifestRow(domain: row.domain, domainOwner: row.domainOwner, repository: row.repository,
                               format: row.format, namespace: row.namespace, package: row.package,
                               version: "0.0.0-extra.\(index)")
        }
    }

    /// Adds every row of the file at `path`, returning the rows added.
    @discardableResult
    func add(contentsOf path: String) throws -> [ManifestRow] {
        var rows: [ManifestRow] = []
        var rejects: [Reject] = []
        var rejectCount = 0
        do {
            _ = try ManifestScanner().scan([InputFile(path)], transform: { $0 }) { batch in
                rows.append(contentsOf: batch.partial)
                rejectCount += batch.rejects.count
                if rejects.count < 3 { rejects.append(contentsOf: batch.rejects.prefix(3 - rejects.count)) }
            }
        } catch {
            throw EmulatorFileError.cannotRead(path: path, reason: "\(error)")
        }
        guard rejectCount == 0 else {
            throw EmulatorFileError.invalidInventory(path: path, rejects: rejectCount, examples: rejects.map(\.description))
        }
        add(contentsOf: rows)
        return rows
    }
}
