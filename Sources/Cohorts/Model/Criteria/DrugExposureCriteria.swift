/// Criteria on drug exposures (drug_exposure).
public struct DrugExposureCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var occurrenceEndDate: DateRange?
    public var drugType: [Concept]?
    public var drugTypeCS: ConceptSetSelection?
    public var drugTypeExclude: Bool
    public var stopReason: TextFilter?
    public var refills: NumericRange?
    public var quantity: NumericRange?
    public var daysSupply: NumericRange?
    public var routeConcept: [Concept]?
    public var routeConceptCS: ConceptSetSelection?
    public var effectiveDrugDose: NumericRange?
    public var doseUnit: [Concept]?
    public var doseUnitCS: ConceptSetSelection?
    public var lotNumber: TextFilter?
    public var drugSourceConcept: Int?
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
        occurrenceEndDate = try o("OccurrenceEndDate")
        drugType = try o("DrugType")
        drugTypeCS = try o("DrugTypeCS")
        drugTypeExclude = try o("DrugTypeExclude") ?? false
        stopReason = try o("StopReason")
        refills = try o("Refills")
        quantity = try o("Quantity")
        daysSupply = try o("DaysSupply")
        routeConcept = try o("RouteConcept")
        routeConceptCS = try o("RouteConceptCS")
        effectiveDrugDose = try o("EffectiveDrugDose")
        doseUnit = try o("DoseUnit")
        doseUnitCS = try o("DoseUnitCS")
        lotNumber = try o("LotNumber")
        drugSourceConcept = try o("DrugSourceConcept")
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
