import JSONLines
extension Reject {
    /// A rejects-file line: `{"file","line","kind","field","message","hint","excerpt"}`.
    public func encoded() -> JSONWriter {
        var w = JSONWriter()
        w.beginObject()
        w.member("file", file)
        w.member("line", line)
        w.member("kind", kind.rawValue)
        w.member("field", field?.rawValue)
        w.member("message", message)
        w.member("hint", hint)
        w.member("excerpt", excerpt)
        w.endObject()
        return w
    }
}
