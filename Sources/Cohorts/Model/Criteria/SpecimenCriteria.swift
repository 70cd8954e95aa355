/// Criteria on specimens (specimen).
public struct SpecimenCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var specimenType: [Concept]?
    public var specimenTypeCS: ConceptSetSelection?
    public var specimenTypeExclude: Bool
    public var quantity: NumericRange?
    public var unit: [Concept]?
    public var unitCS: ConceptSetSelection?
    public var anatomicSite: [Concept]?
    public var anatomicSiteCS: ConceptSetSelection?
    public var diseaseStatus: [Concept]?
    public var diseaseStatusCS: ConceptSetSelection?
    public var sourceId: TextFilter?
    public var specimenSourceConcept: Int?
    public var age: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        first = try o("First") ?? false
        occurrenceStartDate = try o("OccurrenceStartDate")
        specimenType = try o("SpecimenType")
        specimenTypeCS = try o("SpecimenTypeCS")
        specimenTypeExclude = try o("SpecimenTypeExclude") ?? false
        quantity = try o("Quantity")
        unit = try o("Unit")
        unitCS = try o("UnitCS")
        anatomicSite = try o("AnatomicSite")
        anatomicSiteCS = try o("AnatomicSiteCS")
        diseaseStatus = try o("DiseaseStatus")
        diseaseStatusCS = try o("DiseaseStatusCS")
        sourceId = try o("SourceId")
        specimenSourceConcept = try o("SpecimenSourceConcept")
        age = try o("Age")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
