import CDMStore

extension Database {
    /// Bulk export in the FHIR bulk-data layout: one `<Type>.ndjson` per resource type in `directory` (created
    /// when missing), streaming rows so memory stays flat; all persons, or the given ones. `progress` hears the
    /// resource type and how many of it are written so far. On an error the files written are removed.
    public func exportFHIR(to directory: String, personIDs: [Int64]? = nil, progress: (@Sendable (String, Int) -> Void)? = nil) async throws -> FHIRExportSummary {
        let output = try FHIRBulkWriter(directory: directory)
        do {
            var vocabulary = ExportVocabulary()
            try await vocabulary.loadMalignancies(from: self)
            for mapping in FHIRResourceMappings.all {
                for filter in PersonFilter.batches(personIDs) {
                    try await vocabulary.include(mapping, filter, from: self)
                    try await forEachRow(mapping.query(filter), filter.binds) { row in
                        let count = try output.append(mapping.resource(row, vocabulary), as: mapping.resourceType)
                        if count.isMultiple(of: 10_000) { progress?(mapping.resourceType, count) }
                    }
                }
                progress?(mapping.resourceType, output.counts[mapping.resourceType, default: 0])
            }
            return try output.finish()
        } catch {
            output.discard()
            throw error
        }
    }
}
