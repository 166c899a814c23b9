import Glibc
import JSONLines
import Model

/// The directory beside an unfinished inventory (`INVENTORY.export-state`) that lets an export
/// resume where it stopped, whatever stopped it.
///
/// Rows are appended to `rows.jsonl` one package at a time, in the export's order, and each
/// package is then recorded in `progress.jsonl` with the length `rows.jsonl` had after it. A
/// `kill -9` between the two, or in the middle of either, loses at most that package: on
/// reopening, `rows.jsonl` is cut back to the last recorded length and a torn last record is
/// ignored. Repository and package lists are written whole (`AtomicFile`) once complete. The
/// inventory itself appears only at `finish`, so nothing half-written is ever at its path.
final class ExportCheckpoint {
    /// One repository to export, as listed.
    struct Repository: Sendable, Hashable {
        var name: String
        var domainOwner: String?
    }

    /// One listed package, its format as the service spelled it.
    struct Package: Sendable, Hashable {
        var rawFormat: String
        var namespace: String?
        var name: String
    }

    /// What one exported package added, as `progress.jsonl` records it.
    struct PackageRecord: Sendable, Hashable {
        var repository: Int
        var package: Int
        /// The length of `rows.jsonl` after the package's rows.
        var end: Int
        var requests: Int
        var statuses: [String: Int]
        /// Listed versions whose description was gone by the time it was read.
        var vanished: Int
        /// The format as listed, when cabatch cannot write rows of it.
        var unknownFormat: String?
    }

    let directory: String
    private(set) var repositories: [Repository]?
    private var packageLists: [Int: [Package]] = [:]
    /// Every package recorded so far, in order.
    private(set) var records: [PackageRecord] = []
    private var rows: AppendFile
    private var progress: AppendFile

    static func directory(forOutput output: String) -> String { output + ".export-state" }

    /// Opens the checkpoint of an export to `output`, creating it, or continuing it when it was
    /// begun with the same scope; a checkpoint of another scope is refused, not overwritten.
    init(output: String, scope: ExportScope) throws {
        let directory = Self.directory(forOutput: output)
        self.directory = directory
        let scopeLine = scope.encoded()
        let scopePath = directory + "/scope.json"
        var existing = stat()
        if stat(directory, &existing) == 0 {
            guard let saved = try? Self.readAll(scopePath), Self.trimmed(saved) == scopeLine else {
                throw ExportError.foreignCheckpoint(directory: directory)
            }
        } else {
            guard mkdir(directory, 0o755) == 0 else { throw FileError.errno(.cannotOpen, file: directory) }
            let file = try AtomicFile(path: scopePath)
            try file.write(scopeLine + [0x0A])
            try file.commit()
        }
        if let lines = try Self.lines(directory + "/repositories.jsonl") {
            repositories = try lines.map { object in
                guard let name = object["name"]?.stringValue else { throw ExportError.damagedCheckpoint(file: directory + "/repositories.jsonl") }
                return Repository(name: name, domainOwner: object["domainOwner"]?.stringValue)
            }
        }
        let progressPath = directory + "/progress.jsonl"
        records = try Self.records(progressPath)
        let end = records.last?.end ?? 0
        rows = try AppendFile(path: directory + "/rows.jsonl", truncatingTo: end)
        // A torn last record is cut away with the rows it did not cover.
        progress = try AppendFile(path: progressPath, truncatingTo: try Self.recordedLength(progressPath))
    }

    /// The next package to export: the one after the last recorded.
    var resumePoint: (repository: Int, package: Int) {
        guard let last = records.last else { return (0, 0) }
        return (last.repository, last.package + 1)
    }

    func saveRepositories(_ list: [Repository]) throws {
        var bytes: [UInt8] = []
        for repository in list {
            var w = JSONWriter()
            w.beginObject()
            w.member("name", repository.name)
            w.member("domainOwner", repository.domainOwner)
            w.endObject()
            bytes += w.bytes + [0x0A]
        }
        try Self.writeWhole(directory + "/repositories.jsonl", bytes)
        repositories = list
    }

    /// The repository's package list, when an earlier run finished listing it.
    func packages(ofRepository index: Int) throws -> [Package]? {
        if let list = packageLists[index] { return list }
        let path = packagesPath(index)
        guard let lines = try Self.lines(path) else { return nil }
        let list = try lines.map { object in
            guard let format = object["format"]?.stringValue, let name = object["package"]?.stringValue else {
                throw ExportError.damagedCheckpoint(file: path)
            }
            return Package(rawFormat: format, namespace: object["namespace"]?.stringValue, name: name)
        }
        packageLists[index] = list
        return list
    }

    func savePackages(_ list: [Package], ofRepository index: Int) throws {
        var bytes: [UInt8] = []
        for package in list {
            var w = JSONWriter()
            w.beginObject()
            w.member("format", package.rawFormat)
            w.member("namespace", package.namespace)
            w.member("package", package.name)
            w.endObject()
            bytes += w.bytes + [0x0A]
        }
        try Self.writeWhole(packagesPath(index), bytes)
        packageLists[index] = list
    }

    /// Appends a package's rows (whole lines), then the record that covers them.
    func commit(rows lines: [UInt8], _ record: PackageRecord) throws {
        var record = record
        try rows.write(lines)
        record.end = (records.last?.end ?? 0) + lines.count
        var w = JSONWriter()
        w.beginObject()
        w.member("repository", record.repository)
        w.member("package", record.package)
        w.member("end", record.end)
        w.member("requests", record.requests)
        w.key("statuses")
        w.beginObject()
        for (status, count) in record.statuses.sorted(by: { $0.key < $1.key }) { w.member(status, count) }
        w.endObject()
        w.member("vanished", record.vanished)
        w.member("unknownFormat", record.unknownFormat)
        w.endObject()
        try progress.write(w.bytes + [0x0A])
        records.append(record)
    }

    /// Writes the rows as the inventory at `output` (zstd when it ends in `.zst`), atomically,
    /// then removes the checkpoint.
    func finish(into output: String) throws {
        rows.close()
        progress.close()
        let writer = try JSONLinesWriter(path: output, compressed: output.hasSuffix(".zst"))
        try JSONLinesReader.forEachLine(of: InputFile(directory + "/rows.jsonl"), hashing: false) { _, line in
            guard let line else { throw ExportError.damagedCheckpoint(file: directory + "/rows.jsonl") }
            try writer.write(line: Array(line))
        }
        try writer.commit()
        remove()
    }

    /// Deletes the checkpoint's files and directory.
    func remove() {
        if let entries = try? Self.names(in: directory) {
            for name in entries { unlink(directory + "/" + name) }
        }
        rmdir(directory)
    }

    private func packagesPath(_ index: Int) -> String { directory + "/packages-\(index).jsonl" }

    // MARK: - Files

    private static func writeWhole(_ path: String, _ bytes: [UInt8]) throws {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    private static func readAll(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try JSONLinesReader.forEachLine(of: InputFile(path), hashing: false) { _, line in
            if let line { bytes += Array(line) }
        }
        return bytes
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while bytes.last == 0x0A || bytes.last == 0x0D { bytes.removeLast() }
        return bytes
    }

    /// Every line of a whole file as an object; `nil` when the file does not exist.
    private static func lines(_ path: String) throws -> [JSONObject]? {
        guard access(path, F_OK) == 0 else { return nil }
        var objects: [JSONObject] = []
        try JSONLinesReader.forEachLine(of: InputFile(path), hashing: false) { _, line in
            guard let line, let object = try? JSONValue.parse(line).objectValue else { throw ExportError.damagedCheckpoint(file: path) }
            objects.append(object)
        }
        return objects
    }

    /// The complete records of `progress.jsonl`; a torn last one is left out, a damaged one
    /// followed by others is an error.
    private static func records(_ path: String) throws -> [PackageRecord] {
        guard access(path, F_OK) == 0 else { return [] }
        var records: [PackageRecord] = []
        var torn = false
        let result = try JSONLinesReader.forEachLine(of: InputFile(path), hashing: false) { _, line in
            guard !torn else { throw ExportError.damagedCheckpoint(file: path) }
            guard let line, let object = try? JSONValue.parse(line).objectValue,
                  let repository = object["repository"]?.intValue, let package = object["package"]?.intValue,
                  let end = object["end"]?.intValue, let requests = object["requests"]?.intValue,
                  let statuses = object["statuses"]?.objectValue
            else {
                torn = true
                return
            }
            var counts: [String: Int] = [:]
            for (status, count) in statuses.members { counts[status] = count.intValue ?? 0 }
            records.append(PackageRecord(repository: repository, package: package, end: end, requests: requests,
                                         statuses: counts, vanished: object["vanished"]?.intValue ?? 0,
                                         unknownFormat: object["unknownFormat"]?.stringValue))
        }
        if torn && !result.lastLineUnterminated { throw ExportError.damagedCheckpoint(file: path) }
        return records
    }

    /// The length of `progress.jsonl` up to its last newline.
    private static func recordedLength(_ path: String) throws -> Int {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileError.errno(.readFailed, file: path) }
        var length = Int(info.st_size)
        var byte: UInt8 = 0
        while length > 0 {
            guard pread(descriptor, &byte, 1, off_t(length - 1)) == 1 else { throw FileError.errno(.readFailed, file: path) }
            if byte == 0x0A { break }
            length -= 1
        }
        return length
    }

    private static func names(in directory: String) throws -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
