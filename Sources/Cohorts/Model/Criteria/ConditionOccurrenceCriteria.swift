/// Criteria on condition occurrences (condition_occurrence).
public struct ConditionOccurrenceCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var occurrenceEndDate: DateRange?
    public var conditionType: [Concept]?
    public var conditionTypeCS: ConceptSetSelection?
    public var conditionTypeExclude: Bool
    public var stopReason: TextFilter?
    public var conditionSourceConcept: Int?
    public var age: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    public var providerSpecialty: [Concept]?
    public var providerSpecialtyCS: ConceptSetSelection?
    public var visitType: [Concept]?
    public var visitTypeCS: ConceptSetSelection?
    public var conditionStatus: [Concept]?
    public var conditionStatusCS: ConceptSetSelection?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        first = try o("First") ?? false
        occurrenceStartDate = try o("OccurrenceStartDate")
        occurrenceEndDate = try o("OccurrenceEndDate")
        conditionType = try o("ConditionType")
        conditionTypeCS = try o("ConditionTypeCS")
        conditionTypeExclude = try o("ConditionTypeExclude") ?? false
        stopReason = try o("StopReason")
        conditionSourceConcept = try o("ConditionSourceConcept")
        age = try o("Age")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        providerSpecialty = try o("ProviderSpecialty")
        providerSpecialtyCS = try o("ProviderSpecialtyCS")
        visitType = try o("VisitType")
        visitTypeCS = try o("VisitTypeCS")
        conditionStatus = try o("ConditionStatus")
        conditionStatusCS = try o("ConditionStatusCS")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
