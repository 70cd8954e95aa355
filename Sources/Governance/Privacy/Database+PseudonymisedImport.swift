import CDMStore

extension Database {
    /// Imports a folder of OMOP table files with identifiers pseudonymised before any row is written
    /// (see `IngestPseudonymisation`), all or nothing. Free-text notes (`note`, `note_nlp`) are skipped,
    /// with a warning, unless `includeNotes`; `shiftDates` > 0 moves every date of each person's rows by
    /// the person's keyed offset within ±shiftDays.
    public func importPseudonymised(
        _ directory: String, pseudonymizer: Pseudonymizer, shiftDates: Int = 0, includeNotes: Bool = false,
        ignoreExtraColumns: Bool = false, progress: (@Sendable (String, Int) -> Void)? = nil
    ) async throws -> PseudonymisedImport {
        guard shiftDates >= 0 else { throw PrivacyError("--shift-dates must be 0 (off) or a positive number of days, not \(shiftDates)") }
        try await createGovernanceSchema()
        let erased = Set(try await query("SELECT pseudonym FROM optima_erasure").compactMap { $0["pseudonym"].textValue })
        let ingest = IngestPseudonymisation(pseudonymizer: pseudonymizer, erased: erased, maximumShiftDays: shiftDates)
        let reason = "free-text notes are imported only when asked (--include-notes)"
        let summary = try await importFolder(
            directory, kind: .omop, ignoreExtraColumns: ignoreExtraColumns,
            skipping: includeNotes ? [:] : ["note": reason, "note_nlp": reason],
            transform: { ingest.rows(of: $0) }, progress: progress)
        return PseudonymisedImport(summary: summary, erasedPersonsSkipped: ingest.erasedPersonsSkipped)
    }
}
