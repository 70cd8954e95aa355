/// What a backend's `load` wrote.
public struct LoadResult: Sendable {
    /// Rows loaded per table, lower-case table names.
    public var rowsByTable: [String: Int] = [:]
    /// Primary keys the data repeats, e.g. `drug_exposure: 4,384 rows repeat a drug_exposure_id ...`.
    public var warnings: [String] = []
    /// Time spent reading, validating and writing rows.
    public var rowSeconds: Double = 0
    /// Time spent rebuilding indices after the rows were in.
    public var indexSeconds: Double = 0

    public init() {}
}
