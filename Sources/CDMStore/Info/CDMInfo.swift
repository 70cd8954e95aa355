/// What a CDM database holds: the shape of `optima info --json` and `GET /api/info`.
public struct CDMInfo: Sendable, Codable, Equatable {
    /// The CDM version of the database's schema.
    public let cdmVersion: String
    /// The vocabulary version (`vocabulary` row `None`, else `cdm_source`), when known.
    public let vocabularyVersion: String?
    /// Row counts of the 39 CDM tables, lower-case names.
    public let tables: [String: Int]
    /// Row counts of the cohort engine's results tables.
    public let resultsTables: [String: Int]

    enum CodingKeys: String, CodingKey {
        case cdmVersion = "cdm_version"
        case vocabularyVersion = "vocabulary_version"
        case tables
        case resultsTables = "results_tables"
    }
}
