/// A concept-set test on a column (circe 1.12 `*CS` fields): in the set, or not in it with `isExclusion`.
/// Without a codeset it tests the column for NULL (exclusion) or NOT NULL.
public struct ConceptSetSelection: Decodable, Sendable, Equatable {
    public var codesetId: Int?
    public var isExclusion: Bool

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        codesetId = try o("CodesetId")
        isExclusion = try o("IsExclusion") ?? false
    }
}
