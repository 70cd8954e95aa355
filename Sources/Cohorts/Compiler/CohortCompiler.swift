import CDMStore

/// Turns a cohort expression into the SQL that generates it, for one dialect: a list of set-based
/// statements over scratch tables (`cg_*`), run in one transaction, that write the `cohort` rows and the
/// inclusion-rule statistics of `cohortID`. The steps follow circe-be's pipeline
/// (shared/docs/reference/ohdsi-conventions.md §2.6–2.7):
///
/// concept sets → primary events → qualified events → inclusion rules → included events → exit
/// (end strategy, censoring) → eras (collapse) → censor window → `cohort` and statistics.
public struct CohortCompiler: Sendable {
    public let expression: CohortExpression
    public let cohortID: Int64
    public let dialect: SQLDialect
    /// The definition's concept sets as resolved in the target database, by id (see `SQLFilters.resolved`);
    /// empty for SQL meant to run anywhere.
    public let resolvedConceptSets: [Int: [Int64]]

    public init(_ expression: CohortExpression, cohortID: Int64, dialect: SQLDialect, resolvedConceptSets: [Int: [Int64]] = [:]) {
        self.expression = expression
        self.cohortID = cohortID
        self.dialect = dialect
        self.resolvedConceptSets = resolvedConceptSets
    }

    var filters: SQLFilters { SQLFilters(dialect: dialect, resolved: resolvedConceptSets) }
    var ruleCount: Int { expression.inclusionRules.count }
    /// The inclusion-rule mask of an event that satisfies every rule.
    var fullMask: Int64 { (Int64(1) << Int64(ruleCount)) - 1 }

    /// Every statement, in order; throws before anything runs when the definition cannot be compiled.
    public func statements() throws -> [SQLStatement] {
        guard ruleCount < 63 else { throw CohortCompilationError("\(ruleCount) inclusion rules; at most 62 fit the rule mask") }
        let queries = CriteriaQueries(f: filters)
        /// A step after the scratch tables its criteria need.
        func step(_ make: (CriteriaQueries) throws -> [SQLStatement]) rethrows -> [SQLStatement] {
            let statements = try make(queries)
            return queries.takePrelude() + statements
        }
        var steps = codesets()
        steps += try step(primaryEvents)
        steps += try step(qualifiedEvents)
        steps += try step(inclusionEvents)
        steps += includedEvents()
        steps += try step(cohortRows)
        steps += finalCohort()
        steps += writeCohort()
        steps += statistics()
        steps += (Self.scratchTables + queries.tables).map { SQLStatement(dialect.dropTemporaryTable($0)) }
        return steps
    }

    /// The statements as one script for a SQL shell, in a transaction (PostgreSQL drops the scratch
    /// tables at commit).
    public func script() throws -> String {
        (["BEGIN"] + (try statements()).map(Self.inlined) + ["COMMIT"]).joined(separator: ";\n\n") + ";\n"
    }

    /// A statement with its bound values written as literals (only rule names and descriptions are bound).
    static func inlined(_ statement: SQLStatement) -> String {
        let parts = statement.sql.split(separator: "?", omittingEmptySubsequences: false)
        return zip(parts.dropFirst(), statement.binds).reduce(String(parts[0])) { $0 + literal($1.1) + $1.0 }
    }

    private static func literal(_ value: SQLValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .double(let number): String(number)
        default: "'" + value.description.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    static let scratchTables = ["cg_codesets", "cg_primary_events", "cg_qualified_events", "cg_inclusion_events",
                                "cg_event_masks", "cg_best_events", "cg_included_events", "cg_strategy_ends", "cg_drug_target",
                                "cg_cohort_rows", "cg_final_cohort"]

    func scratch(_ name: String, _ query: String) -> [SQLStatement] {
        dialect.scratchTable(name, as: query)
    }

    /// The columns of an index event in every events table.
    static let eventColumns = ["event_id", "person_id", "start_date", "end_date", "op_start_date", "op_end_date", "visit_occurrence_id"]

    /// Keeps each person's first (or last) event of `query` by `alias.start_date`, or every event for `All`.
    func limited(_ query: SelectQuery, _ limit: ResultLimit, alias: String) -> String {
        guard limit != .all else { return query.sql() }
        var numbered = query
        numbered.columns.append("ROW_NUMBER() OVER (PARTITION BY \(alias).person_id ORDER BY \(alias).start_date\(limit == .last ? " DESC" : ""), \(alias).event_id) AS ordinal")
        var outer = SelectQuery(Self.eventColumns.map { "L.\($0)" }, from: numbered.subquery("L"))
        outer.conditions = ["L.ordinal = 1"]
        return outer.sql()
    }
}
