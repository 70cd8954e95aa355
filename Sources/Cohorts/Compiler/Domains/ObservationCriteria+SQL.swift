extension ObservationCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "observation", id: "observation_id", date: "observation_date",
                            end: f.dialect.addDays("d.observation_date", 1))
        q.conceptColumn = "observation_concept_id"
        q.sourceConceptColumn = "observation_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.countable[.valueAsNumber] = "C.value_as_number"
        q.countable[.unit] = "C.unit_concept_id"
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.type("observation_type_concept_id", observationType, exclude: observationTypeExclude, observationTypeCS, f)
        q.filter(f.numeric("C.value_as_number", valueAsNumber, decimals: true))
        q.filter(f.text("C.value_as_string", valueAsString))
        q.concept("value_as_concept_id", valueAsConcept, valueAsConceptCS, f)
        q.concept("qualifier_concept_id", qualifier, qualifierCS, f)
        q.concept("unit_concept_id", unit, unitCS, f)
        q.filter(f.codeset("C.observation_source_concept_id", observationSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.visitType(visitType, visitTypeCS, f)
        return q
    }
}
