extension SpecimenCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "specimen", id: "specimen_id", date: "specimen_date",
                            end: f.dialect.addDays("d.specimen_date", 1))
        q.conceptColumn = "specimen_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        q.countable[.quantity] = "C.quantity"
        q.countable[.unit] = "C.unit_concept_id"
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.type("specimen_type_concept_id", specimenType, exclude: specimenTypeExclude, specimenTypeCS, f)
        q.filter(f.numeric("C.quantity", quantity, decimals: true))
        q.concept("unit_concept_id", unit, unitCS, f)
        q.concept("anatomic_site_concept_id", anatomicSite, anatomicSiteCS, f)
        q.concept("disease_status_concept_id", diseaseStatus, diseaseStatusCS, f)
        q.filter(f.text("C.specimen_source_id", sourceId))
        // The CDM has no specimen_source_concept_id; circe tests the concept column, as here.
        q.filter(f.codeset("C.specimen_concept_id", specimenSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        return q
    }
}
