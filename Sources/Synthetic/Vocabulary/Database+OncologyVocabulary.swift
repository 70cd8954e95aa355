import CDMStore

extension Database {
    /// Loads the shipped oncology vocabulary subset into this database: only the concepts (and their
    /// hierarchy, mappings and vocabulary rows) it lacks, so a database holding an Athena vocabulary keeps
    /// its own rows. Creates the CDM schema first when there is none. Returns the number of concepts added.
    /// This is the default vocabulary of the FHIR importer.
    public func installOncologyVocabulary() async throws -> Int {
        if try await !hasSchema() { try await createSchema() }
        let loads = try await OncologyVocabulary.shipped().tableLoads(missingFrom: self)
        let result = try await load(loads, progress: nil)
        return result.rowsByTable["concept"] ?? 0
    }
}
