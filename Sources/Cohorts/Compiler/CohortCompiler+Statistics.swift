import CDMStore

/// The inclusion-rule statistics circe writes with `generateStats` (ohdsi-conventions.md §2.7), in two modes:
/// 0 counts qualified events, 1 counts persons by their best event (most rules satisfied, then the lowest
/// rule, then the earliest start).
extension CohortCompiler {
    func statistics() -> [SQLStatement] {
        let id = cohortID
        var steps = ["cohort_inclusion", "cohort_inclusion_result", "cohort_inclusion_stats", "cohort_summary_stats", "cohort_censor_stats"]
            .map { SQLStatement("DELETE FROM \($0) WHERE cohort_definition_id = \(id)") }
        steps += expression.inclusionRules.enumerated().map { index, rule in
            SQLStatement("INSERT INTO cohort_inclusion (cohort_definition_id, rule_sequence, name, description) VALUES (\(id), \(index), ?, ?)",
                         [.text(rule.name), rule.description.map(SQLValue.text) ?? .null])
        }
        var best = SelectQuery(["M.person_id", "M.mask",
                                "ROW_NUMBER() OVER (PARTITION BY M.person_id ORDER BY M.rule_count DESC, M.min_rule, Q.start_date, Q.event_id) AS rank_value"],
                               from: "cg_event_masks M")
        best.joins = ["JOIN cg_qualified_events Q ON Q.person_id = M.person_id AND Q.event_id = M.event_id"]
        steps += scratch("cg_best_events", "SELECT person_id, mask FROM (\n\(best.sql())\n) B WHERE rank_value = 1")
        // One row per rule even when nothing qualified: the rules left-joined to the events.
        let rules = (0..<ruleCount).map { "SELECT \($0) AS rule_sequence, CAST(\(Int64(1) << Int64($0)) AS BIGINT) AS bit" }
        for (mode, source) in [(0, "cg_event_masks"), (1, "cg_best_events")] {
            if ruleCount > 0 {
                steps.append(SQLStatement("""
                    INSERT INTO cohort_inclusion_result (cohort_definition_id, mode_id, inclusion_rule_mask, person_count)
                    SELECT \(id), \(mode), mask, COUNT(*) FROM \(source) S GROUP BY mask
                    """))
                steps.append(SQLStatement("""
                    INSERT INTO cohort_inclusion_stats (cohort_definition_id, rule_sequence, mode_id, person_count, gain_count, person_total)
                    SELECT \(id), R.rule_sequence, \(mode), COALESCE(SUM(CASE WHEN (S.mask & R.bit) <> 0 THEN 1 ELSE 0 END), 0),
                      COALESCE(SUM(CASE WHEN S.mask = \(fullMask) - R.bit THEN 1 ELSE 0 END), 0), COUNT(S.mask)
                    FROM (\(SelectQuery.unionAll(rules))) R LEFT JOIN \(source) S ON 1 = 1
                    GROUP BY R.rule_sequence
                    """))
            }
            steps.append(SQLStatement("""
                INSERT INTO cohort_summary_stats (cohort_definition_id, mode_id, base_count, final_count)
                SELECT \(id), \(mode), COUNT(*), COALESCE(SUM(CASE WHEN mask = \(fullMask) THEN 1 ELSE 0 END), 0) FROM \(source) S
                """))
        }
        if expression.censorWindow != nil {
            steps.append(SQLStatement("""
                INSERT INTO cohort_censor_stats (cohort_definition_id, lost_count)
                SELECT \(id), (SELECT COUNT(DISTINCT person_id) FROM cg_final_cohort) - (SELECT COUNT(DISTINCT subject_id) FROM cohort WHERE cohort_definition_id = \(id))
                """))
        }
        return steps
    }
}
