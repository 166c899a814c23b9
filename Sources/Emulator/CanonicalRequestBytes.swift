import SigV4

/// SigV4's canonical request (step 1) as the bytes that get hashed, equal to
/// `SigV4Signer.canonicalRequest(_:signedHeaders:payloadHash:)` but built without a string per part.
///
/// The verifier needs only its hash. Parts whose `Character`s could differ from their bytes
/// (non-ASCII paths, methods and names, header values with `\r`) go through `SigV4Signer`'s own
/// functions; `CanonicalRequestBytesTests` holds the two to the same bytes.
enum CanonicalRequestBytes {
    static func build(_ request: SigningRequest, signedHeaders: [String], payloadHash: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        appendMethod(request.method, to: &out)
        out.append(0x0A)
        appendPath(request.path, to: &out)
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

    private static func isASCII(_ text: String) -> Bool {
        !text.utf8.contains { $0 >= 0x80 }
    }

    private static func appendMethod(_ method: String, to out: inout [UInt8]) {
        guard isASCII(method) else {
            out.append(contentsOf: method.uppercased().utf8)
            return
        }
        for byte in method.utf8 {
            out.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte & ~0x20 : byte)
        }
    }

    /// The path with empty, `.` and `..` segments resolved (`SigV4Signer.normalizedPath`), then encoded.
    private static func appendPath(_ path: String, to out: inout [UInt8]) {
        guard isASCII(path) else {
            out.append(contentsOf: URIEncoding.encodePath(SigV4Signer.normalizedPath(path)).utf8)
            return
        }
        var segments: [Range<Int>] = []
        let utf8 = Array(path.utf8)
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

    /// Parameters encoded, sorted by name then value (encoded strings are ASCII, so bytes order
    /// them as `String` does) and joined with `&`.
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

    /// `SigV4Signer.canonicalHeaderValue`: trimmed, inner runs of white space collapsed to one
    /// space. By bytes only for ASCII without `\r`, where no two bytes form one `Character`.
    private static func appendHeaderValue(_ value: String, to out: inout [UInt8]) {
        guard !value.utf8.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else {
            out.append(contentsOf: SigV4Signer.canonicalHeaderValue(value).utf8)
            return
        }
        var pendingSpace = false
        var wroteAny = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
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
