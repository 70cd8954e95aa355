/// Criteria on observation periods (observation_period).
public struct ObservationPeriodCriteria: Decodable, Sendable, Equatable {
    public var first: Bool
    public var periodStartDate: DateRange?
    public var periodEndDate: DateRange?
    public var userDefinedPeriod: Period?
    public var periodType: [Concept]?
    public var periodTypeCS: ConceptSetSelection?
    public var periodLength: NumericRange?
    public var ageAtStart: NumericRange?
    public var ageAtEnd: NumericRange?
    /// Criteria on other events relative to this one, which then acts as the index.
    public var correlatedCriteria: CriteriaGroup?
    public var dateAdjustment: DateAdjustment?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        first = try o("First") ?? false
        periodStartDate = try o("PeriodStartDate")
        periodEndDate = try o("PeriodEndDate")
        userDefinedPeriod = try o("UserDefinedPeriod")
        periodType = try o("PeriodType")
        periodTypeCS = try o("PeriodTypeCS")
        periodLength = try o("PeriodLength")
        ageAtStart = try o("AgeAtStart")
        ageAtEnd = try o("AgeAtEnd")
        correlatedCriteria = try o("CorrelatedCriteria")
        dateAdjustment = try o("DateAdjustment")
    }
}
