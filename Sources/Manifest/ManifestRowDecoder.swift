import JSONLines
import Model
/// Turns one manifest line into a validated `ManifestRow`, or says exactly why it cannot be one.
public struct ManifestRowDecoder: Sendable {
    /// A line's problem, before the file and line number are attached.
    public struct Failure: Error, Sendable, Equatable {
        public var kind: RejectKind
        public var field: PackageField?
        public var message: String
        public var hint: String?
    }

    /// Whether lines of the common flat shape are read by `FlatJSONObject` rather than jansson
    /// (the same result, faster); off only to compare the two.
    let readsFlatLines: Bool

    public init() { readsFlatLines = true }

    init(readsFlatLines: Bool) { self.readsFlatLines = readsFlatLines }

    /// Decodes a line that is not blank.
    public func decode(_ line: UnsafeRawBufferPointer) -> Result<ManifestRow, Failure> {
        decode(line, after: nil)
    }

    /// Decodes a line that is not blank. `previous` is the valid row before it: inventories list
    /// a package's versions together, so when this row names the same package, byte for byte,
    /// its strings are shared and its package members are not checked again (they passed).
    public func decode(_ line: UnsafeRawBufferPointer, after previous: ManifestRow?) -> Result<ManifestRow, Failure> {
        if readsFlatLines, let flat = FlatJSONObject(line) {
            return decode(root: flat, after: previous)
        }
        do {
            return try Jansson.withParsed(line) { root in decode(root: root, after: previous) }
        } catch let error as JSONParseError {
            if let member = error.repeatedMember {
                return .failure(Failure(kind: .repeatedMember, field: PackageField(rawValue: member),
                                        message: "the line names member \"\(member)\" more than once, so its value is ambiguous",
                                        hint: "keep one \(member) member in this row"))
            }
            if error.isInvalidUTF8 {
                return .failure(Failure(kind: .notUTF8, message: "the line is not valid UTF-8 (\(error))",
                                        hint: "re-export the manifest as UTF-8"))
            }
            return .failure(Failure(kind: .invalidJSON, message: "the line is not valid JSON: \(error)",
                                    hint: "each line must be one complete JSON object"))
        } catch {
            return .failure(Failure(kind: .invalidJSON, message: "the line is not valid JSON: \(error)"))
        }
    }

    private func decode<Root: RowJSONObject>(root: Root, after previous: ManifestRow?) -> Result<ManifestRow, Failure> {
        guard root.kind == .object else {
            return .failure(Failure(kind: .notAnObject, message: "the line is \(root.kind.article), not a JSON object",
                                    hint: "each line must be an object with domain, repository, format, package and version"))
        }
        do {
            var same = previous != nil
            let domain = try required(root, .domain, reusing: previous?.domain, same: &same)
            let owner = try optional(root, .domainOwner, reusing: previous?.domainOwner, same: &same)
            let repository = try required(root, .repository, reusing: previous?.repository, same: &same)
            var formatSame = previous != nil
            let formatText = try required(root, .format, reusing: previous?.format.rawValue, same: &formatSame)
            same = same && formatSame
            let namespace = try optional(root, .namespace, reusing: previous?.namespace, same: &same)
            let package = try required(root, .package, reusing: previous?.package, same: &same)
            var versionSame = false
            let version = try required(root, .version, reusing: nil, same: &versionSame)
            guard let format = formatSame ? previous?.format : PackageFormat(rawValue: formatText) else {
                let violation = ServiceConstraints.check(.format, formatText)!
                return .failure(Failure(kind: .unknownFormat, field: .format, message: violation.message,
                                        hint: formatText.lowercased() != formatText && PackageFormat(rawValue: formatText.lowercased()) != nil
                                            ? "formats are lowercase: \(formatText.lowercased())" : nil))
            }
            var row = ManifestRow(domain: domain, domainOwner: owner, repository: repository, format: format,
                                  namespace: namespace, package: package, version: version)
            // The same package as the valid row before: only the version is new.
            var violation = same ? ServiceConstraints.check(.version, version) : row.violations().first
            if violation == nil, root.mayHaveInventoryMembers {
                // What an inventory records of the version, each checked as the service would.
                var unused = false
                let status = try optional(root, .status, reusing: nil, same: &unused)
                let revision = try optional(root, .revision, reusing: nil, same: &unused)
                let origin = try optional(root, .origin, reusing: nil, same: &unused)
                let published = try optional(root, .publishedTime, reusing: nil, same: &unused)
                violation = status.flatMap { ServiceConstraints.check(.status, $0) }
                    ?? revision.flatMap { ServiceConstraints.check(.revision, $0) }
                    ?? origin.flatMap { ServiceConstraints.check(.origin, $0) }
                    ?? published.flatMap { ServiceConstraints.check(.publishedTime, $0) }
                row.publishedTime = published.flatMap { Timestamp(iso8601: $0) }
                row.status = status.flatMap(PackageVersionStatus.init(rawValue:))
                row.revision = revision
                row.origin = origin.flatMap(PackageVersionOriginType.init(rawValue:))
                row.isDefaultDisplayVersion = try optionalBool(root, .defaultDisplayVersion)
            }
            if let violation {
                return .failure(Failure(kind: RejectKind(violation.rule), field: violation.field,
                                        message: violation.message, hint: violation.hint))
            }
            return .success(row)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(kind: .invalidJSON, message: "\(error)"))
        }
    }

    /// A required string member; `previous` is the previous row's value, returned (and `same`
    /// left alone) when the bytes are equal, else `same` becomes false.
    private func required<Root: RowJSONObject>(_ object: Root, _ field: PackageField,
                                               reusing previous: String?, same: inout Bool) throws -> String {
        guard let value = object.member(field) else {
            throw Failure(kind: .missingMember, field: field, message: "member \(field.rawValue) is missing",
                          hint: "every row needs domain, repository, format, package and version")
        }
        guard value.kind == .string else {
            throw Failure(kind: .wrongType, field: field,
                          message: "member \(field.rawValue) is \(value.kind.article), not a string")
        }
        return value.string(reusing: previous, same: &same)
    }

    /// A boolean member; absent and `null` both mean "not given".
    private func optionalBool<Root: RowJSONObject>(_ object: Root, _ field: PackageField) throws -> Bool? {
        guard let value = object.member(field), value.kind != .null else { return nil }
        guard value.kind == .bool else {
            throw Failure(kind: .wrongType, field: field,
                          message: "member \(field.rawValue) is \(value.kind.article), not true, false or null")
        }
        return value.bool
    }

    /// Absent and `null` both mean "not given".
    private func optional<Root: RowJSONObject>(_ object: Root, _ field: PackageField,
                                               reusing previous: String?, same: inout Bool) throws -> String? {
        guard let value = object.member(field), value.kind != .null else {
            if previous != nil { same = false }
            return nil
        }
        guard value.kind == .string else {
            throw Failure(kind: .wrongType, field: field,
                          message: "member \(field.rawValue) is \(value.kind.article), not a string or null")
        }
        return value.string(reusing: previous, same: &same)
    }
}
