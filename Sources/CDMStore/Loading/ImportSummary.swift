/// What an import loaded.
public struct ImportSummary: Sendable {
    /// Rows loaded per table, lower-case table names.
    public let rowsByTable: [String: Int]
    public let warnings: [String]
    /// The whole import, from planning to commit.
    public let seconds: Double
    /// Of which reading, validating and writing rows.
    public let rowSeconds: Double
    /// Of which rebuilding indices.
    public let indexSeconds: Double

    public var totalRows: Int { rowsByTable.values.reduce(0, +) }
}
