/// Criteria on measurements (measurement).
public struct MeasurementCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var measurementType: [Concept]?
    public var measurementTypeCS: ConceptSetSelection?
    public var measurementTypeExclude: Bool
    public var operatorConcept: [Concept]?
    public var operatorCS: ConceptSetSelection?
    public var valueAsNumber: NumericRange?
    public var valueAsConcept: [Concept]?
    public var valueAsConceptCS: ConceptSetSelection?
    public var unit: [Concept]?
    public var unitCS: ConceptSetSelection?
    public var rangeLow: NumericRange?
    public var rangeHigh: NumericRange?
    public var rangeLowRatio: NumericRange?
    public var rangeHighRatio: NumericRange?
    public var abnormal: Bool?
    public var measurementSourceConcept: Int?
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
        measurementType = try o("MeasurementType")
        measurementTypeCS = try o("MeasurementTypeCS")
        measurementTypeExclude = try o("MeasurementTypeExclude") ?? false
        operatorConcept = try o("Operator")
        operatorCS = try o("OperatorCS")
        valueAsNumber = try o("ValueAsNumber")
        valueAsConcept = try o("ValueAsConcept")
        valueAsConceptCS = try o("ValueAsConceptCS")
        unit = try o("Unit")
        unitCS = try o("UnitCS")
        rangeLow = try o("RangeLow")
        rangeHigh = try o("RangeHigh")
        rangeLowRatio = try o("RangeLowRatio")
        rangeHighRatio = try o("RangeHighRatio")
        abnormal = try o("Abnormal")
        measurementSourceConcept = try o("MeasurementSourceConcept")
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
