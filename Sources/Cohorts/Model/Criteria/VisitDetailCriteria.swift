/// Criteria on visit details (visit_detail).
public struct VisitDetailCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var visitDetailStartDate: DateRange?
    public var visitDetailEndDate: DateRange?
    public var visitDetailTypeCS: ConceptSetSelection?
    public var visitDetailSourceConcept: Int?
    public var visitDetailLength: NumericRange?
    public var age: NumericRange?
    public var genderCS: ConceptSetSelection?
    public var providerSpecialtyCS: ConceptSetSelection?
    public var placeOfServiceCS: ConceptSetSelection?
    public var placeOfServiceLocation: Int?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        first = try o("First") ?? false
        visitDetailStartDate = try o("VisitDetailStartDate")
        visitDetailEndDate = try o("VisitDetailEndDate")
        visitDetailTypeCS = try o("VisitDetailTypeCS")
        visitDetailSourceConcept = try o("VisitDetailSourceConcept")
        visitDetailLength = try o("VisitDetailLength")
        age = try o("Age")
        genderCS = try o("GenderCS")
        providerSpecialtyCS = try o("ProviderSpecialtyCS")
        placeOfServiceCS = try o("PlaceOfServiceCS")
        placeOfServiceLocation = try o("PlaceOfServiceLocation")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
