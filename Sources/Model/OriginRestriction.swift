/// A package origin control's setting, as the service spells it (the model's `AllowPublish` and
/// `AllowUpstream`, which share their values).
public enum OriginRestriction: String, Sendable, Hashable, CaseIterable {
    case allow = "ALLOW"
    case block = "BLOCK"
}
