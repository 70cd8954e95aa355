import CDMStore
import Foundation

/// The conditions a criterion's attributes turn into, written as circe-be writes them: ranges with their
/// operators, date ranges, LIKE text filters, concept lists and concept-set selections.
struct SQLFilters: Sendable {
    let dialect: SQLDialect

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

    func codesetMembers(_ id: Int) -> String {
        "SELECT concept_id FROM \(Self.codesets) WHERE codeset_id = \(id)"
    }
}
