import CDMStore
import Foundation
import Governance
import OMOP

/// Streams FHIR resources from files into the CDM: reads a batch, prefetches what mapping it needs
/// (vocabulary, earlier imports' resources), maps it, and loads it in one transaction while the next
/// batch is read and mapped (two stages on two cores); after the last batch it derives visits,
/// observation periods, cancer modifier links and episodes.
final class FHIRImporter {
    private let database: any Database
    private let pseudonymizer: Pseudonymizer
    private let options: FHIRImportOptions
    private var report = FHIRImportReport()
    private var touchedPersons: Set<Int64> = []
    /// Which code-system URIs name a vocabulary, learnt as they are met.
    private var systems: [String: Bool] = [:]
    /// The batch being loaded, and its resource keys (not yet visible to the next batch's lookup).
    private var loading: Task<LoadResult, Error>?
    private var loadingKeys: Set<String> = []
    private var loadingCounts: [String: Int] = [:]
    /// Whether an earlier import wrote resources; when none did, a key this import has not met cannot exist,
    /// and hashes of the keys met (8 bytes each) spare a lookup per resource. A hash match is checked for real.
    private var earlierImports = true
    private var keysMet: Set<Int> = []

    /// The tables a batch may write, in load order.
    private static let tableOrder = ["location", "person", "death", "visit_occurrence", "condition_occurrence", "procedure_occurrence",
                                     "drug_exposure", "device_exposure", "measurement", "observation", FHIRResourceMap.tableName]

    init(database: any Database, pseudonymizer: Pseudonymizer, options: FHIRImportOptions) {
        self.database = database
        self.pseudonymizer = pseudonymizer
        self.options = options
    }

    func run(_ paths: [String], progress: (@Sendable (FHIRImportProgress) -> Void)?) async throws -> FHIRImportReport {
        let started = ContinuousClock.now
        let reader = try FHIRInputReader(paths: paths)
        report.files = reader.files.map(\.path)
        report.skippedFiles = reader.skippedFiles.map { .init(path: $0.path, reason: $0.reason) }
        if !(try await database.hasSchema()) { try await database.createSchema() }
        try await database.createGovernanceSchema()
        try await FHIRResourceMap.create(in: database)
        try await WorkTables.prepare(database)
        earlierImports = try await database.query("SELECT 1 AS x FROM \(FHIRResourceMap.tableName) LIMIT 1").isEmpty == false
        if !earlierImports { try await FHIRResourceMap.dropIndex(in: database) }

        let lookup = ConceptLookup(database: database)
        let fixed = try FixedConceptMap.shipped()
        let mapper = ResourceMapper(lookup: lookup, fixed: fixed, pseudonymizer: pseudonymizer, ids: try await IDAllocator.load(from: database))
        mapper.erasedPseudonyms = Set(try await database.query("SELECT pseudonym FROM optima_erasure").compactMap { $0["pseudonym"].textValue })
        for row in try await database.query("SELECT location_id, location_source_value FROM location WHERE location_source_value IS NOT NULL") {
            if let id = row["location_id"].integerValue, let source = row["location_source_value"].textValue { mapper.locations[source] = id }
        }
        report.vocabularyVersion = try await lookup.vocabularyVersion()
        report.conceptMapVersion = fixed.version

        do {
            try await readAll(reader, mapper: mapper, lookup: lookup, progress: progress)
            try await finishLoading()
            try await FHIRResourceMap.createIndex(in: database)
        } catch {
            _ = try? await loading?.value  // never leave a load running behind an error
            try? await FHIRResourceMap.createIndex(in: database)
            throw error
        }
        try await derive(ids: mapper.ids)
        report.unmappedCodeCount = mapper.unmapped.count
        report.unmappedCodes = mapper.unmapped.sorted { ($0.value.count, $1.key.code) > ($1.value.count, $0.key.code) }
            .prefix(FHIRImportReport.unmappedLimit)
            .map { .init(system: $0.key.system, code: $0.key.code, display: $0.value.display, count: $0.value.count) }
        report.bytesRead = reader.bytesRead
        report.seconds = (ContinuousClock.now - started).seconds
        return report
    }

    private func readAll(_ reader: FHIRInputReader, mapper: ResourceMapper, lookup: ConceptLookup,
                         progress: (@Sendable (FHIRImportProgress) -> Void)?) async throws {
        var records: [FHIRRecord] = []
        var resources = 0
        while true {
            let item = try reader.next()
            switch item {
            case .record(let record):
                records.append(record)
            case .malformed(let location, let reason):
                report.resources["(unreadable)", default: .init()].read += 1
                reject("(unreadable)", location: location, reason: reason)
            case nil:
                break
            }
            if records.count >= options.batchSize || (item == nil && !records.isEmpty) {
                resources += records.count
                try await write(records, mapper: mapper, lookup: lookup)
                progress?(FHIRImportProgress(resources: resources, bytesRead: reader.bytesRead, fileName: records.last?.location.file ?? ""))
                records.removeAll(keepingCapacity: true)
            }
            if item == nil { return }
        }
    }

    /// Maps one batch, then hands it to the loader once the previous batch is in; each batch loads all or nothing.
    private func write(_ records: [FHIRRecord], mapper: ResourceMapper, lookup: ConceptLookup) async throws {
        var codes = Set<SourceCode>()
        for record in records {
            Coding.allCodes(in: .object(record.resource), into: &codes, systems: &systems)
            if record.resourceType == "Condition", let diagnosis = MCODECondition.icdo3Diagnosis(.object(record.resource)) { codes.insert(diagnosis) }
        }
        try await lookup.prefetch(codes)
        let known = try await KnownResources.prefetch(records, index: mapper.index, database: database, pseudonymizer: pseudonymizer) {
            [earlierImports, keysMet] key in earlierImports || keysMet.contains(key.hashValue)
        }
        known.merge(into: &mapper.index)

        var batch = RowBatch(tables: CDMSchema.v54.tables + [FHIRResourceMap.table])
        var keys = Set<String>()
        for record in records {
            let key = record.resource["id"]?.string.map { "\(record.resourceType)/\($0)" }
            let duplicate = key.map { known.imported.contains($0) || loadingKeys.contains($0) || !keys.insert($0).inserted } ?? false
            report.resources[record.resourceType, default: .init()].read += 1
            switch mapper.map(record, alreadyImported: duplicate, key: key.flatMap { known.pseudonyms[$0] }, into: &batch) {
            case .written:
                report.resources[record.resourceType]!.written += 1
                if let person = mapper.mapEntry.person { touchedPersons.insert(person) }
            case .skipped(let reason):
                report.resources[record.resourceType]!.skipped[reason, default: 0] += 1
                if reason.hasPrefix("the person was erased"), record.resourceType == "Patient" { report.erasedPersonsSkipped += 1 }
            case .rejected(let reason):
                reject(record.resourceType, location: record.location, reason: reason)
            }
        }
        if !earlierImports { for key in keys { keysMet.insert(key.hashValue) } }
        try await finishLoading()
        guard !batch.isEmpty else { return }
        report.truncatedValues += batch.truncatedValues
        loadingKeys = keys
        loadingCounts = batch.counts
        let loads = batch.loads(order: Self.tableOrder)
        let database = database
        loading = Task { try await database.load(loads, progress: nil) }
    }

    /// Waits for the batch being loaded and counts its rows.
    private func finishLoading() async throws {
        guard let loading else { return }
        self.loading = nil
        _ = try await loading.value
        for (table, count) in loadingCounts where table != FHIRResourceMap.tableName { report.rowsWritten[table, default: 0] += count }
        loadingKeys = []
        loadingCounts = [:]
    }

    private func reject(_ type: String, location: SourceLocation, reason: String) {
        report.resources[type, default: .init()].rejected[reason, default: 0] += 1
        if report.rejections.count < FHIRImportReport.rejectionLimit {
            report.rejections.append(.init(location: location.description, resourceType: type == "(unreadable)" ? nil : type, reason: reason))
        }
    }

    /// The derivations, over this import's rows only.
    private func derive(ids: IDAllocator) async throws {
        guard !touchedPersons.isEmpty else { return }
        _ = try await database.load([.rows(WorkTables.runPersons, touchedPersons.sorted().map { [.integer($0)] })], progress: nil)
        let derivation = Derivation(database: database, ids: ids)
        let derived = ["visit_detail", "episode", "episode_event"]
        let before = try await counts(derived)
        report.visitsMerged = try await derivation.mergeVisits()
        try await derivation.deriveObservationPeriods()
        report.modifiersLinked = try await derivation.linkModifiers()
        try await derivation.buildEpisodes()
        for (table, count) in try await counts(derived) where count > before[table]! { report.rowsWritten[table] = count - before[table]! }
        report.rowsWritten["observation_period"] = touchedPersons.count
        report.rowsWritten["visit_occurrence", default: 0] -= report.visitsMerged
    }

    private func counts(_ tables: [String]) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = Int(try await database.query("SELECT COUNT(*) AS n FROM \(table)").first?["n"].integerValue ?? 0)
        }
        return counts
    }
}
