import CDMStore
import Foundation

/// The conditions a criterion's attributes turn into, written as circe-be writes them: ranges with their
/// operators, date ranges, LIKE text filters, concept lists and concept-set selections.
struct SQLFilters: Sendable {
    let dialect: SQLDialect
    /// Concept sets already resolved in the target database, by codeset id. Their concepts are written
    /// into the SQL as literals (up to `literalLimit`), which lets the planner estimate each scan from the
    /// column's statistics and use the concept index; others are read from the codesets table.
    var resolved: [Int: [Int64]] = [:]

    /// The largest set written as literals (circe splits IN lists at 1,000 too).
    static let literalLimit = 1_000

    /// The scratch table holding every resolved concept set of the definition.
    static let codesets = "cg_codesets"

    /// `column op value`; integer-valued attributes (ages, counts, days) are compared as integers, the
    /// others with four decimals, as circe writes them.
    func numeric(_ column: String, _ range: NumericRange?, decimals: Bool = false) -> String? {
        guard let range else { return nil }
        func literal(_ value: Double) -> String {
            decimals ? String(format: "%.4f", value) : String(Int(value))
        }
        return compare(column, range.op, literal(range.value), range.extent.map(literal))
    }

    func date(_ column: String, _ range: DateRange?) -> String? {
        guard let range else { return nil }
        return compare(column, range.op, dialect.dateLiteral(range.value), range.extent.map(dialect.dateLiteral))
    }

    private func compare(_ column: String, _ op: RangeOperator, _ value: String, _ extent: String?) -> String {
        switch op {
        case .lessThan: "\(column) < \(value)"
        case .atMost: "\(column) <= \(value)"
        case .equal: "\(column) = \(value)"
        case .notEqual: "\(column) <> \(value)"
        case .greaterThan: "\(column) > \(value)"
        case .atLeast: "\(column) >= \(value)"
        case .between: "\(column) >= \(value) AND \(column) <= \(extent ?? value)"
        case .notBetween: "NOT (\(column) >= \(value) AND \(column) <= \(extent ?? value))"
        }
    }

    /// circe's text operators: `startsWith`, `contains`, `endsWith` and their `!` negations; any other
    /// operator matches the text exactly.
    func text(_ column: String, _ filter: TextFilter?) -> String? {
        guard let filter else { return nil }
        let negated = filter.op.hasPrefix("!")
        let text = filter.text.replacingOccurrences(of: "'", with: "''")
        let pattern = switch filter.op.trimmingCharacters(in: ["!"]).lowercased() {
        case "startswith": "\(text)%"
        case "contains": "%\(text)%"
        case "endswith": "%\(text)"
        default: text
        }
        return "\(column) \(negated ? "NOT LIKE" : "LIKE") '\(pattern)'"
    }

    /// `column IN (ids)`, or `NOT IN` when the criterion excludes them; an empty list filters nothing.
    func concepts(_ column: String, _ concepts: [Concept]?, exclude: Bool = false) -> String? {
        guard let concepts, !concepts.isEmpty else { return nil }
        let ids = Set(concepts.map(\.id)).sorted().map(String.init).joined(separator: ", ")
        return "\(column) \(exclude ? "NOT IN" : "IN") (\(ids))"
    }

    /// A circe 1.12 concept-set selection: in (or not in) a concept set, or, without one, NOT NULL (NULL).
    func selection(_ column: String, _ selection: ConceptSetSelection?) -> String? {
        guard let selection else { return nil }
        guard let id = selection.codesetId else { return "\(column) IS \(selection.isExclusion ? "" : "NOT ")NULL" }
        return "\(column) \(selection.isExclusion ? "NOT IN" : "IN") (\(codesetMembers(id)))"
    }

    /// A `*SourceConcept` attribute: a concept set id tested against a source concept column.
    func codeset(_ column: String, _ codesetID: Int?) -> String? {
        codesetID.map { "\(column) IN (\(codesetMembers($0)))" }
    }

    /// What goes inside `IN (…)` for a concept set: its ids, or a query of the codesets table.
    func codesetMembers(_ id: Int) -> String {
        literals([id]) ?? "SELECT concept_id FROM \(Self.codesets) WHERE codeset_id = \(id)"
    }

    /// The concepts of the union of some resolved sets as a literal list (`NULL` for none), or nil when a
    /// set is not resolved or the union is too large.
    func literals(_ ids: [Int]) -> String? {
        var concepts = Set<Int64>()
        for id in ids {
            guard let members = resolved[id] else { return nil }
            concepts.formUnion(members)
        }
        guard concepts.count <= Self.literalLimit else { return nil }
        return concepts.isEmpty ? "NULL" : concepts.sorted().map(String.init).joined(separator: ", ")
    }
}
