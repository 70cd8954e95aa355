/// What a backend's `load` wrote.
public struct LoadResult: Sendable {
    /// Rows loaded per table, lower-case table names.
    public var rowsByTable: [String: Int] = [:]
    /// Primary keys the data repeats, e.g. `drug_exposure: 4,384 rows repeat a drug_exposure_id ...`.
    public var warnings: [String] = []

    public init() {}
}
