import CDMStore
import Foundation
import Governance

/// What an `ExploreEngine` has computed, valid for one state of the data: the patient set of each criterion by its
/// canonical JSON, the persons, resolved concepts and tree nodes. A cheap fingerprint of the data (person count,
/// the highest id of each clinical table, the objections, the site minimum) is re-read at most every
/// `recheckInterval`; when it changed, everything is dropped. So an erased or objecting person is counted for at
/// most `recheckInterval` plus one request after the change.
actor ExploreCache {
    static let recheckInterval: Duration = .seconds(2)

    private(set) var tablesReady = false
    private var fingerprint: [SQLValue]?
    private var checkedAt: ContinuousClock.Instant?
    private(set) var siteMinimum = SmallCellCount.defaultMinimum
    private var leaves: [String: PatientSet] = [:]
    private var values: [String: [Int64]] = [:]
    private var concepts: [String: [ExploreTable: [Int64]]] = [:]
    private var nodes: [String: ExploreTreeNode] = [:]
    private var personsTask: Task<ExplorePersons, any Error>?

    /// Re-reads the fingerprint when the last check is older than `recheckInterval` (or `force`), dropping all
    /// cached results when the data changed.
    func refresh(_ database: any Database, force: Bool = false) async throws {
        let clock = ContinuousClock()
        if !force, let checkedAt, clock.now - checkedAt < Self.recheckInterval { return }
        let rows = try await database.query(Self.fingerprintSQL(database.dialect))
        let current = rows.first?.values ?? []
        checkedAt = clock.now
        if current != fingerprint {
            fingerprint = current
            siteMinimum = Int(current.last?.integerValue ?? Int64(SmallCellCount.defaultMinimum))
            leaves = [:]
            values = [:]
            concepts = [:]
            nodes = [:]
            personsTask = nil
        }
    }

    func markTablesReady() { tablesReady = true }

    func leaf(_ key: String) -> PatientSet? { leaves[key] }
    func store(_ key: String, _ set: PatientSet) { leaves[key] = set }

    func valueConcepts(_ key: String) -> [Int64]? { values[key] }
    func store(valueConcepts: [Int64], for key: String) { values[key] = valueConcepts }

    func concepts(_ key: String) -> [ExploreTable: [Int64]]? { concepts[key] }
    func store(concepts resolved: [ExploreTable: [Int64]], for key: String) { concepts[key] = resolved }

    func node(_ key: String) -> ExploreTreeNode? { nodes[key] }
    func store(node: ExploreTreeNode, for key: String) { nodes[key] = node }

    /// The persons, read once per state of the data even when requests ask at the same time.
    func persons(_ database: any Database) async throws -> ExplorePersons {
        if let personsTask { return try await personsTask.value }
        let task = Task { try await ExplorePersons.load(database, objectors: ExploreEngine.objectors) }
        personsTask = task
        do {
            return try await task.value
        } catch {
            personsTask = nil
            throw error
        }
    }

    /// One row of aggregates each backend answers from indexes: the person count, the highest id of each table a
    /// criterion reads, the number of objections, and the site's minimum cell count.
    static func fingerprintSQL(_ dialect: SQLDialect) -> String {
        let maxima = [("person", "person_id"), ("condition_occurrence", "condition_occurrence_id"), ("drug_exposure", "drug_exposure_id"),
                      ("procedure_occurrence", "procedure_occurrence_id"), ("measurement", "measurement_id"),
                      ("observation", "observation_id"), ("device_exposure", "device_exposure_id"),
                      ("visit_occurrence", "visit_occurrence_id"), ("death", "person_id"), ("concept", "concept_id")]
            .map { "(SELECT MAX(\(dialect.quote($0.1))) FROM \(dialect.quote($0.0)))" }
        let site = "(SELECT MAX(value) FROM optima_site_setting WHERE name = 'minimum_cell_count')"
        return "SELECT (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM death), (SELECT COUNT(*) FROM optima_objection), "
            + maxima.joined(separator: ", ") + ", CAST(COALESCE(\(site), '\(SmallCellCount.defaultMinimum)') AS INTEGER)"
    }
}
