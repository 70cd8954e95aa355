import CDMStore
import Foundation
import Governance
import Ingest
import Synthetic

/// Generated persons → FHIR NDJSON (the exporter) → a fresh CDM on each backend (the importer). Each import is
/// timed against only reading and parsing the same files, and checked against the generated CDM table by table,
/// so a fast import that loses rows fails the run.
struct FHIRBenchmark {
    /// The tables whose rows must come back one for one.
    static let clinicalTables = ["person", "death", "condition_occurrence", "drug_exposure", "procedure_occurrence", "measurement", "observation"]

    let persons: Int
    let seed: UInt64
    /// A server to import into as well: the run makes a schema of its own there and drops it afterwards.
    let postgres: PostgresLocation?
    /// Holds the generated CDM, the export and the SQLite import; removed afterwards.
    let workDirectory: String
    /// Which step starts, for people watching.
    let announce: (String) -> Void

    func run() async throws -> FHIRBenchmarkReport {
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }
        let exportDirectory = (workDirectory as NSString).appendingPathComponent("export")

        announce("Generating \(persons.formatted()) persons ...")
        let settings = GenerationSettings(persons: persons, seed: seed)
        try settings.validate()
        let source = try await DatabaseLocation.sqlite(path: (workDirectory as NSString).appendingPathComponent("source.sqlite")).open()
        let (generation, sourceRows, export) = try await Self.closing(source) { db in
            // Pseudonymised as `generate` does it, with throwaway keys.
            let generation = try await db.generatePopulation(settings, site: .single, persons: 0..<persons,
                                                             pseudonymizer: Pseudonymizer(secrets: .generate()), progress: Terminal.importProgress())
            Terminal.endProgress()
            let sourceRows = try await Self.counts(Self.clinicalTables + ["visit_occurrence"], in: db)
            announce("Exporting them as FHIR NDJSON ...")
            let started = ContinuousClock.now
            let summary = try await db.exportFHIR(to: exportDirectory, progress: Terminal.importProgress())
            Terminal.endProgress()
            let seconds = (ContinuousClock.now - started).seconds
            return (generation, sourceRows, Self.phase(summary.totalResources, try Self.bytes(in: exportDirectory), seconds))
        }

        announce("Reading and parsing the export (baseline) ...")
        let baseline = try Self.readOnly(exportDirectory, bytes: Int64(export.megabytes * 1_000_000))

        var targets: [DatabaseLocation] = [.sqlite(path: (workDirectory as NSString).appendingPathComponent("import.sqlite"))]
        if var postgres {
            postgres.schema = "bench_fhir_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            targets.append(.postgres(postgres))
        }
        var imports: [FHIRBenchmarkReport.Import] = []
        for target in targets {
            announce("Importing into \(target) ...")
            imports.append(try await importExport(exportDirectory, into: target, expecting: sourceRows, resources: export.resources))
        }
        return FHIRBenchmarkReport(
            machine: StatisticsBenchmark.machine(), persons: persons, seed: seed, generationSeconds: generation.seconds,
            sourceRows: sourceRows, export: export, baseline: baseline, imports: imports)
    }

    /// Imports the export into an empty CDM holding only the vocabulary, with fresh keys; the vocabulary's
    /// installation is not timed. A PostgreSQL schema made for the run is dropped afterwards.
    private func importExport(
        _ directory: String, into location: DatabaseLocation, expecting sourceRows: [String: Int], resources: Int
    ) async throws -> FHIRBenchmarkReport.Import {
        let db = try await location.open()
        return try await Self.closing(db, dropping: true) { db in
            _ = try await db.installOncologyVocabulary()
            let started = ContinuousClock.now
            let report = try await db.importFHIR([directory], pseudonymizer: Pseudonymizer(secrets: .generate()),
                                                 progress: ImportCommand.FHIRFiles.progress())
            Terminal.endProgress()
            let phase = Self.phase(report.resourcesRead, try Self.bytes(in: directory), (ContinuousClock.now - started).seconds)
            let rows = try await Self.counts(Self.clinicalTables + ["visit_detail", "visit_occurrence"], in: db)
            return FHIRBenchmarkReport.Import(database: location.description, phase: phase, rows: rows,
                                              problems: Self.problems(report, rows: rows, expected: sourceRows, resources: resources))
        }
    }

    /// Every way the import differs from the generated CDM it came from.
    static func problems(_ report: FHIRImportReport, rows: [String: Int], expected: [String: Int], resources: Int) -> [String] {
        var problems: [String] = []
        if report.resourcesRead != resources { problems.append("\(report.resourcesRead) resources read, \(resources) exported") }
        if !report.isBalanced { problems.append("the report does not balance (read ≠ written + skipped + rejected)") }
        if report.resourcesRejected > 0 {
            let first = report.rejections.first.map { ", first at \($0.location): \($0.reason)" } ?? ""
            problems.append("\(report.resourcesRejected) resources rejected\(first)")
        }
        for table in clinicalTables where rows[table] != expected[table] {
            problems.append("\(table): \(rows[table] ?? 0) rows imported, \(expected[table] ?? 0) generated")
        }
        // The importer merges same-day encounters into one visit; each encounter stays as a visit_detail.
        if rows["visit_detail"] != expected["visit_occurrence"] {
            problems.append("visit_detail: \(rows["visit_detail"] ?? 0) rows imported, \(expected["visit_occurrence"] ?? 0) visits generated")
        }
        return problems
    }

    /// The baseline: every file read and each line parsed into a resource, as the import reads them.
    static func readOnly(_ directory: String, bytes: Int64) throws -> FHIRBenchmarkReport.Phase {
        let started = ContinuousClock.now
        let reader = try FHIRInputReader(paths: [directory])
        var resources = 0
        while let item = try reader.next() {
            if case .record = item { resources += 1 }
        }
        return phase(resources, bytes, (ContinuousClock.now - started).seconds)
    }

    static func phase(_ resources: Int, _ bytes: Int64, _ seconds: Double) -> FHIRBenchmarkReport.Phase {
        FHIRBenchmarkReport.Phase(resources: resources, megabytes: Double(bytes) / 1_000_000, seconds: seconds,
                                  peakResidentMegabytes: ImportBenchmark.peakResidentMegabytes())
    }

    /// The sum of the sizes of the files directly in a folder.
    static func bytes(in directory: String) throws -> Int64 {
        try FileManager.default.contentsOfDirectory(atPath: directory).reduce(0) { total, name in
            let attributes = try FileManager.default.attributesOfItem(atPath: (directory as NSString).appendingPathComponent(name))
            return total + ((attributes[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }

    static func counts(_ tables: [String], in db: any Database) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] = Int(try await db.query("SELECT COUNT(*) AS n FROM \(table)").first?["n"].integerValue ?? 0)
        }
        return counts
    }

    /// Runs `body`, then closes the database whatever happens, dropping its PostgreSQL schema first when asked.
    static func closing<T>(_ db: any Database, dropping: Bool = false, _ body: (any Database) async throws -> T) async throws -> T {
        func finish() async throws {
            if dropping, case .postgres(let target) = db.location {
                try await db.execute("DROP SCHEMA IF EXISTS \(db.dialect.quote(target.schema)) CASCADE", [])
            }
            try await db.close()
        }
        do {
            let result = try await body(db)
            try await finish()
            return result
        } catch {
            try? await finish()
            throw error
        }
    }
}
