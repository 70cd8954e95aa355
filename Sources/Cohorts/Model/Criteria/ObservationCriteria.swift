/// Criteria on observations (observation).
public struct ObservationCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var observationType: [Concept]?
    public var observationTypeCS: ConceptSetSelection?
    public var observationTypeExclude: Bool
    public var valueAsNumber: NumericRange?
    public var valueAsString: TextFilter?
    public var valueAsConcept: [Concept]?
    public var valueAsConceptCS: ConceptSetSelection?
    public var qualifier: [Concept]?
    public var qualifierCS: ConceptSetSelection?
    public var unit: [Concept]?
    public var unitCS: ConceptSetSelection?
    public var observationSourceConcept: Int?
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
        observationType = try o("ObservationType")
        observationTypeCS = try o("ObservationTypeCS")
        observationTypeExclude = try o("ObservationTypeExclude") ?? false
        valueAsNumber = try o("ValueAsNumber")
        valueAsString = try o("ValueAsString")
        valueAsConcept = try o("ValueAsConcept")
        valueAsConceptCS = try o("ValueAsConceptCS")
        qualifier = try o("Qualifier")
        qualifierCS = try o("QualifierCS")
        unit = try o("Unit")
        unitCS = try o("UnitCS")
        observationSourceConcept = try o("ObservationSourceConcept")
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
