import CDMStore
import Governance

/// What earlier imports (and earlier batches) already hold for one batch: which of its resources were
/// imported before, and the rows its references point to. Looked up by keyed pseudonym under every key
/// version, so a key rotation between two imports does not duplicate anything.
struct KnownResources {
    var imported: Set<String> = []
    /// The current pseudonym of each resource key of the batch, computed once for lookup and write alike.
    var pseudonyms: [String: String] = [:]
    var persons: [String: Int64] = [:]
    var erasedPatients: Set<String> = []
    var visits: [String: (visit: Int64, detail: Int64)] = [:]
    var conditions: [String: Int64] = [:]
    var procedures: [String: Int64] = [:]

    /// Keys per query: well under SQLite's and PostgreSQL's bind limits, few enough round trips.
    static let chunk = 5_000

    /// - Parameter mayExist: whether a resource of the batch may have been written before; those that cannot
    ///   (a first import meeting a key for the first time) skip the lookup.
    static func prefetch(_ records: [FHIRRecord], index: ResourceIndex, database: any Database, pseudonymizer: Pseudonymizer,
                         mayExist: (String) -> Bool) async throws -> KnownResources {
        var known = KnownResources()
        var wanted = Set<String>()
        func want(_ type: String, _ element: JSONValue?, known: (String) -> Bool) {
            guard let reference = Reference(element), reference.names(type), !known(reference.id) else { return }
            wanted.insert("\(type)/\(reference.id)")
        }
        for record in records {
            let resource = JSONValue.object(record.resource)
            if let id = resource["id"]?.string {
                let key = "\(record.resourceType)/\(id)"
                if mayExist(key) { wanted.insert(key) } else { known.pseudonyms[key] = pseudonymizer.pseudonym(key) }
            }
            for field in ["subject", "patient"] {
                want("Patient", resource[field]) { index.persons[$0] != nil || index.erasedPatients.contains($0) }
            }
            for field in ["encounter", "context"] { want("Encounter", resource[field]) { index.visits[$0] != nil } }
            for field in ["reasonReference", "focus"] {
                for element in resource[field]?.elements ?? [] { want("Condition", element) { index.conditions[$0] != nil } }
            }
            for element in resource["focus"]?.elements ?? [] { want("Procedure", element) { index.procedures[$0] != nil } }
        }
        var rawKeys: [String: String] = [:]
        for key in wanted {
            let candidates = pseudonymizer.candidates(key)
            known.pseudonyms[key] = candidates[0]
            for candidate in candidates { rawKeys[candidate] = key }
        }
        let candidates = Array(rawKeys.keys)
        for start in stride(from: 0, to: candidates.count, by: Self.chunk) {
            let chunk = Array(candidates[start..<min(start + Self.chunk, candidates.count)])
            let rows = try await database.query("""
                SELECT m.resource_key, m.omop_table, m.omop_id, p.person_id AS live_person, d.visit_occurrence_id AS visit
                FROM \(FHIRResourceMap.tableName) m
                LEFT JOIN person p ON m.omop_table = 'person' AND p.person_id = m.omop_id
                LEFT JOIN visit_detail d ON m.omop_table = 'visit_detail' AND d.visit_detail_id = m.omop_id
                WHERE m.resource_key IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ", ")))
                """, chunk.map(SQLValue.text))
            for row in rows {
                guard let candidate = row["resource_key"].textValue, let key = rawKeys[candidate] else { continue }
                known.record(key, table: row["omop_table"].textValue, id: row["omop_id"].integerValue,
                             livePerson: row["live_person"].integerValue, visit: row["visit"].integerValue)
            }
        }
        return known
    }

    private mutating func record(_ key: String, table: String?, id: Int64?, livePerson: Int64?, visit: Int64?) {
        imported.insert(key)
        guard let slash = key.firstIndex(of: "/") else { return }
        let type = key[..<slash], logicalID = String(key[key.index(after: slash)...])
        switch type {
        case "Patient":
            if let livePerson { persons[logicalID] = livePerson } else { erasedPatients.insert(logicalID) }
        case "Encounter":
            if let id { visits[logicalID] = (visit ?? id, id) }
        case "Condition":
            if table == "condition_occurrence", let id { conditions[logicalID] = id }
        case "Procedure":
            if table == "procedure_occurrence", let id { procedures[logicalID] = id }
        default:
            break
        }
    }

    /// Adds what was found to the mapper's index.
    func merge(into index: inout ResourceIndex) {
        index.persons.merge(persons) { current, _ in current }
        index.erasedPatients.formUnion(erasedPatients)
        index.visits.merge(visits) { current, _ in current }
        index.conditions.merge(conditions) { current, _ in current }
        index.procedures.merge(procedures) { current, _ in current }
    }
}
