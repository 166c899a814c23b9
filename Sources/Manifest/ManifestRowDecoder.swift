/// Turns one manifest line into a validated `ManifestRow`, or says exactly why it cannot be one.
public struct ManifestRowDecoder: Sendable {
    /// A line's problem, before the file and line number are attached.
    public struct Failure: Error, Sendable {
        public var kind: RejectKind
        public var field: ManifestField?
        public var message: String
        public var hint: String?
    }

    public init() {}

    /// Decodes a line that is not blank.
    public func decode(_ line: UnsafeRawBufferPointer) -> Result<ManifestRow, Failure> {
        do {
            return try Jansson.withParsed(line) { root in decode(root: root) }
        } catch let error as JSONParseError {
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

    private func decode(root: BorrowedJSON) -> Result<ManifestRow, Failure> {
        guard root.kind == .object else {
            return .failure(Failure(kind: .notAnObject, message: "the line is \(root.kind.article), not a JSON object",
                                    hint: "each line must be an object with domain, repository, format, package and version"))
        }
        do {
            let domain = try required(root, "domain", .domain)
            let owner = try optional(root, "domainOwner", .domainOwner)
            let repository = try required(root, "repository", .repository)
            let formatText = try required(root, "format", .format)
            let namespace = try optional(root, "namespace", .namespace)
            let package = try required(root, "package", .package)
            let version = try required(root, "version", .version)
            let status = root.member("status").flatMap { $0.kind == .string ? $0.string : nil }
            guard let format = PackageFormat(rawValue: formatText) else {
                let violation = ServiceConstraints.check(.format, formatText)!
                return .failure(Failure(kind: .unknownFormat, field: .format, message: violation.message,
                                        hint: formatText.lowercased() != formatText && PackageFormat(rawValue: formatText.lowercased()) != nil
                                            ? "formats are lowercase: \(formatText.lowercased())" : nil))
            }
            let row = ManifestRow(domain: domain, domainOwner: owner, repository: repository, format: format,
                                  namespace: namespace, package: package, version: version, status: status)
            if let violation = row.violations().first {
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

    private func required(_ object: BorrowedJSON, _ name: StaticString, _ field: ManifestField) throws -> String {
        guard let value = object.member(name) else {
            throw Failure(kind: .missingMember, field: field, message: "member \(field.rawValue) is missing",
                          hint: "every row needs domain, repository, format, package and version")
        }
        guard value.kind == .string else {
            throw Failure(kind: .wrongType, field: field,
                          message: "member \(field.rawValue) is \(value.kind.article), not a string")
        }
        return value.string
    }

    /// Absent and `null` both mean "not given".
    private func optional(_ object: BorrowedJSON, _ name: StaticString, _ field: ManifestField) throws -> String? {
        guard let value = object.member(name), value.kind != .null else { return nil }
        guard value.kind == .string else {
            throw Failure(kind: .wrongType, field: field,
                          message: "member \(field.rawValue) is \(value.kind.article), not a string or null")
        }
        return value.string
    }
}
