extension MeasurementCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "measurement", id: "measurement_id", date: "measurement_date",
                            end: f.dialect.addDays("d.measurement_date", 1))
        q.conceptColumn = "measurement_concept_id"
        q.sourceConceptColumn = "measurement_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.countable[.valueAsNumber] = "C.value_as_number"
        q.countable[.rangeLow] = "C.range_low"
        q.countable[.rangeHigh] = "C.range_high"
        q.countable[.unit] = "C.unit_concept_id"
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.type("measurement_type_concept_id", measurementType, exclude: measurementTypeExclude, measurementTypeCS, f)
        q.concept("operator_concept_id", operatorConcept, operatorCS, f)
        q.filter(f.numeric("C.value_as_number", valueAsNumber, decimals: true))
        q.concept("value_as_concept_id", valueAsConcept, valueAsConceptCS, f)
        q.concept("unit_concept_id", unit, unitCS, f)
        q.filter(f.numeric("C.range_low", rangeLow, decimals: true))
        q.filter(f.numeric("C.range_high", rangeHigh, decimals: true))
        q.filter(f.numeric("(C.value_as_number / NULLIF(C.range_low, 0))", rangeLowRatio, decimals: true))
        q.filter(f.numeric("(C.value_as_number / NULLIF(C.range_high, 0))", rangeHighRatio, decimals: true))
        if abnormal == true {
            // 4155142 / 4155143: the "Abnormal low" / "Abnormal high" value concepts circe accepts.
            q.filter("C.value_as_number < C.range_low OR C.value_as_number > C.range_high OR C.value_as_concept_id IN (4155142, 4155143)")
        }
        q.filter(f.codeset("C.measurement_source_concept_id", measurementSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.visitType(visitType, visitTypeCS, f)
        return q
    }
}
