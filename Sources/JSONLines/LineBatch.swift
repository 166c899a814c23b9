/// A run of consecutive lines of one manifest, held in one buffer so a worker can decode them
/// without copying.
public struct LineBatch: Sendable {
    /// Where one line sits in `bytes`, without its `\n` or `\r\n`.
    public struct Span: Sendable {
        public var start: Int32
        /// `-1` marks a line over the length limit; only its excerpt was kept.
        public var length: Int32
    }

    /// Index of the manifest among those of the job.
    public var input: Int
    /// Order of the batch within the job, from 0.
    public var sequence: Int
    /// 1-based line number of `spans[0]`.
    public var firstLine: Int
    public var bytes: [UInt8]
    public var spans: [Span]
    /// The first bytes of each line over the length limit, by index in `spans`.
    public var overlongExcerpts: [Int: [UInt8]]
}
