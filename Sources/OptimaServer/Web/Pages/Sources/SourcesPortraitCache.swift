import CDMStore
import Governance

/// The portrait of each database, kept between requests: reading it scans every clinical table (1–4 s at
/// 10,000 persons), while the page has 300 ms. An entry is used only while a cheap fingerprint of the data is
/// unchanged (row counts and highest ids of the tables, the objections, erasures and the site's minimum), so an
/// objection or a load shows on the next request; entries older than `maximumAge` are read again, for changes the
/// fingerprint cannot see (a row updated in place). Requests arriving during a read share it.
actor SourcesPortraitCache {
    static let shared = SourcesPortraitCache()
    static let maximumAge: Duration = .seconds(300)

    private struct Entry {
        let fingerprint: [SQLValue]
        let startedAt: ContinuousClock.Instant
        let read: Task<SourcesPortrait, any Error>
    }

    private var entries: [String: Entry] = [:]

    func portrait(of database: any Database, minimumCount: Int) async throws -> SourcesPortrait {
        let key = "\(database.location) \(minimumCount)"
        let fingerprint = try await Self.fingerprint(database)
        if let entry = entries[key], entry.fingerprint == fingerprint, ContinuousClock.now - entry.startedAt < Self.maximumAge {
            return try await entry.read.value
        }
        let read = Task { try await SourcesPortrait.read(database, minimumCount: minimumCount) }
        entries[key] = Entry(fingerprint: fingerprint, startedAt: .now, read: read)
        do {
            return try await read.value
        } catch {
            // A failed read is not kept: the next request tries again.
            if entries[key]?.read == read { entries[key] = nil }
            throw error
        }
    }

    /// One row of aggregates each backend answers from indexes (the governance tables exist: the server made them).
    private static func fingerprint(_ database: any Database) async throws -> [SQLValue] {
        let keys = [("person", "person_id"), ("observation_period", "observation_period_id"), ("visit_occurrence", "visit_occurrence_id"),
                    ("condition_occurrence", "condition_occurrence_id"), ("drug_exposure", "drug_exposure_id"),
                    ("procedure_occurrence", "procedure_occurrence_id"), ("measurement", "measurement_id"),
                    ("observation", "observation_id"), ("device_exposure", "device_exposure_id"), ("death", "person_id")]
        let maxima = keys.map { "(SELECT MAX(\($0.1)) FROM \($0.0))" }
        let counts = ["person", "death", "optima_objection", "optima_erasure"].map { "(SELECT COUNT(*) FROM \($0))" }
        let site = "(SELECT MAX(value) FROM optima_site_setting WHERE name = 'minimum_cell_count')"
        return try await database.query("SELECT " + (maxima + counts + [site]).joined(separator: ", ")).first?.values ?? []
    }
}
