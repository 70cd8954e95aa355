import CDMStore

/// Hands out primary keys above those a table already holds. Keys are allocated in the importer, not by
/// the database, so one resource's rows can point to each other before they are written, on both backends.
/// One import writes at a time (the CLI and the upload endpoint share this rule with `optima import omop`).
struct IDAllocator {
    /// Each table's first key of this import: rows at or above it are this import's, which the
    /// derivation passes (visits, observation periods, modifiers, episodes) rely on.
    private(set) var first: [String: Int64] = [:]
    private var next: [String: Int64] = [:]

    static let keys: [(table: String, column: String)] = [
        ("person", "person_id"), ("location", "location_id"), ("visit_occurrence", "visit_occurrence_id"),
        ("condition_occurrence", "condition_occurrence_id"), ("drug_exposure", "drug_exposure_id"),
        ("procedure_occurrence", "procedure_occurrence_id"), ("device_exposure", "device_exposure_id"),
        ("measurement", "measurement_id"), ("observation", "observation_id"), ("observation_period", "observation_period_id"),
        ("episode", "episode_id"),
    ]

    static func load(from database: any Database) async throws -> IDAllocator {
        var allocator = IDAllocator()
        for (table, column) in keys {
            var maximum = try await database.query("SELECT MAX(\(column)) AS m FROM \(table)").first?["m"].integerValue ?? 0
            if table == "visit_occurrence" {
                // An encounter keeps its key as its `visit_detail_id` when visits merge: stay clear of both.
                let detail = try await database.query("SELECT MAX(visit_detail_id) AS m FROM visit_detail").first?["m"].integerValue ?? 0
                maximum = max(maximum, detail)
            }
            allocator.first[table] = maximum + 1
            allocator.next[table] = maximum + 1
        }
        return allocator
    }

    mutating func take(_ table: String) -> Int64 {
        guard let id = next[table] else { preconditionFailure("no key allocation for \(table)") }
        next[table] = id + 1
        return id
    }

    /// The first key of this import in `table`.
    func firstID(_ table: String) -> Int64 { first[table] ?? 1 }
}
