extension DrugExposureCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        let start = "d.drug_exposure_start_date"
        var q = DomainQuery(table: "drug_exposure", id: "drug_exposure_id", date: "drug_exposure_start_date",
                            end: "COALESCE(d.drug_exposure_end_date, \(f.dialect.addDays(start, expression: "d.days_supply")), \(f.dialect.addDays(start, 1)))")
        q.conceptColumn = "drug_concept_id"
        q.sourceConceptColumn = "drug_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.countable[.refills] = "C.refills"
        q.countable[.quantity] = "C.quantity"
        q.countable[.daysSupply] = "C.days_supply"
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.filter(f.date("C.end_date", occurrenceEndDate))
        q.type("drug_type_concept_id", drugType, exclude: drugTypeExclude, drugTypeCS, f)
        q.filter(f.text("C.stop_reason", stopReason))
        q.filter(f.numeric("C.refills", refills))
        q.filter(f.numeric("C.quantity", quantity, decimals: true))
        q.filter(f.numeric("C.days_supply", daysSupply))
        q.concept("route_concept_id", routeConcept, routeConceptCS, f)
        // effective_drug_dose and dose_unit_concept_id are CDM v5.0 columns; circe still offers them.
        q.filter(f.numeric("C.effective_drug_dose", effectiveDrugDose, decimals: true))
        q.concept("dose_unit_concept_id", doseUnit, doseUnitCS, f)
        q.filter(f.text("C.lot_number", lotNumber))
        q.filter(f.codeset("C.drug_source_concept_id", drugSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.visitType(visitType, visitTypeCS, f)
        return q
    }
}
