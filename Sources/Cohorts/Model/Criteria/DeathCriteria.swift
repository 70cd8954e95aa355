/// Criteria on deaths (death).
public struct DeathCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var occurrenceStartDate: DateRange?
    public var deathType: [Concept]?
    public var deathTypeCS: ConceptSetSelection?
    public var deathTypeExclude: Bool
    public var deathSourceConcept: Int?
    public var age: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        occurrenceStartDate = try o("OccurrenceStartDate")
        deathType = try o("DeathType")
        deathTypeCS = try o("DeathTypeCS")
        deathTypeExclude = try o("DeathTypeExclude") ?? false
        deathSourceConcept = try o("DeathSourceConcept")
        age = try o("Age")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
