extension DoseEraCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "dose_era", id: "dose_era_id", date: "dose_era_start_date", end: "d.dose_era_end_date")
        q.conceptColumn = "drug_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.countable[.unit] = "C.unit_concept_id"
        q.filter(f.date("C.start_date", eraStartDate))
        q.filter(f.date("C.end_date", eraEndDate))
        q.concept("unit_concept_id", unit, unitCS, f)
        q.filter(f.numeric("C.dose_value", doseValue, decimals: true))
        q.length(eraLength, f)
        q.age(ageAtStart, f)
        q.age(ageAtEnd, at: "C.end_date", f)
        q.gender(gender, genderCS, f)
        return q
    }
}
