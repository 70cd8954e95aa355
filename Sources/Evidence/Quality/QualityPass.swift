import CDMStore
import Cohorts
import Governance
import OMOP

/// One SELECT of the data-quality query: the rows it reads (`t`, each joined to its person's facts `f`) and the
/// checks it counts over them in that single pass.
struct QualityPass {
    /// A check with the conditions that pick its violating and its checked rows (nil: every row of the pass).
    struct Measure {
        let check: DataQualityCheck
        let violating: String
        let denominator: String?
    }

    let label: String
    let from: String
    let measures: [Measure]

    /// Every pass in one statement: the person facts are computed once, then each table is read once. Each SELECT
    /// gives its label and the counts `v0`, `d0`, `v1`, … of its measures, padded with zeros to the same width.
    static func query(_ passes: [QualityPass], dialect: SQLDialect) -> String {
        let width = passes.map(\.measures.count).max() ?? 0
        let selects = passes.map { pass in
            let sums = (0..<width).map { i in
                guard i < pass.measures.count else { return "0 AS v\(i), 0 AS d\(i)" }
                let m = pass.measures[i]
                return "\(count(m.violating)) AS v\(i), \(count(m.denominator)) AS d\(i)"
            }
            return "SELECT '\(pass.label)' AS pass, \(sums.joined(separator: ", ")) FROM \(pass.from)"
        }
        return "WITH f AS (\(personFacts(dialect)))\n" + selects.joined(separator: "\nUNION ALL\n")
    }

    /// The rows meeting a condition, as an aggregate both backends evaluate without a CASE per row.
    static func count(_ condition: String?) -> String {
        condition.map { "COUNT(*) FILTER (WHERE \($0))" } ?? "COUNT(*)"
    }

    /// What every check needs to know of a person, computed once per person: the first day they could have an
    /// event (birth), the last (death plus the grace DataQualityDashboard allows), the hull of their observation
    /// periods and how many there are, their recorded sex, and whether they object (their rows are left out).
    static func personFacts(_ dialect: SQLDialect) -> String {
        let born = switch dialect {
        case .sqlite: "COALESCE(substr(p.birth_datetime, 1, 10), printf('%04d', p.year_of_birth))"
        case .postgresql:
            "COALESCE(CAST(p.birth_datetime AS DATE), CASE WHEN p.year_of_birth BETWEEN 1 AND 9999 THEN MAKE_DATE(p.year_of_birth, 1, 1) END)"
        }
        return """
            SELECT p.person_id, p.gender_concept_id AS gender, \(born) AS born,
              d.death_date AS died, \(dialect.addDays("d.death_date", QualityTable.daysAfterDeath)) AS late,
              o.periods, o.first_start, o.last_end,
              CASE WHEN p.person_id IN (\(ConsentRegister.objectingPersonIDs)) THEN 1 ELSE 0 END AS objecting
            FROM person p
            LEFT JOIN (SELECT person_id, MIN(death_date) AS death_date FROM death GROUP BY person_id) d ON d.person_id = p.person_id
            LEFT JOIN (SELECT person_id, COUNT(*) AS periods, MIN(observation_period_start_date) AS first_start,
                         MAX(observation_period_end_date) AS last_end FROM observation_period GROUP BY person_id) o ON o.person_id = p.person_id
            """
    }

    /// `measurePersonCompleteness` of `observation_period`: persons without any observation period.
    static let personCompleteness = QualityPass(label: "person", from: "f WHERE f.objecting = 0", measures: [
        Measure(check: DataQualityCheck(name: "measurePersonCompleteness", category: .completeness, table: "observation_period",
                                        field: nil, thresholdPercent: 0, description: "persons without any observation_period record"),
                violating: "f.periods IS NULL", denominator: nil),
    ])
}
