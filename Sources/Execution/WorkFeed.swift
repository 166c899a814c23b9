/// Where the executor takes its work from, a batch at a time, so that a run never needs the
/// whole plan in memory.
public protocol WorkFeed: AnyObject, Sendable {
    /// The next batch, without waiting.
    func poll() -> FeedPoll<WorkItem>
    /// Called (on any thread) when `poll` has something new after answering `.notYet`.
    func setReadyHandler(_ handler: @escaping @Sendable () -> Void)
    /// Nothing more will be taken: the producer may stop.
    func cancel()
}

/// What a feed has now.
public enum FeedPoll<Element: Sendable>: Sendable {
    case items([Element])
    /// More is coming; the ready handler will say when.
    case notYet
    case exhausted
    case failed(String)
}

/// A feed of items known up front.
public final class ArrayFeed: WorkFeed, @unchecked Sendable {
    private var items: [WorkItem]?

    public init(_ items: [WorkItem]) { self.items = items }

    // Only the executor's queue calls `poll`.
    public func poll() -> FeedPoll<WorkItem> {
        guard let items else { return .exhausted }
        self.items = nil
        return .items(items)
    }

    public func setReadyHandler(_ handler: @escaping @Sendable () -> Void) {}
    public func cancel() {}
}
