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
        let best = """
            SELECT person_id, mask FROM (
              SELECT M.person_id, M.mask, ROW_NUMBER() OVER (PARTITION BY M.person_id ORDER BY M.rule_count DESC, M.min_rule, Q.start_date, Q.event_id) AS rank_value
              FROM cg_event_masks M JOIN cg_qualified_events Q ON Q.person_id = M.person_id AND Q.event_id = M.event_id
            ) B WHERE rank_value = 1
            """
        for (mode, source) in [(0, "cg_event_masks"), (1, "(\(best))")] {
            if ruleCount > 0 {
                steps.append(SQLStatement("""
                    INSERT INTO cohort_inclusion_result (cohort_definition_id, mode_id, inclusion_rule_mask, person_count)
                    SELECT \(id), \(mode), mask, COUNT(*) FROM \(source) S GROUP BY mask
                    """))
                for rule in 0..<ruleCount {
                    let bit = Int64(1) << Int64(rule)
                    steps.append(SQLStatement("""
                        INSERT INTO cohort_inclusion_stats (cohort_definition_id, rule_sequence, mode_id, person_count, gain_count, person_total)
                        SELECT \(id), \(rule), \(mode), COALESCE(SUM(CASE WHEN (mask & \(bit)) <> 0 THEN 1 ELSE 0 END), 0),
                          COALESCE(SUM(CASE WHEN mask = \(fullMask - bit) THEN 1 ELSE 0 END), 0), COUNT(*)
                        FROM \(source) S
                        """))
                }
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
