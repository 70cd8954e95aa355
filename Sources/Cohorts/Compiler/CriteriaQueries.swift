import CDMStore

/// Criteria and criteria groups as queries. An *events* table has the index events' columns
/// `person_id, event_id, start_date, end_date, op_start_date, op_end_date, visit_occurrence_id`; a group
/// query selects the `person_id, event_id` of the events that satisfy the group, once each.
///
/// A criterion with correlated criteria of its own is materialized into scratch tables (its events, then
/// those events as an index), written to `prelude`: nested definitions stay shallow enough for SQLite's
/// parser, and each level is computed once instead of once per child.
final class CriteriaQueries {
    let f: SQLFilters
    var dialect: SQLDialect { f.dialect }
    /// Statements that must run before the queries handed out so far.
    private(set) var prelude: [SQLStatement] = []
    /// Every scratch table the prelude creates.
    private(set) var tables: [String] = []
    /// Domain tables read from a prefetched subset (see `prefetch`).
    var sources: [String: String] = [:]

    init(f: SQLFilters) {
        self.f = f
    }

    /// Adds a scratch table to the prelude.
    func add(_ table: String, _ query: String) {
        tables.append(table)
        prelude += dialect.scratchTable(table, as: query)
    }

    /// The prelude accumulated since the last call.
    func takePrelude() -> [SQLStatement] {
        defer { prelude = [] }
        return prelude
    }

    /// A criterion's events, narrowed by its own correlated criteria with each event acting as the index.
    func events(of criteria: Criteria, counting column: Occurrence.CountColumn? = nil) throws -> String {
        let domain = criteria.domainQuery(f)
        let query = try domain.select(counting: column, from: sources[domain.table], filters: f).sql()
        guard let correlated = criteria.correlatedCriteria, !correlated.isEmpty else { return query }
        let name = "cg_criteria_\(tables.count + 1)"
        var indexed = SelectQuery(["Q.person_id", "Q.event_id", "Q.start_date", "Q.end_date", "Q.visit_occurrence_id",
                                   "OP.observation_period_start_date AS op_start_date",
                                   "OP.observation_period_end_date AS op_end_date"],
                                  from: "\(name) Q")
        indexed.joins = ["JOIN observation_period OP ON OP.person_id = Q.person_id AND OP.observation_period_start_date <= Q.start_date AND OP.observation_period_end_date >= Q.start_date"]
        add(name, query)
        add(name + "_index", indexed.sql())
        var wrapped = SelectQuery(["PE.*"], from: "\(name) PE")
        wrapped.joins = ["JOIN " + SelectQuery.subquery(try group(correlated, events: name + "_index"), "AC")
                         + " ON AC.person_id = PE.person_id AND AC.event_id = PE.event_id"]
        return wrapped.sql()
    }

    /// The events satisfying a group: ALL, ANY, AT_LEAST n or AT_MOST n of its children (criteria,
    /// demographic criteria, nested groups). An empty group passes every event.
    func group(_ group: CriteriaGroup, events: String) throws -> String {
        let children = try group.criteria.map { try correlated($0, events: events) }
            + group.demographics.map { demographic($0, events: events) }
            + group.groups.map { try self.group($0, events: events) }
        let all = "SELECT E.person_id, E.event_id FROM \(events) E"
        guard !children.isEmpty else { return all }
        // One child already selects each passing event once.
        if children.count == 1, group.kind == .all || group.kind == .any || group.kind == .atLeast(1) { return children[0] }
        let union = SelectQuery.unionAll(children)
        var passing = SelectQuery(["G.person_id", "G.event_id"], from: SelectQuery.subquery(union, "G"))
        passing.groupBy = ["G.person_id", "G.event_id"]
        switch group.kind {
        case .all: passing.having = ["COUNT(*) = \(children.count)"]
        case .any: break
        case .atLeast(let count) where count > 0: passing.having = ["COUNT(*) >= \(count)"]
        case .atLeast: return all
        case .atMost(let count):
            // Zero satisfied children also passes, so start from every event.
            var atMost = SelectQuery(["E.person_id", "E.event_id"], from: "\(events) E")
            atMost.joins = ["LEFT JOIN " + SelectQuery.subquery(union, "G") + " ON G.person_id = E.person_id AND G.event_id = E.event_id"]
            atMost.groupBy = ["E.person_id", "E.event_id"]
            atMost.having = ["COUNT(G.event_id) <= \(count)"]
            return atMost.sql()
        }
        return passing.sql()
    }

    /// Index events with the required number of the criterion's events in the window.
    private func correlated(_ correlated: CorrelatedCriteria, events: String) throws -> String {
        let occurrence = correlated.occurrence ?? Occurrence(kind: .atLeast, count: 1)
        let counted = occurrence.isDistinct ? (occurrence.countColumn ?? .domainConcept) : nil
        let criteria = try self.events(of: correlated.criteria, counting: counted)
        let conditions = window(correlated)
        let count = counted == nil ? "COUNT(A.event_id)" : "COUNT(DISTINCT A.count_value)"
        let comparison = switch occurrence.kind {
        case .exactly: "="
        case .atMost: "<="
        case .atLeast: ">="
        }
        var query = SelectQuery(["E.person_id", "E.event_id"], from: "\(events) E")
        let join = SelectQuery.subquery(criteria, "A") + " ON A.person_id = E.person_id"
        if occurrence.kind == .atMost || occurrence.count == 0 {
            // Events with no match must count as zero: a left join with the window in its ON clause.
            query.joins = ["LEFT JOIN " + join + conditions.map { " AND " + $0 }.joined()]
        } else {
            query.joins = ["JOIN " + join]
            query.conditions = conditions
        }
        query.groupBy = ["E.person_id", "E.event_id"]
        query.having = ["\(count) \(comparison) \(occurrence.count)"]
        return query.sql()
    }

    /// The window conditions between an index event `E` and a criterion event `A` (circe's windowed criteria).
    private func window(_ correlated: CorrelatedCriteria) -> [String] {
        let checkPeriod = !correlated.ignoreObservationPeriod
        var conditions: [String] = []
        func bounds(_ window: Window?, eventDate: String) {
            guard let window else { return }
            let index = window.useIndexEnd == true ? "E.end_date" : "E.start_date"
            func edge(_ days: Int?, before: Bool) -> String? {
                if let days { return dialect.addDays(index, days) }
                return checkPeriod ? (before ? "E.op_start_date" : "E.op_end_date") : nil
            }
            if let lower = edge(window.start.days, before: window.start.isBefore) { conditions.append("\(eventDate) >= \(lower)") }
            if let upper = edge(window.end.days, before: window.end.isBefore) { conditions.append("\(eventDate) <= \(upper)") }
        }
        bounds(correlated.startWindow, eventDate: correlated.startWindow?.useEventEnd == true ? "A.end_date" : "A.start_date")
        bounds(correlated.endWindow, eventDate: correlated.endWindow?.useEventEnd == false ? "A.start_date" : "A.end_date")
        if correlated.restrictVisit { conditions.append("A.visit_occurrence_id = E.visit_occurrence_id") }
        if checkPeriod { conditions.append("A.start_date >= E.op_start_date AND A.start_date <= E.op_end_date") }
        return conditions
    }

    /// Index events whose person and dates meet demographic criteria; the race and ethnicity selections
    /// test their own columns (circe-be 1.12 tests the gender column there by mistake).
    private func demographic(_ d: DemographicCriteria, events: String) -> String {
        var query = SelectQuery(["E.person_id", "E.event_id"], from: "\(events) E")
        query.joins = ["JOIN person P ON P.person_id = E.person_id"]
        query.conditions = [
            f.numeric("(\(dialect.year("E.start_date")) - P.year_of_birth)", d.age),
            f.concepts("P.gender_concept_id", d.gender), f.selection("P.gender_concept_id", d.genderSelection),
            f.concepts("P.race_concept_id", d.race), f.selection("P.race_concept_id", d.raceSelection),
            f.concepts("P.ethnicity_concept_id", d.ethnicity), f.selection("P.ethnicity_concept_id", d.ethnicitySelection),
            f.date("E.start_date", d.occurrenceStartDate), f.date("E.end_date", d.occurrenceEndDate),
        ].compactMap { $0 }
        return query.sql()
    }
}
