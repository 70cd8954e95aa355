extension VisitOccurrenceCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "visit_occurrence", id: "visit_occurrence_id", date: "visit_start_date", end: "d.visit_end_date")
        q.conceptColumn = "visit_concept_id"
        q.sourceConceptColumn = "visit_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.filter(f.date("C.end_date", occurrenceEndDate))
        q.type("visit_type_concept_id", visitType, exclude: visitTypeExclude, visitTypeCS, f)
        q.filter(f.codeset("C.visit_source_concept_id", visitSourceConcept))
        q.length(visitLength, f)
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.filter(f.concepts("CS.place_of_service_concept_id", placeOfService), needs: .careSite)
        q.filter(f.selection("CS.place_of_service_concept_id", placeOfServiceCS), needs: .careSite)
        q.placeOfServiceLocation(placeOfServiceLocation, f)
        return q
    }
}

extension DomainQuery {
    /// The care site's location lies in a region of the concept set.
    mutating func placeOfServiceLocation(_ codesetID: Int?, _ f: SQLFilters) {
        guard let codesetID else { return }
        filter("CS.location_id IN (SELECT location_id FROM location WHERE region_concept_id IN (\(f.codesetMembers(codesetID))))",
               needs: .careSite)
    }
}
