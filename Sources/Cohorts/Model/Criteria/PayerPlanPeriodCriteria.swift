/// Criteria on payer plan periods (payer_plan_period).
public struct PayerPlanPeriodCriteria: Decodable, Sendable, Equatable {
    public var first: Bool
    public var periodStartDate: DateRange?
    public var periodEndDate: DateRange?
    public var userDefinedPeriod: Period?
    public var periodLength: NumericRange?
    public var ageAtStart: NumericRange?
    public var ageAtEnd: NumericRange?
    public var gender: [Concept]?
    public var genderCS: ConceptSetSelection?
    public var payerConcept: Int?
    public var planConcept: Int?
    public var sponsorConcept: Int?
    public var stopReasonConcept: Int?
    public var payerSourceConcept: Int?
    public var planSourceConcept: Int?
    public var sponsorSourceConcept: Int?
    public var stopReasonSourceConcept: Int?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        first = try o("First") ?? false
        periodStartDate = try o("PeriodStartDate")
        periodEndDate = try o("PeriodEndDate")
        userDefinedPeriod = try o("UserDefinedPeriod")
        periodLength = try o("PeriodLength")
        ageAtStart = try o("AgeAtStart")
        ageAtEnd = try o("AgeAtEnd")
        gender = try o("Gender")
        genderCS = try o("GenderCS")
        payerConcept = try o("PayerConcept")
        planConcept = try o("PlanConcept")
        sponsorConcept = try o("SponsorConcept")
        stopReasonConcept = try o("StopReasonConcept")
        payerSourceConcept = try o("PayerSourceConcept")
        planSourceConcept = try o("PlanSourceConcept")
        sponsorSourceConcept = try o("SponsorSourceConcept")
        stopReasonSourceConcept = try o("StopReasonSourceConcept")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
