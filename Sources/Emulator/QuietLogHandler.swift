import Logging

/// The emulator server's log handler: swift-log's standard-error stream handler, with metadata
/// kept as given until a message is written.
///
/// Hummingbird tags every request's logger with a request id, and `StreamLogHandler` renders
/// its metadata to text on each change: a few microseconds a request for messages that, at the
/// emulator's `critical` level, are almost never written.
struct QuietLogHandler: LogHandler {
    private let label: String
    var logLevel: Logger.Level = .critical
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var stream = StreamLogHandler.standardError(label: label, metadataProvider: metadataProvider)
        stream.logLevel = logLevel
        stream.metadata = metadata
        stream.log(event: event)
    }
}
