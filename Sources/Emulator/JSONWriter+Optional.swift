import JSONLines

extension JSONWriter {
    /// Writes `name: value`, or nothing when `value` is `nil`: the service omits absent members.
    mutating func memberIfPresent(_ name: String, _ value: String?) {
        if let value { member(name, value) }
    }
}
