/// Criteria on visits (visit_occurrence).
public struct VisitOccurrenceCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var occurrenceEndDate: DateRange?
    public var visitType: [Concept]?
    public var visitTypeCS: ConceptSetSelection?
    public var visitTypeExclude: Bool
    public var visitSourceConcept: Int?
    public var visitLength: NumericRange?
    public var age: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    public var providerSpecialty: [Concept]?
    public var providerSpecialtyCS: ConceptSetSelection?
    public var placeOfService: [Concept]?
    public var placeOfServiceCS: ConceptSetSelection?
    public var placeOfServiceLocation: Int?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        first = try o("First") ?? false
        occurrenceStartDate = try o("OccurrenceStartDate")
        occurrenceEndDate = try o("OccurrenceEndDate")
        visitType = try o("VisitType")
        visitTypeCS = try o("VisitTypeCS")
        visitTypeExclude = try o("VisitTypeExclude") ?? false
        visitSourceConcept = try o("VisitSourceConcept")
        visitLength = try o("VisitLength")
        age = try o("Age")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        providerSpecialty = try o("ProviderSpecialty")
        providerSpecialtyCS = try o("ProviderSpecialtyCS")
        placeOfService = try o("PlaceOfService")
        placeOfServiceCS = try o("PlaceOfServiceCS")
        placeOfServiceLocation = try o("PlaceOfServiceLocation")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
