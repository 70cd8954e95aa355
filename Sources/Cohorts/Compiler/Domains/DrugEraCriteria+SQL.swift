extension DrugEraCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "drug_era", id: "drug_era_id", date: "drug_era_start_date", end: "d.drug_era_end_date")
        q.conceptColumn = "drug_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.countable[.eraOccurrences] = "C.drug_exposure_count"
        q.countable[.gapDays] = "C.gap_days"
        q.filter(f.date("C.start_date", eraStartDate))
        q.filter(f.date("C.end_date", eraEndDate))
        q.filter(f.numeric("C.drug_exposure_count", occurrenceCount))
        q.filter(f.numeric("C.gap_days", gapDays))
        q.length(eraLength, f)
        q.age(ageAtStart, f)
        q.age(ageAtEnd, at: "C.end_date", f)
        q.gender(gender, genderCS, f)
        return q
    }
}
