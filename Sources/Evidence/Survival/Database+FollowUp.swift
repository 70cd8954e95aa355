import CDMStore
import Cohorts

extension Database {
    /// Each subject's days from the start of follow-up (index + `startDays`) to the first outcome on or after it,
    /// or to the end of observation (or `endDays` after index) when that comes first. Subjects with the outcome
    /// before the start are left out and counted; so are subjects whose observation ends before the start.
    func followUp(_ subjects: IndexedSubjects, outcome: SurvivalOutcome, startDays: Int = 0, endDays: Int?) async throws -> FollowUpTable {
        let d = dialect
        let start = d.addDays("s.index_date", startDays)
        let rows = try await query("""
            WITH \(subjects.commonTableExpression),
            outcomes AS (\(outcome.events)),
            firsts AS (
              SELECT s.person_id,
                MIN(CASE WHEN o.event_date >= \(start) THEN o.event_date END) AS event_date,
                MAX(CASE WHEN o.event_date < \(start) THEN 1 ELSE 0 END) AS prior
              FROM subjects s JOIN outcomes o ON o.person_id = s.person_id
              GROUP BY s.person_id)
            SELECT s.person_id, \(d.daysBetween(start, "s.observation_end")) AS censor_days,
              \(d.daysBetween(start, "f.event_date")) AS event_days, COALESCE(f.prior, 0) AS prior
            FROM subjects s LEFT JOIN firsts f ON f.person_id = s.person_id
            ORDER BY s.person_id
            """)
        var followUps: [FollowUp] = []
        followUps.reserveCapacity(rows.count)
        var prior = 0, noTime = 0
        for row in rows {
            if (row[3].integerValue ?? 0) != 0 { prior += 1; continue }
            let end = min(Int(row[1].integerValue ?? 0), endDays.map { $0 - startDays } ?? .max)
            guard end >= 0 else { noTime += 1; continue }
            if let eventDays = row[2].integerValue.map(Int.init), eventDays <= end {
                followUps.append(FollowUp(person: row[0].integerValue ?? 0, days: eventDays, event: true))
            } else {
                followUps.append(FollowUp(person: row[0].integerValue ?? 0, days: end, event: false))
            }
        }
        return FollowUpTable(rows: followUps, priorOutcome: prior, noTimeAtRisk: noTime)
    }
}
