/// Conditions on the person at the index event: age at its start, gender, race, ethnicity, and its dates.
public struct DemographicCriteria: Decodable, Sendable, Equatable {
    public var age: NumericRange?
    public var gender: [Concept]?
    public var race: [Concept]?
    public var ethnicity: [Concept]?
    public var genderSelection: ConceptSetSelection?
    public var raceSelection: ConceptSetSelection?
    public var ethnicitySelection: ConceptSetSelection?
    public var occurrenceStartDate: DateRange?
    public var occurrenceEndDate: DateRange?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        age = try o("Age")
        gender = try o("Gender")
        race = try o("Race")
        ethnicity = try o("Ethnicity")
        genderSelection = try o("GenderCS")
        raceSelection = try o("RaceCS")
        ethnicitySelection = try o("EthnicityCS")
        occurrenceStartDate = try o("OccurrenceStartDate")
        occurrenceEndDate = try o("OccurrenceEndDate")
    }
}
