import CDMStore
import Governance

/// The persons of a target cohort, each at their first entry (the index date) and the end of the observation
/// period that holds it: what every analysis on a cohort starts from, written once as a CTE so each query
/// of an analysis reads the same subjects (a scratch table would not survive PostgreSQL's connection pool).
struct IndexedSubjects {
    let cohortID: Int64
    let dialect: SQLDialect

    /// `WITH subjects(person_id, index_date, observation_end) AS (…)`: persons outside any observation
    /// period at their index date are left out, as OHDSI analyses do, and so are persons who object
    /// (`ConsentRegister`), even when the cohort was generated before they objected.
    var commonTableExpression: String {
        """
        subjects AS (
          SELECT c.subject_id AS person_id, c.index_date, MAX(op.observation_period_end_date) AS observation_end
          FROM (SELECT subject_id, MIN(cohort_start_date) AS index_date FROM cohort WHERE cohort_definition_id = \(cohortID)
                AND subject_id NOT IN (\(ConsentRegister.objectingPersonIDs)) GROUP BY subject_id) c
          JOIN observation_period op ON op.person_id = c.subject_id
            AND op.observation_period_start_date <= c.index_date AND op.observation_period_end_date >= c.index_date
          GROUP BY c.subject_id, c.index_date)
        """
    }
}
