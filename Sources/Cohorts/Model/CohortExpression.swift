import Foundation

/// A cohort definition as OHDSI ATLAS writes it (Circe JSON), read with Circe's defaults: keys in any
/// case, unknown keys ignored, absent limits "First", collapse era pad 0, no end strategy = end of the
/// observation period.
public struct CohortExpression: Decodable, Sendable, Equatable {
    public var title: String?
    public var conceptSets: [ConceptSet]
    public var primaryCriteria: PrimaryCriteria
    public var additionalCriteria: CriteriaGroup?
    public var qualifiedLimit: ResultLimit
    public var expressionLimit: ResultLimit
    public var inclusionRules: [InclusionRule]
    /// nil: the cohort era ends with the observation period.
    public var endStrategy: EndStrategy?
    public var censoringCriteria: [Criteria]
    public var collapseSettings: CollapseSettings
    public var censorWindow: Period?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        title = try o("Title")
        conceptSets = try o("ConceptSets") ?? []
        guard let primary: PrimaryCriteria = try o("PrimaryCriteria") else {
            throw o.invalid("PrimaryCriteria", "a cohort definition needs PrimaryCriteria (its entry events)")
        }
        primaryCriteria = primary
        additionalCriteria = try o("AdditionalCriteria")
        qualifiedLimit = try o("QualifiedLimit") ?? .first
        expressionLimit = try o("ExpressionLimit") ?? .first
        inclusionRules = try o("InclusionRules") ?? []
        endStrategy = try o("EndStrategy")
        censoringCriteria = try o("CensoringCriteria") ?? []
        collapseSettings = try o("CollapseSettings") ?? CollapseSettings()
        censorWindow = try o("CensorWindow")
    }

    /// Reads a definition from JSON, with an error that names the JSON path of what is wrong.
    public static func parse(_ data: Data) throws -> CohortExpression {
        do {
            return try JSONDecoder().decode(CohortExpression.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, context.underlyingError != nil {
                throw CohortDefinitionError(path: "$", reason: "not valid JSON")
            }
            throw CohortDefinitionError(error)
        }
    }
}
