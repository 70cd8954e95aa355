extension ConditionOccurrenceCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "condition_occurrence", id: "condition_occurrence_id", date: "condition_start_date",
                            end: "COALESCE(d.condition_end_date, \(f.dialect.addDays("d.condition_start_date", 1)))")
        q.conceptColumn = "condition_concept_id"
        q.sourceConceptColumn = "condition_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.filter(f.date("C.end_date", occurrenceEndDate))
        q.type("condition_type_concept_id", conditionType, exclude: conditionTypeExclude, conditionTypeCS, f)
        q.filter(f.text("C.stop_reason", stopReason))
        q.filter(f.codeset("C.condition_source_concept_id", conditionSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.visitType(visitType, visitTypeCS, f)
        q.concept("condition_status_concept_id", conditionStatus, conditionStatusCS, f)
        return q
    }
}
