extension DeathCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "death", id: "person_id", date: "death_date", end: f.dialect.addDays("d.death_date", 1))
        q.conceptColumn = "cause_concept_id"
        q.sourceConceptColumn = "cause_source_concept_id"
        q.codesetID = codesetId
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.type("death_type_concept_id", deathType, exclude: deathTypeExclude, deathTypeCS, f)
        q.filter(f.codeset("C.cause_source_concept_id", deathSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        return q
    }
}
