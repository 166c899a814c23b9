/// The `day/region/service/aws4_request` part of a signature, which binds a key to one place and day.
public struct CredentialScope: Sendable, Hashable {
    public var day: String
    public var region: String
    public var service: String

    public init(day: String, region: String, service: String) {
        self.day = day
        self.region = region
        self.service = service
    }

    /// `20150830/us-east-1/service/aws4_request`.
    public var rendered: String { "\(day)/\(region)/\(service)/aws4_request" }
}
