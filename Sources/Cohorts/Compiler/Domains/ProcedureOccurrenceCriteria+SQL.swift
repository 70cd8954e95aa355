extension ProcedureOccurrenceCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "procedure_occurrence", id: "procedure_occurrence_id", date: "procedure_date",
                            end: f.dialect.addDays("d.procedure_date", 1))
        q.conceptColumn = "procedure_concept_id"
        q.sourceConceptColumn = "procedure_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.countable[.quantity] = "C.quantity"
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.type("procedure_type_concept_id", procedureType, exclude: procedureTypeExclude, procedureTypeCS, f)
        q.concept("modifier_concept_id", modifier, modifierCS, f)
        q.filter(f.numeric("C.quantity", quantity))
        q.filter(f.codeset("C.procedure_source_concept_id", procedureSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.visitType(visitType, visitTypeCS, f)
        return q
    }
}
