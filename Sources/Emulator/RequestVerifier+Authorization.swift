import SigV4

extension RequestVerifier {
    /// `AWS4-HMAC-SHA256 Credential=AKID/day/region/service/aws4_request, SignedHeaders=a;b, Signature=hex`,
    /// with the same acceptance rules as `AuthorizationHeader(parsing:)`, trimming spaces and tabs.
    ///
    /// ASCII values (all that HTTP carries) are parsed as bytes; anything else goes through
    /// ``parseCharacters(_:)``, whose splitting by `Character` can differ from splitting bytes.
    static func parse(_ value: String) -> AuthorizationHeader? {
        var value = value
        let parsed = value.withUTF8 { bytes -> AuthorizationHeader?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            return .some(parseASCII(bytes))
        }
        if let parsed { return parsed }
        return parseCharacters(value)
    }

    /// The rules of `AuthorizationHeader(parsing:)` on `Character`s, for values that are not ASCII.
    static func parseCharacters(_ value: String) -> AuthorizationHeader? {
        let trimmed = value.trimmingASCIISpaces()
        let prefix = SigV4Signer.algorithm + " "
        guard trimmed.hasPrefix(prefix) else { return nil }
        var fields: [Substring: Substring] = [:]
        for part in trimmed.dropFirst(prefix.count).split(separator: ",") {
            let pair = part.trimmingASCIISpaces().split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[pair[0]] = pair[1]
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
              let signature = fields["Signature"], !signature.isEmpty, !signed.isEmpty
        else { return nil }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[4] == "aws4_request", !parts[0].isEmpty else { return nil }
        return AuthorizationHeader(accessKeyID: parts[0], scope: CredentialScope(day: parts[1], region: parts[2], service: parts[3]),
                                   signedHeaders: signed.split(separator: ";").map(String.init), signature: String(signature))
    }

    /// The same rules on ASCII bytes, where a byte is a `Character` (a tab, space, `,`, `=`, `/`
    /// or `;` never joins its neighbours into one).
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> AuthorizationHeader? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound, end = range.upperBound
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return start..<end
        }
        func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
            range.count == text.utf8CodeUnitCount
                && text.withUTF8Buffer { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[range])) }
        }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        let all = trimmed(0..<bytes.count)
        let prefix = SigV4Signer.algorithm.utf8.count + 1
        guard all.count >= prefix, equals(all.lowerBound..<(all.lowerBound + prefix), "AWS4-HMAC-SHA256 ") else { return nil }

        var credential: Range<Int>?, signed: Range<Int>?, signature: Range<Int>?
        var partStart = all.lowerBound + prefix
        while partStart < all.upperBound {
            var partEnd = partStart
            while partEnd < all.upperBound, bytes[partEnd] != UInt8(ascii: ",") { partEnd += 1 }
            defer { partStart = partEnd + 1 }
            // `split(separator: ",")` drops empty parts.
            guard partEnd > partStart else { continue }
            let part = trimmed(partStart..<partEnd)
            // `split(separator: "=", maxSplits: 1)` skips leading `=`s, then needs a name, an `=`
            // and a non-empty rest.
            var nameStart = part.lowerBound
            while nameStart < part.upperBound, bytes[nameStart] == UInt8(ascii: "=") { nameStart += 1 }
            var equalsSign = nameStart
            while equalsSign < part.upperBound, bytes[equalsSign] != UInt8(ascii: "=") { equalsSign += 1 }
            guard nameStart < part.upperBound, equalsSign + 1 < part.upperBound else { return nil }
            let name = nameStart..<equalsSign, value = (equalsSign + 1)..<part.upperBound
            if equals(name, "Credential") {
                credential = value
            } else if equals(name, "SignedHeaders") {
                signed = value
            } else if equals(name, "Signature") {
                signature = value
            }
        }
        guard let credential, let signed, let signature else { return nil }

        // `split(separator: "/", omittingEmptySubsequences: false)`: exactly five parts.
        var slashes = (0, 0, 0, 0)
        var slashCount = 0
        for index in credential where bytes[index] == UInt8(ascii: "/") {
            switch slashCount {
            case 0: slashes.0 = index
            case 1: slashes.1 = index
            case 2: slashes.2 = index
            case 3: slashes.3 = index
            default: return nil
            }
            slashCount += 1
        }
        guard slashCount == 4, equals((slashes.3 + 1)..<credential.upperBound, "aws4_request"),
              slashes.0 > credential.lowerBound
        else { return nil }

        var signedHeaders: [String] = []
        var nameStart = signed.lowerBound
        for index in signed.lowerBound...signed.upperBound where index == signed.upperBound || bytes[index] == UInt8(ascii: ";") {
            if index > nameStart { signedHeaders.append(string(nameStart..<index)) }
            nameStart = index + 1
        }
        return AuthorizationHeader(
            accessKeyID: string(credential.lowerBound..<slashes.0),
            scope: CredentialScope(day: string((slashes.0 + 1)..<slashes.1), region: string((slashes.1 + 1)..<slashes.2),
                                   service: string((slashes.2 + 1)..<slashes.3)),
            signedHeaders: signedHeaders, signature: string(signature))
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end (`CharacterSet.whitespaces` for the ASCII a header holds).
    func trimmingASCIISpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
