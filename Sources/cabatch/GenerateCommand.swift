import ArgumentParser
import Manifest
import JSONLines

/// `cabatch generate`: synthetic manifests and inventories for demos and benchmarks.
struct GenerateCommand: ParsableCommand, TakesGlobalOptions {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic manifest (and an inventory that contains it) for demos and benchmarks.",
        discussion: """
            Packages of all eight formats with correct namespaces, sizes from 1 to thousands of \
            versions, and version strings in each ecosystem's style. The same --seed gives the \
            same files. Names ending in .zst are zstd-compressed.
            """
    )

    @Option(help: "Number of valid manifest rows.")
    var rows: Int

    @Option(help: "Seed for the generator; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Where to write the manifest.")
    var output: String

    @Option(help: "Also write an inventory (a superset of the manifest, with status) here.")
    var inventoryOut: String?

    @Option(help: "Add this many bad lines, cycling through every reject kind.")
    var bad: Int = 0

    @OptionGroup(title: "Output")
    var global: GlobalOptions

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more.") }
        guard bad >= 0 else { throw ValidationError("--bad must be 0 or more.") }
    }

    func run() throws {
        let manifest = try JSONLinesWriter(path: output, compressed: output.hasSuffix(".zst"), workers: 2)
        let inventory = try inventoryOut.map { try JSONLinesWriter(path: $0, compressed: $0.hasSuffix(".zst"), workers: 2) }
        let generator = SyntheticManifest(rows: rows, seed: seed, badLines: bad)
        let summary = try generator.generate(
            manifestLine: { try manifest.write(line: $0) },
            inventoryLine: inventory.map { writer in { try writer.write(line: $0) } })
        try manifest.commit()
        try inventory?.commit()
        var text = "Wrote \(output): \(summary.rows.grouped) rows in \(summary.packages.grouped) packages"
        if summary.badLines > 0 { text += ", \(summary.badLines.grouped) bad lines" }
        if let inventoryOut { text += "; \(inventoryOut): \(summary.inventoryRows.grouped) inventory rows" }
        Terminal.summary(text)
    }
}
