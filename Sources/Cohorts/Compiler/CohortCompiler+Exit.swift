import CDMStore
import Governance

/// Exit: each included event ends at the earliest of its observation period's end, the end strategy's
/// date and the first censoring event; the rows then merge into eras and are clipped to the censor window.
extension CohortCompiler {
    /// The end candidates, then each event's earliest end on or after its start.
    func cohortRows(_ queries: CriteriaQueries) throws -> [SQLStatement] {
        var steps: [SQLStatement] = []
        var ends: [String] = []
        switch expression.endStrategy {
        case nil:
            ends.append("SELECT event_id, person_id, op_end_date AS end_date FROM cg_included_events")
        case .dateOffset(let field, let offset)?:
            let date = dialect.addDays(field == .startDate ? "start_date" : "end_date", offset)
            steps += scratch("cg_strategy_ends", "SELECT event_id, person_id, CASE WHEN \(date) > op_end_date THEN op_end_date ELSE \(date) END AS end_date FROM cg_included_events")
            ends.append("SELECT event_id, person_id, end_date FROM cg_strategy_ends")
        case .customEra(let codeset, let gapDays, let offset, let daysSupplyOverride)?:
            steps += customEraEnds(codeset: codeset, gapDays: gapDays, offset: offset, daysSupplyOverride: daysSupplyOverride)
            ends.append("SELECT event_id, person_id, op_end_date AS end_date FROM cg_included_events")
            ends.append("SELECT event_id, person_id, end_date FROM cg_strategy_ends")
        }
        for criteria in expression.censoringCriteria {
            var censor = SelectQuery(["I.event_id", "I.person_id", "MIN(C.start_date) AS end_date"], from: "cg_included_events I")
            censor.joins = ["JOIN " + SelectQuery.subquery(try queries.events(of: criteria), "C")
                            + " ON C.person_id = I.person_id AND C.start_date >= I.start_date AND C.start_date <= I.op_end_date"]
            censor.groupBy = ["I.event_id", "I.person_id"]
            ends.append(censor.sql())
        }
        var rows = SelectQuery(["I.person_id", "I.start_date", "MIN(CE.end_date) AS end_date"], from: "cg_included_events I")
        rows.joins = ["JOIN " + SelectQuery.subquery(SelectQuery.unionAll(ends), "CE")
                      + " ON CE.event_id = I.event_id AND CE.person_id = I.person_id AND CE.end_date >= I.start_date"]
        rows.groupBy = ["I.person_id", "I.event_id", "I.start_date"]
        return steps + scratch("cg_cohort_rows", rows.sql())
    }

    /// circe's custom era: the person's exposures to the drug set (by concept or source concept), merged
    /// when the gap is at most `gapDays`, extended by `offset`; an event ends with the era holding its start.
    private func customEraEnds(codeset: Int, gapDays: Int, offset: Int, daysSupplyOverride: Int?) -> [SQLStatement] {
        let start = "de.drug_exposure_start_date"
        let end = daysSupplyOverride.map { dialect.addDays(start, $0) }
            ?? "COALESCE(de.drug_exposure_end_date, \(dialect.addDays(start, expression: "de.days_supply")), \(dialect.addDays(start, 1)))"
        let exposures = ["drug_concept_id", "drug_source_concept_id"].map { column in
            """
            SELECT de.person_id, \(start) AS start_date, \(end) AS end_date
            FROM drug_exposure de
            JOIN (SELECT DISTINCT person_id FROM cg_included_events) p ON p.person_id = de.person_id
            JOIN cg_codesets cs ON cs.codeset_id = \(codeset) AND cs.concept_id = de.\(column)
            """
        }
        let eras = Self.eras(of: "cg_drug_target", pad: gapDays, dialect: dialect)
        var ends = SelectQuery(["I.event_id", "I.person_id", "\(dialect.addDays("ERAS.end_date", offset)) AS end_date"],
                               from: "cg_included_events I")
        ends.joins = ["JOIN " + SelectQuery.subquery(eras, "ERAS") + " ON ERAS.person_id = I.person_id"]
        ends.conditions = ["I.start_date >= ERAS.start_date AND I.start_date <= \(dialect.addDays("ERAS.end_date", offset))"]
        return scratch("cg_drug_target", SelectQuery.unionAll(exposures)) + scratch("cg_strategy_ends", ends.sql())
    }

    /// The cohort rows merged into eras per person: rows whose start falls within `EraPad` days of an
    /// earlier row's end join it.
    func finalCohort() -> [SQLStatement] {
        scratch("cg_final_cohort", Self.eras(of: "cg_cohort_rows", pad: expression.collapseSettings.eraPad, dialect: dialect))
    }

    /// Periods `(person_id, start_date, end_date)` of `table` merged when one starts no later than `pad`
    /// days after the latest end before it: each end is padded, a new era starts where no earlier padded end
    /// reaches the start, and the era ends at its latest padded end less the pad.
    static func eras(of table: String, pad: Int, dialect: SQLDialect) -> String {
        let padded = "SELECT person_id, start_date, \(dialect.addDays("end_date", pad)) AS end_date FROM \(table)"
        let starts = """
            SELECT person_id, start_date, end_date,
              CASE WHEN MAX(end_date) OVER (PARTITION BY person_id ORDER BY start_date ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) >= start_date THEN 0 ELSE 1 END AS is_start
            FROM (\(padded)) CR
            """
        let groups = """
            SELECT person_id, start_date, end_date,
              SUM(is_start) OVER (PARTITION BY person_id ORDER BY start_date, is_start DESC ROWS UNBOUNDED PRECEDING) AS group_idx
            FROM (\(starts)) ST
            """
        var eras = SelectQuery(["person_id", "MIN(start_date) AS start_date", "\(dialect.addDays("MAX(end_date)", -pad)) AS end_date"],
                               from: SelectQuery.subquery(groups, "GR"))
        eras.groupBy = ["person_id", "group_idx"]
        return eras.sql()
    }

    /// Replaces the cohort's rows with the eras, clipped to the censor window (rows left empty are dropped),
    /// leaving out persons who object (`ConsentRegister`), whose register is created here when missing.
    func writeCohort() -> [SQLStatement] {
        var start = "start_date", end = "end_date"
        if let date = expression.censorWindow?.start {
            start = "CASE WHEN start_date > \(dialect.dateLiteral(date)) THEN start_date ELSE \(dialect.dateLiteral(date)) END"
        }
        if let date = expression.censorWindow?.end {
            end = "CASE WHEN end_date < \(dialect.dateLiteral(date)) THEN end_date ELSE \(dialect.dateLiteral(date)) END"
        }
        var rows = SelectQuery(["\(cohortID)", "F.person_id", "F.start_date", "F.end_date"],
                               from: "(SELECT person_id, \(start) AS start_date, \(end) AS end_date FROM cg_final_cohort) F")
        rows.conditions = ["F.start_date <= F.end_date", "F.person_id NOT IN (\(ConsentRegister.objectingPersonIDs))"]
        return [
            ConsentRegister.createTable(dialect),
            SQLStatement("DELETE FROM cohort WHERE cohort_definition_id = \(cohortID)"),
            SQLStatement("INSERT INTO cohort (cohort_definition_id, subject_id, cohort_start_date, cohort_end_date)\n" + rows.sql()),
        ]
    }
}
