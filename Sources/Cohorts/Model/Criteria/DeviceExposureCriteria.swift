/// Criteria on device exposures (device_exposure).
public struct DeviceExposureCriteria: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var first: Bool
    public var occurrenceStartDate: DateRange?
    public var occurrenceEndDate: DateRange?
    public var deviceType: [Concept]?
    public var deviceTypeCS: ConceptSetSelection?
    public var deviceTypeExclude: Bool
    public var uniqueDeviceId: TextFilter?
    public var quantity: NumericRange?
    public var deviceSourceConcept: Int?
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
        deviceType = try o("DeviceType")
        deviceTypeCS = try o("DeviceTypeCS")
        deviceTypeExclude = try o("DeviceTypeExclude") ?? false
        uniqueDeviceId = try o("UniqueDeviceId")
        quantity = try o("Quantity")
        deviceSourceConcept = try o("DeviceSourceConcept")
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
