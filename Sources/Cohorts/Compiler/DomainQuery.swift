import CDMStore

/// One domain criterion as a query with circe's event columns: `person_id, event_id, start_date,
/// end_date, visit_occurrence_id, sort_date`, and `count_value` when a correlated criterion counts a column.
///
/// The inner query reads the domain table, joined to the criterion's concept set, with the event dates
/// (after any date adjustment) and, for `First`, each person's ordinal among the records of the set; the
/// outer query applies the criterion's other attributes, so a first record failing them yields no event,
/// as in circe.
struct DomainQuery: Sendable {
    /// Tables a filter may need beside the domain row `C`: the person `P`, the provider `PR`, the visit `V`,
    /// the care site `CS`.
    enum Join: Int, Hashable, Comparable, Sendable {
        case person, provider, visit, careSite
        static func < (a: Join, b: Join) -> Bool { a.rawValue < b.rawValue }
    }

    let table: String
    /// The record id, which is `event_id` (`person_id` for death).
    let idColumn: String
    /// The date column that orders a person's records for `First`.
    let dateColumn: String
    /// Event dates as expressions over the domain row `d`.
    var start: String
    var end: String
    var conceptColumn: String?
    var sourceConceptColumn: String?
    var codesetID: Int?
    var first = false
    var visitColumn: String? = "visit_occurrence_id"
    var dateAdjustment: DateAdjustment?
    /// Conditions over `C` (the adjusted row) and the joined tables.
    var conditions: [String] = []
    var joins: Set<Join> = []
    /// Columns a correlated criterion may count, as expressions over `C`.
    var countable: [Occurrence.CountColumn: String] = [:]

    init(table: String, id: String, date: String, start: String? = nil, end: String) {
        self.table = table
        self.idColumn = id
        self.dateColumn = date
        self.start = start ?? "d.\(date)"
        self.end = end
    }

    mutating func filter(_ condition: String?, needs join: Join? = nil) {
        guard let condition else { return }
        conditions.append(condition)
        if let join { joins.insert(join) }
    }

    /// The query, optionally with `count_value` for a counted column.
    /// - Parameter source: a table to read instead of the domain table, with the same columns (a prefetch).
    func select(counting column: Occurrence.CountColumn? = nil, from source: String? = nil, filters f: SQLFilters) throws -> SelectQuery {
        let dialect = f.dialect
        var (startDate, endDate) = (start, end)
        if let adjustment = dateAdjustment {
            func pick(_ field: DateAdjustment.Field) -> String { field == .startDate ? start : end }
            startDate = dialect.addDays(pick(adjustment.startWith), adjustment.startOffset)
            endDate = dialect.addDays(pick(adjustment.endWith), adjustment.endOffset)
        }
        var inner = SelectQuery(["d.*", "\(startDate) AS start_date", "\(endDate) AS end_date"], from: "\(source ?? table) d")
        if first {
            inner.columns.append("ROW_NUMBER() OVER (PARTITION BY d.person_id ORDER BY d.\(dateColumn), d.\(idColumn)) AS ordinal")
        }
        if let codesetID, let conceptColumn {
            if let concepts = f.literals([codesetID]) {
                inner.conditions.append("d.\(conceptColumn) IN (\(concepts))")
            } else {
                inner.joins.append("JOIN \(SQLFilters.codesets) cs ON cs.concept_id = d.\(conceptColumn) AND cs.codeset_id = \(codesetID)")
            }
        }
        var outer = SelectQuery([
            "C.person_id", "C.\(idColumn) AS event_id", "C.start_date", "C.end_date",
            visitColumn.map { "C.\($0) AS visit_occurrence_id" } ?? "\(dialect.nullInteger) AS visit_occurrence_id",
            "C.start_date AS sort_date",
        ], from: inner.subquery("C"))
        if let column {
            guard let expression = countableColumns(dialect)[column] else {
                throw CohortCompilationError("a correlated criterion on \(table) cannot count \(column.rawValue)")
            }
            outer.columns.append("\(expression) AS count_value")
        }
        outer.joins = joins.sorted().map { join in
            switch join {
            case .person: "JOIN person P ON P.person_id = C.person_id"
            case .provider: "LEFT JOIN provider PR ON PR.provider_id = C.provider_id"
            case .visit: "JOIN visit_occurrence V ON V.visit_occurrence_id = C.visit_occurrence_id AND V.person_id = C.person_id"
            case .careSite: "LEFT JOIN care_site CS ON CS.care_site_id = C.care_site_id"
            }
        }
        outer.conditions = (first ? ["C.ordinal = 1"] : []) + conditions
        return outer
    }

    /// Every column circe lets a correlated criterion count for this domain.
    private func countableColumns(_ dialect: SQLDialect) -> [Occurrence.CountColumn: String] {
        var columns = countable
        columns[.startDate] = "C.start_date"
        columns[.endDate] = "C.end_date"
        columns[.duration] = dialect.daysBetween("C.start_date", "C.end_date")
        if let conceptColumn { columns[.domainConcept] = "C.\(conceptColumn)" }
        if let sourceConceptColumn { columns[.domainSourceConcept] = "C.\(sourceConceptColumn)" }
        if let visitColumn { columns[.visitID] = "C.\(visitColumn)" }
        return columns
    }
}
