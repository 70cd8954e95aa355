import CDMStore
import Cohorts
import Foundation
import Governance
import OMOP

/// Answers tranSMART-style exploration queries (constraint trees) with governed patient counts, fast enough to
/// follow a researcher's edits live. One per server: it keeps what it has computed.
///
/// Each criterion (an observation-level constraint, i.e. the body of a `subselection`) is evaluated once to a sorted
/// set of person ids and cached by its canonical JSON; and/or/not combine those sets in memory, so an edit that
/// changes one criterion runs one query. Persons who object are left out of every count; the caches are dropped
/// when the data changes (see `ExploreCache`).
public final class ExploreEngine: Sendable {
    let database: any Database
    let minimumCount: Int
    let cache = ExploreCache()

    public init(database: any Database, minimumCount: Int = SmallCellCount.defaultMinimum) {
        self.database = database
        self.minimumCount = minimumCount
    }

    /// The persons who object, as SQL (they are never counted).
    static let objectors = ConsentRegister.objectingPersonIDs

    /// Creates what counts read when missing (the cohort, opt-out and site tables) and the covering indexes of
    /// `ExploreTable.indexes`: once per database, minutes on a million persons, a no-op afterwards. Counts work
    /// without the indexes, only slower.
    public func prepare() async throws {
        try await database.createCohortTables()
        try await database.createGovernanceSchema()
        for index in ExploreTable.indexes {
            let columns = index.columns.map(database.dialect.quote).joined(separator: ", ")
            try await database.execute("CREATE INDEX IF NOT EXISTS \(database.dialect.quote(index.name)) ON \(database.dialect.quote(index.table)) (\(columns))")
        }
    }

    /// The governed number of persons a constraint selects.
    public func counts(_ constraint: ExploreConstraint) async throws -> ExploreCounts {
        let started = ContinuousClock.now
        let (set, minimum) = try await patients(constraint)
        let milliseconds = (ContinuousClock.now - started).milliseconds
        return ExploreCounts(patientCount: SmallCellCount(set.count, minimum: minimum), minimumCount: minimum, milliseconds: milliseconds)
    }

    /// The persons a constraint selects and the minimum cell count that applies to them.
    func patients(_ constraint: ExploreConstraint) async throws -> (PatientSet, Int) {
        let (persons, minimum) = try await snapshot()
        let set = try await evaluate(constraint, path: "", persons: persons)
        return (set.intersection(persons.all), minimum)
    }

    /// Fresh caches and the persons; the cohort, opt-out and site tables are created on first use, so a new database
    /// answers 0 rather than an error.
    func snapshot() async throws -> (ExplorePersons, Int) {
        if await !cache.tablesReady {
            try await database.createCohortTables()
            try await database.createGovernanceSchema()
            await cache.markTablesReady()
        }
        try await cache.refresh(database)
        let persons = try await cache.persons(database)
        return (persons, max(minimumCount, await cache.siteMinimum))
    }

    /// Today as a CDM date (UTC): what ages are counted to.
    func today() -> CDMDate {
        CDMDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
