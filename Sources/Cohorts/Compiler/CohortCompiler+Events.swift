import CDMStore

/// Entry: concept sets, primary events, qualified events, inclusion rules and the included events.
extension CohortCompiler {
    /// Every concept set of the definition, resolved once: `(codeset_id, concept_id)`.
    func codesets() -> [SQLStatement] {
        let sets = expression.conceptSets.map {
            "SELECT CAST(\($0.id) AS BIGINT) AS codeset_id, CAST(r.concept_id AS BIGINT) AS concept_id FROM (\n\($0.resolutionSQL())\n) r"
        }
        let query = sets.isEmpty
            ? "SELECT CAST(NULL AS BIGINT) AS codeset_id, CAST(NULL AS BIGINT) AS concept_id WHERE 1 = 0"
            : SelectQuery.unionAll(sets)
        return scratch("cg_codesets", query)
            + [SQLStatement("CREATE INDEX cg_codesets_concept ON cg_codesets (codeset_id, concept_id)")]
    }

    /// The entry events: each criterion's events inside an observation period with the required prior and
    /// post observation, numbered per person by date (`event_id`), limited to the first or last unless `All`.
    func primaryEvents(_ queries: CriteriaQueries) throws -> [SQLStatement] {
        let primary = expression.primaryCriteria
        guard !primary.criteria.isEmpty else { throw CohortCompilationError("PrimaryCriteria.CriteriaList is empty: there are no entry events") }
        let union = SelectQuery.unionAll(try primary.criteria.map {
            SelectQuery(["person_id", "event_id", "start_date", "end_date", "visit_occurrence_id", "sort_date"],
                        from: SelectQuery.subquery(try queries.events(of: $0), "Q")).sql()
        })
        let order = primary.limit == .last ? "E.sort_date DESC, E.event_id" : "E.sort_date, E.event_id"
        var numbered = SelectQuery(["E.person_id", "E.start_date", "E.end_date",
                                    "ROW_NUMBER() OVER (PARTITION BY E.person_id ORDER BY \(order)) AS ordinal",
                                    "OP.observation_period_start_date AS op_start_date",
                                    "OP.observation_period_end_date AS op_end_date",
                                    "CAST(E.visit_occurrence_id AS BIGINT) AS visit_occurrence_id"],
                                   from: SelectQuery.subquery(union, "E"))
        numbered.joins = ["JOIN observation_period OP ON OP.person_id = E.person_id AND E.start_date >= OP.observation_period_start_date AND E.start_date <= OP.observation_period_end_date"]
        numbered.conditions = [
            "\(dialect.addDays("OP.observation_period_start_date", primary.observationWindow.priorDays)) <= E.start_date",
            "\(dialect.addDays("E.start_date", primary.observationWindow.postDays)) <= OP.observation_period_end_date",
        ]
        var events = SelectQuery(["P.ordinal AS event_id", "P.person_id", "P.start_date", "P.end_date", "P.op_start_date",
                                  "P.op_end_date", "P.visit_occurrence_id"], from: numbered.subquery("P"))
        if primary.limit != .all { events.conditions = ["P.ordinal = 1"] }
        return scratch("cg_primary_events", events.sql())
    }

    /// Primary events that meet the additional criteria, then the qualified limit (applied whenever
    /// `AdditionalCriteria` is present, even empty, as circe does).
    func qualifiedEvents(_ queries: CriteriaQueries) throws -> [SQLStatement] {
        var events = SelectQuery(Self.eventColumns.map { "pe.\($0)" }, from: "cg_primary_events pe")
        if let additional = expression.additionalCriteria, !additional.isEmpty {
            queries.prefetch([additional], events: "cg_primary_events")
            defer { queries.endPrefetch() }
            events.joins = ["JOIN " + SelectQuery.subquery(try queries.group(additional, events: "cg_primary_events"), "AC")
                            + " ON AC.person_id = pe.person_id AND AC.event_id = pe.event_id"]
        }
        let limit = expression.additionalCriteria == nil ? .all : expression.qualifiedLimit
        return scratch("cg_qualified_events", limited(events, limit, alias: "pe"))
    }

    /// For every qualified event, the mask of the inclusion rules it satisfies (bit i = rule i), with the
    /// number of rules and the lowest rule satisfied (to choose each person's best event).
    func inclusionEvents(_ queries: CriteriaQueries) throws -> [SQLStatement] {
        guard ruleCount > 0 else {
            return scratch("cg_event_masks", "SELECT person_id, event_id, CAST(0 AS BIGINT) AS mask, 0 AS rule_count, 0 AS min_rule FROM cg_qualified_events")
        }
        queries.prefetch(expression.inclusionRules.compactMap(\.expression), events: "cg_qualified_events")
        defer { queries.endPrefetch() }
        let rules = try expression.inclusionRules.enumerated().map { index, rule in
            let passing = try rule.expression.map { try queries.group($0, events: "cg_qualified_events") }
                ?? "SELECT E.person_id, E.event_id FROM cg_qualified_events E"
            return SelectQuery(["CAST(\(index) AS BIGINT) AS inclusion_rule_id", "CAST(\(Int64(1) << Int64(index)) AS BIGINT) AS rule_bit",
                                "R.person_id", "R.event_id"], from: SelectQuery.subquery(passing, "R")).sql()
        }
        var masks = SelectQuery(["Q.person_id", "Q.event_id", "CAST(COALESCE(SUM(I.rule_bit), 0) AS BIGINT) AS mask",
                                 "COUNT(I.inclusion_rule_id) AS rule_count", "COALESCE(MIN(I.inclusion_rule_id), 0) AS min_rule"],
                                from: "cg_qualified_events Q")
        masks.joins = ["LEFT JOIN cg_inclusion_events I ON I.person_id = Q.person_id AND I.event_id = Q.event_id"]
        masks.groupBy = ["Q.person_id", "Q.event_id"]
        return scratch("cg_inclusion_events", SelectQuery.unionAll(rules)) + scratch("cg_event_masks", masks.sql())
    }

    /// Qualified events that satisfy every inclusion rule, then the expression limit.
    func includedEvents() -> [SQLStatement] {
        var events = SelectQuery(Self.eventColumns.map { "Q.\($0)" }, from: "cg_qualified_events Q")
        if ruleCount > 0 {
            events.joins = ["JOIN cg_event_masks M ON M.person_id = Q.person_id AND M.event_id = Q.event_id"]
            events.conditions = ["M.mask = \(fullMask)"]
        }
        return scratch("cg_included_events", limited(events, expression.expressionLimit, alias: "Q"))
    }
}
