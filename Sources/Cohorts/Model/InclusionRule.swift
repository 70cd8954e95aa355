/// A named rule every cohort member must pass; its statistics report how many pass it.
public struct InclusionRule: Decodable, Sendable, Equatable {
    public var name: String
    public var description: String?
    public var expression: CriteriaGroup?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        name = try o("name") ?? ""
        description = try o("description")
        expression = try o("expression")
    }
}
