import CDMStore
import Governance

extension Database {
    /// Imports FHIR R4 resources (bulk-data NDJSON, Bundles; gzip'd or not) into the CDM, creating the
    /// schema when the database has none. Every resource read is written, skipped or rejected with its
    /// reason in the returned report; each batch loads in one transaction, so a failure leaves whole
    /// batches only. Patients are held under keyed pseudonyms, erased persons stay out, and importing
    /// the same resources again changes nothing.
    public func importFHIR(
        _ paths: [String], pseudonymizer: Pseudonymizer, options: FHIRImportOptions = .init(),
        progress: (@Sendable (FHIRImportProgress) -> Void)? = nil
    ) async throws -> FHIRImportReport {
        try await FHIRImporter(database: self, pseudonymizer: pseudonymizer, options: options).run(paths, progress: progress)
    }
}
