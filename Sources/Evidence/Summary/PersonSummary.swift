import Governance

/// Who is in the CDM: all persons, by sex, by 10-year age group at the start of their first observation period,
/// by decade of birth, and the sex × age-group pyramid.
public struct PersonSummary: Sendable, Encodable, Equatable {
    public let total: SmallCellCount
    public let bySex: [CategoryCount]
    /// Persons without any observation period have their own group, so the groups add up to the total.
    public let byAgeGroup: [CategoryCount]
    public let byBirthDecade: [CategoryCount]
    /// Persons with an observation period only.
    public let pyramid: [PyramidCell]

    enum CodingKeys: String, CodingKey {
        case total, pyramid
        case bySex = "by_sex", byAgeGroup = "by_age_group", byBirthDecade = "by_birth_decade"
    }
}
