extension LocationRegionCriteria {
    /// Where a person lived, as circe reads it: `location_history` rows of the person whose location's
    /// region is in the concept set. CDM v5.4 has neither; the query then fails naming the missing table.
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "(SELECT lh.entity_id AS person_id, lh.location_id, lh.start_date AS lh_start_date, lh.end_date AS lh_end_date, l.region_concept_id FROM location_history lh JOIN location l ON l.location_id = lh.location_id WHERE lh.domain_id = 'PERSON')",
                            id: "location_id", date: "lh_start_date", end: "d.lh_end_date")
        q.conceptColumn = "region_concept_id"
        q.codesetID = codesetId
        q.visitColumn = nil
        q.dateAdjustment = dateAdjustment
        return q
    }
}
