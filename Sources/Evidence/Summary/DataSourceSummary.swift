/// An Achilles-like portrait of a whole CDM: who is in it, how long they are observed, what each clinical table
/// holds, and which release it is. Only governed counts and aggregates, so it may leave the site.
public struct DataSourceSummary: Sendable, Encodable, Equatable {
    public let settings: DataSourceSummarySettings
    /// The `cdm_source` row, when the CDM has one.
    public let source: CDMSourceDescription?
    /// The vocabulary release: the `vocabulary` row `None`, else what `cdm_source` declares.
    public let vocabularyVersion: String?
    public let persons: PersonSummary
    public let observation: ObservationSummary
    public let domains: [DomainSummary]

    enum CodingKeys: String, CodingKey {
        case settings, source, persons, observation, domains
        case vocabularyVersion = "vocabulary_version"
    }
}
