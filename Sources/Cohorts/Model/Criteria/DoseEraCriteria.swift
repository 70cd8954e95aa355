/// Criteria on dose eras (dose_era).
public struct DoseEraCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var eraStartDate: DateRange?
    public var eraEndDate: DateRange?
    public var unit: [Concept]?
    public var unitCS: ConceptSetSelection?
    public var doseValue: NumericRange?
    public var eraLength: NumericRange?
    public var ageAtStart: NumericRange?
    public var ageAtEnd: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        first = try o("First") ?? false
        eraStartDate = try o("EraStartDate")
        eraEndDate = try o("EraEndDate")
        unit = try o("Unit")
        unitCS = try o("UnitCS")
        doseValue = try o("DoseValue")
        eraLength = try o("EraLength")
        ageAtStart = try o("AgeAtStart")
        ageAtEnd = try o("AgeAtEnd")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
