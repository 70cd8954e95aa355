/// Criteria on procedures (procedure_occurrence).
public struct ProcedureOccurrenceCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var procedureType: [Concept]?
    public var procedureTypeCS: ConceptSetSelection?
    public var procedureTypeExclude: Bool
    public var modifier: [Concept]?
    public var modifierCS: ConceptSetSelection?
    public var quantity: NumericRange?
    public var procedureSourceConcept: Int?
    public var age: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    public var providerSpecialty: [Concept]?
    public var providerSpecialtyCS: ConceptSetSelection?
    public var visitType: [Concept]?
    public var visitTypeCS: ConceptSetSelection?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        first = try o("First") ?? false
        occurrenceStartDate = try o("OccurrenceStartDate")
        procedureType = try o("ProcedureType")
        procedureTypeCS = try o("ProcedureTypeCS")
        procedureTypeExclude = try o("ProcedureTypeExclude") ?? false
        modifier = try o("Modifier")
        modifierCS = try o("ModifierCS")
        quantity = try o("Quantity")
        procedureSourceConcept = try o("ProcedureSourceConcept")
        age = try o("Age")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        providerSpecialty = try o("ProviderSpecialty")
        providerSpecialtyCS = try o("ProviderSpecialtyCS")
        visitType = try o("VisitType")
        visitTypeCS = try o("VisitTypeCS")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
