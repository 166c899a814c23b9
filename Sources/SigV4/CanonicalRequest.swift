/// Step 1 of SigV4, the canonical request, as the bytes that get hashed: method, path, query,
/// signed headers, their names and the payload hash, one per line.
///
/// The signer and the verifier both build it here; every request a run sends, and every request
/// the emulator receives, goes through it, so it is written into one buffer without a string per
/// part. It works on UTF-8 bytes, as HTTP carries them: the delimiters and white space SigV4
/// names are ASCII, which UTF-8 never uses inside a multi-byte character.
enum CanonicalRequest {
    static func bytes(_ request: SigningRequest, signedHeaders: [String], payloadHash: String,
                      normalizesPath: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        for byte in request.method.utf8 {
            out.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte & ~0x20 : byte)
        }
        out.append(0x0A)
        appendPath(request.path, normalizing: normalizesPath, to: &out)
        out.append(0x0A)
        appendQuery(request.query, to: &out)
        out.append(0x0A)
        for name in signedHeaders {
            out.append(contentsOf: name.utf8)
            out.append(UInt8(ascii: ":"))
            let lowered = HeaderName.lowercased(name)
            var first = true
            for field in request.headers where HeaderName.matches(field.name, lowercasedName: lowered) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendHeaderValue(field.value, to: &out)
            }
            out.append(0x0A)
        }
        out.append(0x0A)
        for (index, name) in signedHeaders.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            out.append(contentsOf: name.utf8)
        }
        out.append(0x0A)
        out.append(contentsOf: payloadHash.utf8)
        return out
    }

    /// The path encoded; when normalizing (all services but S3), with empty, `.` and `..`
    /// segments resolved and a trailing slash kept. An empty path is `/`.
    private static func appendPath(_ path: String, normalizing: Bool, to out: inout [UInt8]) {
        let utf8 = Array(path.utf8)
        guard normalizing else {
            if utf8.isEmpty { out.append(UInt8(ascii: "/")) }
            for byte in utf8 { URIEncoding.appendEncoded(byte, keepingSlash: true, to: &out) }
            return
        }
        var segments: [Range<Int>] = []
        var start = 0
        for index in 0...utf8.count where index == utf8.count || utf8[index] == UInt8(ascii: "/") {
            defer { start = index + 1 }
            let segment = start..<index
            if segment.isEmpty { continue }
            if segment.count == 1, utf8[segment.lowerBound] == UInt8(ascii: ".") { continue }
            if segment.count == 2, utf8[segment.lowerBound] == UInt8(ascii: "."), utf8[segment.lowerBound + 1] == UInt8(ascii: ".") {
                _ = segments.popLast()
                continue
            }
            segments.append(segment)
        }
        out.append(UInt8(ascii: "/"))
        for (index, segment) in segments.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "/")) }
            for byte in utf8[segment] { URIEncoding.appendEncoded(byte, keepingSlash: true, to: &out) }
        }
        if !segments.isEmpty, utf8.last == UInt8(ascii: "/") { out.append(UInt8(ascii: "/")) }
    }

    /// Parameters encoded, sorted by name then value (bytes: encoded text is ASCII) and joined with `&`.
    private static func appendQuery(_ query: [QueryParameter], to out: inout [UInt8]) {
        func encoded(_ text: String) -> String {
            text.utf8.allSatisfy(URIEncoding.isUnreserved) ? text : URIEncoding.encode(text)
        }
        let pairs = query.map { (name: encoded($0.name), value: encoded($0.value)) }
            .sorted { a, b in
                a.name != b.name ? a.name.utf8.lexicographicallyPrecedes(b.name.utf8) : a.value.utf8.lexicographicallyPrecedes(b.value.utf8)
            }
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            out.append(contentsOf: pair.name.utf8)
            out.append(UInt8(ascii: "="))
            out.append(contentsOf: pair.value.utf8)
        }
    }

    /// The value trimmed, each inner run of spaces, tabs, CRs and LFs (folded lines) one space:
    /// botocore's `' '.join(value.split())` on the white space a header can hold.
    private static func appendHeaderValue(_ value: String, to out: inout [UInt8]) {
        var pendingSpace = false
        var wroteAny = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            wroteAny = true
            out.append(byte)
        }
    }
}
