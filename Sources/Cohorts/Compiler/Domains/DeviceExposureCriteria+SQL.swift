extension DeviceExposureCriteria {
    func domainQuery(_ f: SQLFilters) -> DomainQuery {
        var q = DomainQuery(table: "device_exposure", id: "device_exposure_id", date: "device_exposure_start_date",
                            end: "COALESCE(d.device_exposure_end_date, \(f.dialect.addDays("d.device_exposure_start_date", 1)))")
        q.conceptColumn = "device_concept_id"
        q.sourceConceptColumn = "device_source_concept_id"
        q.codesetID = codesetId
        q.first = first
        q.dateAdjustment = dateAdjustment
        q.countable[.quantity] = "C.quantity"
        q.filter(f.date("C.start_date", occurrenceStartDate))
        q.filter(f.date("C.end_date", occurrenceEndDate))
        q.type("device_type_concept_id", deviceType, exclude: deviceTypeExclude, deviceTypeCS, f)
        q.filter(f.text("C.unique_device_id", uniqueDeviceId))
        q.filter(f.numeric("C.quantity", quantity))
        q.filter(f.codeset("C.device_source_concept_id", deviceSourceConcept))
        q.age(age, f)
        q.gender(gender, genderCS, f)
        q.providerSpecialty(providerSpecialty, providerSpecialtyCS, f)
        q.visitType(visitType, visitTypeCS, f)
        return q
    }
}
