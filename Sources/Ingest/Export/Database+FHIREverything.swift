import CDMStore

extension Database {
    /// One person's record as a FHIR R4 searchset Bundle, as `Patient/{id}/$everything` answers: Patient, Encounters,
    /// Conditions, Observations (measurements and observations), MedicationStatements, Procedures.
    /// Throws `FHIRExportError.unknownPerson` when the CDM holds no such person.
    public func fhirEverything(personID: Int64) async throws -> JSONObject {
        guard try await hasSchema(),
              try await query("SELECT person_id FROM person WHERE person_id = ?", [.integer(personID)]).first != nil
        else { throw FHIRExportError.unknownPerson(personID) }
        let filter = PersonFilter(personIDs: [personID])
        var vocabulary = ExportVocabulary()
        try await vocabulary.loadMalignancies(from: self)
        var entries: [JSONValue] = []
        for mapping in FHIRResourceMappings.all {
            try await vocabulary.include(mapping, filter, from: self)
            try await forEachRow(mapping.query(filter), filter.binds) { row in
                entries.append(.object(JSONObject([.init("resource", .object(mapping.resource(row, vocabulary)))])))
            }
        }
        return JSONObject([
            .init("resourceType", .string("Bundle")), .init("type", .string("searchset")),
            .init("total", .number(Double(entries.count))), .init("entry", .array(entries)),
        ])
    }
}
