/// What an import loaded.
public struct ImportSummary: Sendable {
    /// Rows loaded per table, lower-case table names.
    public let rowsByTable: [String: Int]
    public let warnings: [String]
    public let seconds: Double

    public var totalRows: Int { rowsByTable.values.reduce(0, +) }
}
