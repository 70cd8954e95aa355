import OMOP

/// Adding records to a history. Every add checks the observation period, so no record can fall
/// outside it or after death; an add that does not fit returns nil and records nothing.
extension PersonHistory {
    @discardableResult
    mutating func addVisit(_ concept: Int64, on start: CDMDate, days: Int = 0) -> Int? {
        guard isObserved(start) else { return nil }
        visits.append(Visit(concept: concept, start: start, end: min(start.adding(days: days), observationEnd)))
        return visits.count - 1
    }

    @discardableResult
    mutating func addCondition(_ concept: Int64, on date: CDMDate, source: (code: String, concept: Int64)? = nil,
                               visit: Int? = nil) -> Int? {
        guard isObserved(date) else { return nil }
        conditions.append(Condition(concept: concept, date: date, sourceValue: source?.code ?? "",
                                    sourceConcept: source?.concept ?? 0, type: ConceptID.TypeConcept.ehr, visit: visit))
        return conditions.count - 1
    }

    mutating func addMeasurement(_ concept: Int64, on date: CDMDate, number: Double? = nil, value: Int64? = nil,
                                 unit: Int64? = nil, visit: Int? = nil, modifies: Target? = nil) {
        guard isObserved(date) else { return }
        measurements.append(Measurement(concept: concept, date: date, number: number, valueConcept: value,
                                        unit: unit, visit: visit, modifies: modifies))
    }

    @discardableResult
    mutating func addProcedure(_ concept: Int64, on date: CDMDate, inpatientDays: Int? = nil) -> Int? {
        guard isObserved(date) else { return nil }
        let visit = addVisit(inpatientDays == nil ? ConceptID.Visit.outpatient : ConceptID.Visit.inpatient,
                             on: date, days: inpatientDays ?? 0)
        procedures.append(Procedure(concept: concept, date: date, visit: visit))
        return procedures.count - 1
    }

    /// A treatment regimen: a "Treatment Regimen" episode under the disease episode, and its drug
    /// exposures linked by `episode_event`. Exposures stop at `stop` or the end of observation.
    /// Returns the episode, or nil when the regimen would start outside observation.
    @discardableResult
    mutating func addRegimen(_ regimen: Int64, name: String, line: Int, start: CDMDate, stop: CDMDate? = nil,
                             disease: Int?, _ schedules: Schedule...) -> Int? {
        let last = min(stop ?? observationEnd, observationEnd)
        guard isObserved(start), start <= last else { return nil }
        episodes.append(Episode(concept: ConceptID.Episode.treatmentRegimen, start: start, end: nil, parent: disease,
                                number: line, object: regimen, sourceValue: name))
        let episode = episodes.count - 1
        var end = start
        for schedule in schedules {
            for index in 0..<schedule.count {
                let day = start.adding(days: schedule.after + index * schedule.every)
                guard day <= last else { break }
                let visit = schedule.fillDays == nil ? addVisit(ConceptID.Visit.outpatient, on: day) : nil
                let through = min(day.adding(days: (schedule.fillDays ?? 1) - 1), last)
                for drug in schedule.drugs {
                    drugs.append(Drug(concept: drug, start: day, end: through, daysSupply: schedule.fillDays ?? 1, visit: visit))
                    episodeEvents.append(EpisodeEvent(episode: episode, event: .drug(drugs.count - 1)))
                }
                end = max(end, through)
            }
        }
        episodes[episode].end = end
        return episode
    }
}
