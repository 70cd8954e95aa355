import Governance

/// One bar of the age/sex pyramid: the persons of one sex in one 10-year age group at their first observation.
public struct PyramidCell: Sendable, Encodable, Equatable {
    public let sex: String
    public let ageGroup: String
    public let persons: SmallCellCount

    enum CodingKeys: String, CodingKey {
        case sex, persons
        case ageGroup = "age_group"
    }
}
