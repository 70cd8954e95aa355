/// The `cdm_source` row: who holds the data, which release it is, and the CDM and vocabulary versions it declares.
public struct CDMSourceDescription: Sendable, Encodable, Equatable {
    public let name: String?
    public let abbreviation: String?
    public let holder: String?
    /// ISO dates (yyyy-mm-dd).
    public let sourceReleaseDate: String?
    public let cdmReleaseDate: String?
    public let cdmVersion: String?
    public let vocabularyVersion: String?

    enum CodingKeys: String, CodingKey {
        case name, abbreviation, holder
        case sourceReleaseDate = "source_release_date", cdmReleaseDate = "cdm_release_date"
        case cdmVersion = "cdm_version", vocabularyVersion = "vocabulary_version"
    }
}
