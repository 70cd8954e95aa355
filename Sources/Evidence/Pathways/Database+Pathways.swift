import CDMStore
import Cohorts
import Governance

extension Database {
    /// Runs a treatment pathway analysis on generated target and event cohorts (see `PathwaySettings`): one
    /// set-based query reads the event eras that start within a target era, person by person, and
    /// `PathwayBuilder` turns each person's eras into their pathway. Persons who object are left out.
    public func pathwayAnalysis(_ settings: PathwaySettings) async throws -> PathwayAnalysis {
        try settings.validate()
        var settings = settings
        settings.minimumCount = try await effectiveMinimumCellCount(requested: settings.minimumCount)
        try await requireGeneratedCohort(settings.target, role: "target")
        for event in settings.events { try await requireGeneratedCohort(event.cohort, role: "event") }
        let names = try await eventNames(settings.events)
        let builder = PathwayBuilder(settings)
        let position = Dictionary(uniqueKeysWithValues: settings.events.enumerated().map { ($0.element.cohort, $0.offset) })

        var counts: [[[Int]]: Int] = [:]
        var person: Int64?
        var eras: [PathwayBuilder.Era] = []
        func finishPerson() {
            let steps = builder.pathway(eras)
            if !steps.isEmpty { counts[steps, default: 0] += 1 }
            eras.removeAll(keepingCapacity: true)
        }
        // WebAPI joins the target era on the event's start alone: an era that starts within a target era counts
        // whole, even where it runs past the target's end. Events from all of a person's target eras make one pathway.
        let placeholders = Array(repeating: "?", count: settings.events.count).joined(separator: ", ")
        try await forEachRow("""
            SELECT e.subject_id, e.cohort_definition_id, e.cohort_start_date, e.cohort_end_date
            FROM cohort e
            WHERE e.cohort_definition_id IN (\(placeholders)) AND e.subject_id NOT IN (\(ConsentRegister.objectingPersonIDs))
              AND EXISTS (SELECT 1 FROM cohort t
                          WHERE t.cohort_definition_id = ? AND t.subject_id = e.subject_id
                            AND t.cohort_start_date <= e.cohort_start_date AND e.cohort_start_date <= t.cohort_end_date)
            ORDER BY e.subject_id
            """, settings.events.map { .integer($0.cohort) } + [.integer(settings.target)]) { row in
            guard let subject = row[0].integerValue, let cohort = row[1].integerValue.flatMap({ position[$0] }),
                  let start = row[2].dateValue, let end = row[3].dateValue else {
                throw EvidenceError("cohort table: a row of an event cohort lacks its subject or a date")
            }
            if subject != person {
                if person != nil { finishPerson() }
                person = subject
            }
            eras.append(PathwayBuilder.Era(cohort: cohort, start: start, end: end))
        }
        if person != nil { finishPerson() }

        let targetRows = try await query("""
            SELECT COUNT(DISTINCT subject_id) AS n FROM cohort
            WHERE cohort_definition_id = ? AND subject_id NOT IN (\(ConsentRegister.objectingPersonIDs))
            """,
                                         [.integer(settings.target)])
        return PathwayAnalysis(settings: settings, target: try await cohortName(settings.target), events: names,
                               targetPersons: Int(targetRows.first?["n"].integerValue ?? 0), counts: counts)
    }

    /// Each event's label: its given name, else the cohort's stored name. Labels must differ, or a path could not
    /// be read.
    private func eventNames(_ events: [PathwayEvent]) async throws -> [String] {
        var names: [String] = []
        for event in events {
            let name: String
            if let given = event.name { name = given } else { name = try await cohortName(event.cohort) }
            if let other = names.firstIndex(of: name) {
                throw EvidenceError("events: cohorts \(events[other].cohort) and \(event.cohort) are both named \"\(name)\"; "
                                    + "give them different names")
            }
            names.append(name)
        }
        return names
    }
}
