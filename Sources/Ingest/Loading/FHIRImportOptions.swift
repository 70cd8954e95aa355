/// How `importFHIR` works through its input.
public struct FHIRImportOptions: Sendable {
    /// Resources mapped and loaded per transaction: a failure loses at most the batch being written,
    /// and memory holds one batch of rows.
    public var batchSize: Int

    public init(batchSize: Int = 20_000) {
        self.batchSize = max(1, batchSize)
    }
}

/// Where an import is, for a progress bar.
public struct FHIRImportProgress: Sendable {
    public let resources: Int
    /// Bytes of resource text read so far (inflated, for gzip'd files).
    public let bytesRead: Int64
    public let fileName: String
}
