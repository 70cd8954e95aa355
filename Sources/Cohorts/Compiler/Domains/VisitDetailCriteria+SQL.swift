extension VisitDetailCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "visit_detail", id: "visit_detail_id", date: "visit_detail_start_date",
                            end: "d.visit_detail_end_date")
        q.conceptColumn = "visit_detail_concept_id"
        q.sourceConceptColumn = "visit_detail_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.countable[.visitDetailID] = "C.visit_detail_id"
        q.filter(f.date("C.start_date", visitDetailStartDate))
        q.filter(f.date("C.end_date", visitDetailEndDate))
        q.filter(f.selection("C.visit_detail_type_concept_id", visitDetailTypeCS))
        q.filter(f.codeset("C.visit_detail_source_concept_id", visitDetailSourceConcept))
        q.length(visitDetailLength, f)
        q.age(age, f)
        q.gender(nil, genderCS, f)
        q.providerSpecialty(nil, providerSpecialtyCS, f)
        q.filter(f.selection("CS.place_of_service_concept_id", placeOfServiceCS), needs: .careSite)
        q.placeOfServiceLocation(placeOfServiceLocation, f)
        return q
    }
}
