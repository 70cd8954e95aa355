import CDMStore
import Governance

/// The cases of each cancer as the similar-patient matching reads them, kept between requests: reading them
/// scans the cancer's diagnoses, modifiers, treatments and follow-up (about 80 ms at 10,000 persons), while a
/// CDS Hooks card has a budget of a few milliseconds under load. An entry is used only while the data it came
/// from is unchanged: a new objection, a withdrawal or an erasure changes the fingerprint, so consent takes
/// effect on the next request; new records change it too. Entries older than `maximumAge` are read again, for
/// changes the fingerprint cannot see (a row updated in place).
public actor SimilarPatientCaseCache {
    public static let maximumAge: Duration = .seconds(300)

    /// A read of one cancer's cases, shared by every request that arrives while it runs: a burst of cold
    /// requests reads once.
    private struct Entry {
        let fingerprint: [SQLValue]
        let windowDays: Int
        let startedAt: ContinuousClock.Instant
        let read: Task<[SimilarPatientCase], any Error>
    }

    private var entries: [CancerSite: Entry] = [:]

    public init() {}

    func cases(_ cancer: CancerSite, windowDays: Int, in database: any Database) async throws -> [SimilarPatientCase] {
        let fingerprint = try await database.similarPatientsFingerprint()
        if let entry = entries[cancer], entry.fingerprint == fingerprint, entry.windowDays == windowDays,
           ContinuousClock.now - entry.startedAt < Self.maximumAge {
            return try await entry.read.value
        }
        let read = Task { try await database.similarPatientCases(cancer, windowDays: windowDays) }
        entries[cancer] = Entry(fingerprint: fingerprint, windowDays: windowDays, startedAt: .now, read: read)
        do {
            return try await read.value
        } catch {
            // A failed read is not kept: the next request tries again.
            if entries[cancer]?.read == read { entries[cancer] = nil }
            throw error
        }
    }
}

extension Database {
    /// What changes when the cases could: the consent register and erasures (rows added and removed), and the
    /// newest row of each table the cases are read from. One indexed lookup per table.
    func similarPatientsFingerprint() async throws -> [SQLValue] {
        try await execute(ConsentRegister.createTable(dialect).sql)
        let erasures = try await columns(of: "optima_erasure").isEmpty ? "0" : "(SELECT COUNT(*) FROM optima_erasure)"
        return try await query("""
            SELECT (SELECT COUNT(*) FROM optima_objection), (SELECT MAX(recorded_at) FROM optima_objection), \(erasures),
                   (SELECT MAX(person_id) FROM person), (SELECT MAX(condition_occurrence_id) FROM condition_occurrence),
                   (SELECT MAX(measurement_id) FROM measurement), (SELECT MAX(drug_exposure_id) FROM drug_exposure),
                   (SELECT MAX(procedure_occurrence_id) FROM procedure_occurrence), (SELECT MAX(episode_id) FROM episode),
                   (SELECT MAX(observation_period_id) FROM observation_period), (SELECT COUNT(*) FROM death)
            """).first?.values ?? []
    }
}
