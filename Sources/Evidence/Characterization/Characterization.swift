import Governance

/// The result of a characterization: cohort sizes and the Table 1 rows (demographics first, then each domain by
/// concept and by group, most frequent in the target first). Rows suppressed on every side are left out and
/// counted.
public struct Characterization: Sendable, Encodable {
    public let settings: CharacterizationSettings
    public let target: String
    public let comparator: String?
    public let targetPersons: SmallCellCount
    public let comparatorPersons: SmallCellCount?
    public let rows: [CharacterizationRow]
    public let suppressedRows: Int

    enum CodingKeys: String, CodingKey {
        case settings, target, comparator, rows
        case targetPersons = "target_persons", comparatorPersons = "comparator_persons", suppressedRows = "suppressed_rows"
    }
}
