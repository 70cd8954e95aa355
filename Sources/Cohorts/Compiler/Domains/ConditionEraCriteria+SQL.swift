extension ConditionEraCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "condition_era", id: "condition_era_id", date: "condition_era_start_date",
                            end: "d.condition_era_end_date")
        q.conceptColumn = "condition_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.countable[.eraOccurrences] = "C.condition_occurrence_count"
        q.filter(f.date("C.start_date", eraStartDate))
        q.filter(f.date("C.end_date", eraEndDate))
        q.filter(f.numeric("C.condition_occurrence_count", occurrenceCount))
        q.length(eraLength, f)
        q.age(ageAtStart, f)
        q.age(ageAtEnd, at: "C.end_date", f)
        q.gender(gender, genderCS, f)
        return q
    }
}
