import JSONLines

/// The JSON body rules shared by the batch operations, read with jansson.
enum RequestBody {
    /// Runs `read` on the body's object: `nil` for an empty body, which the service reads as `{}`.
    /// A body that is not JSON, or not an object, is the service's `CANNOT_PARSE`. A repeated
    /// member keeps its last value, as the service's parser does.
    static func withObject<T>(_ body: [UInt8], _ read: (BorrowedJSON?) -> T) -> Result<T, ServiceException> {
        guard body.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return .success(read(nil)) }
        do {
            return try body.withUnsafeBytes { raw in
                try Jansson.withParsed(raw, rejectingDuplicates: false) { root in
                    guard root.kind == .object else {
                        return .failure(.validation("Request body must be a JSON object", reason: "CANNOT_PARSE"))
                    }
                    return .success(read(root))
                }
            }
        } catch {
            return .failure(.validation("Could not parse request body into json: \(error)", reason: "CANNOT_PARSE"))
        }
    }

    /// The `versions` list: required, 0–100 strings, each a valid `PackageVersion`.
    static func versions(_ value: BorrowedJSON?, into validator: inout RequestValidator) -> [String]? {
        guard let value, value.kind != .null else {
            validator.fail(member: "versions", value: nil, constraint: "Member must not be null")
            return nil
        }
        guard value.kind == .array else {
            validator.fail(member: "versions", value: nil, constraint: "Member must be a list, not \(kindName(value.kind))")
            return nil
        }
        let elements = value.elements
        let failuresBefore = validator.failures.count
        if elements.count > PackageVersionsInput.maxVersions {
            validator.fail(member: "versions", value: "[\(elements.count) versions]",
                           constraint: "Member must have length less than or equal to \(PackageVersionsInput.maxVersions)")
        }
        var versions: [String] = []
        versions.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard element.kind == .string else {
                validator.fail(member: "versions.\(index + 1).member", value: nil,
                               constraint: "Member must be a string, not \(kindName(element.kind))")
                continue
            }
            let version = element.string
            validator.optional(.version, version, member: "versions.\(index + 1).member")
            versions.append(version)
        }
        return validator.failures.count == failuresBefore ? versions : nil
    }

    /// A value's kind as the service's messages name it: its model calls arrays lists.
    static func kindName(_ kind: JSONKind) -> String {
        kind == .array ? "a list" : kind.article
    }
}
