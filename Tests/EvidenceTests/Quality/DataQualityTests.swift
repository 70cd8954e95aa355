import CDMStore
import CDMTestSupport
import Evidence
import Foundation
import Governance
import OMOP
import Synthetic
import Testing

/// Data-quality checks against an independent recount (`DataQualityRecount`): a generated population passes every
/// check; rows that violate each check, inserted on purpose, are counted exactly; small counts read "<N".
@Suite struct DataQualityTests {
    static let generation = GenerationSettings(persons: 300, seed: 17, cancerFraction: 0.6)

    static func with<T>(_ backend: TestDatabases.Backend, _ body: (any Database) async throws -> T) async throws -> T {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(generation, site: .single, persons: 0..<generation.persons)
            try await db.setSiteMinimumCellCount(1)
            return try await body(db)
        }
    }

    /// Every check the report must hold, as "name table".
    static let expectedChecks: Set<String> = {
        var checks: Set<String> = ["measurePersonCompleteness observation_period"]
        let events = ["visit_occurrence", "condition_occurrence", "drug_exposure", "procedure_occurrence", "measurement", "observation", "device_exposure"]
        for table in events + ["observation_period", "death"] {
            checks.insert("isForeignKey \(table)")
            checks.insert("plausibleTemporalAfter \(table)")
        }
        for table in events {
            for name in ["plausibleDuringLife", "withinObservationPeriod", "standardConceptRecordCompleteness"] { checks.insert("\(name) \(table)") }
        }
        for table in DataQualityRecount.maleConcepts.keys { checks.insert("plausibleGender \(table)") }
        checks.insert("plausibleValueLow measurement")
        checks.insert("plausibleValueHigh measurement")
        return checks
    }()

    /// Each result's counts against the recount; returns the recount by check.
    @discardableResult
    static func expectRecount(_ report: DataQualityReport, _ db: any Database) async throws -> [String: (violating: Int, denominator: Int)] {
        let recount = try await DataQualityRecount(db)
        var counts: [String: (violating: Int, denominator: Int)] = [:]
        for result in report.results {
            let check = result.check
            let key = "\(check.name) \(check.table)" + (check.conceptID.map { " \($0)" } ?? "")
            let expected = try await recount.count(check, in: db)
            counts[key] = expected
            #expect((result.violating.value ?? 0) == expected.violating, "\(key): violating \(result.violating) vs \(expected.violating)")
            #expect((result.denominator.value ?? 0) == expected.denominator, "\(key): denominator \(result.denominator) vs \(expected.denominator)")
            let share = expected.denominator == 0 ? 0 : 100 * Double(expected.violating) / Double(expected.denominator)
            let status: DataQualityStatus = expected.denominator == 0 ? .notApplicable : share > check.thresholdPercent ? .failed : .passed
            #expect(result.status == status, "\(key): \(result.status) vs \(status)")
        }
        return counts
    }

    @Test(arguments: TestDatabases.backends)
    func aGeneratedPopulationPassesEveryCheck(_ backend: TestDatabases.Backend) async throws {
        try await Self.with(backend) { db in
            let report = try await db.dataQuality(DataQualitySettings(minimumCount: 1))
            #expect(Set(report.results.map { "\($0.check.name) \($0.check.table)" }) == Self.expectedChecks)
            #expect(report.results.count { $0.check.name == "plausibleValueLow" } == DataQualityRecount.ranges.count)
            #expect(report.failed == 0, "failed: \(report.results.filter { $0.status == .failed }.map(\.check.description))")
            #expect(report.results.allSatisfy { $0.violating.value == nil }, "a clean population violates nothing")
            for table in ["condition_occurrence", "measurement", "observation_period", "death"] {
                #expect(report.result("plausibleTemporalAfter", table: table)?.status == .passed, "\(table) has rows to check")
            }
            #expect(report.result("plausibleGender", table: "measurement")?.status == .passed, "the population has PSA values")
            try await Self.expectRecount(report, db)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func violatingRowsAreCountedExactly(_ backend: TestDatabases.Backend) async throws {
        try await Self.with(backend) { db in
            let inserted = try await QualityViolations.insert(into: db)
            let report = try await db.dataQuality(DataQualitySettings(minimumCount: 1))
            let counts = try await Self.expectRecount(report, db)
            for (key, minimum) in inserted.expectedAtLeast {
                #expect((counts[key]?.violating ?? 0) >= minimum, "\(key): the inserted rows must violate it")
            }
            // Checks with a threshold of 0 fail on one row; the others tolerate a few (their status is checked above).
            #expect(report.result("isForeignKey", table: "measurement")?.status == .failed)
            #expect(report.result("measurePersonCompleteness", table: "observation_period")?.status == .failed)
            #expect(report.result("plausibleGender", table: "condition_occurrence")?.status == .passed, "1 in many is below 5 %")
            // Exactly 60 days after death is within DataQualityDashboard's grace; 61 is not.
            #expect(counts["plausibleDuringLife drug_exposure"]?.violating == 1)

            // A person who objects leaves every figure, their violations too.
            let pseudonym = try #require(try await db.query("SELECT person_source_value AS p FROM person WHERE person_id = ?",
                                                            [.integer(inserted.bornAfterEvents)]).first?["p"].textValue)
            #expect(try await db.recordObjection(candidates: [pseudonym]))
            let after = try await db.dataQuality(DataQualitySettings(minimumCount: 1))
            #expect(after.result("plausibleTemporalAfter", table: "condition_occurrence")?.violating.value == nil)
        }
    }

    @Test func smallCountsReadAsBelowTheMinimum() async throws {
        try await Self.with(.sqlite) { db in
            _ = try await QualityViolations.insert(into: db)
            let open = try await db.dataQuality(DataQualitySettings(minimumCount: 1))
            let governed = try await db.dataQuality(DataQualitySettings(minimumCount: 5))
            #expect(governed.settings.minimumCount == 5)
            for (whole, shown) in zip(open.results, governed.results) {
                #expect(whole.check == shown.check)
                #expect(whole.status == shown.status, "\(whole.check.description): pass or fail rests on the true counts")
                let count = whole.violating.value ?? 0
                if count < 5 {
                    #expect(shown.violating.description == "<5" && shown.percent == nil, "\(whole.check.description): \(count)")
                } else {
                    #expect(shown.violating.value == count && shown.percent == whole.percent)
                }
            }
            let foreign = try #require(governed.result("isForeignKey", table: "measurement"))
            #expect(foreign.violating.description == "<5" && foreign.status == .failed)
            let json = String(decoding: try JSONEncoder().encode(governed), as: UTF8.self)
            #expect(json.contains("\"violating_rows\":\"<5\"") && json.contains("\"check_name\":\"isForeignKey\""))
        }
    }

    @Test func badSettingsAndAnEmptyDatabaseAreRefusedByName() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            await #expect(throws: EvidenceError("minimum_count must be at least 1 (0)")) {
                try await db.dataQuality(DataQualitySettings(minimumCount: 0))
            }
            let error = await #expect(throws: EvidenceError.self) { try await db.dataQuality(DataQualitySettings()) }
            #expect(error?.reason.contains("no CDM tables") == true)
        }
    }
}
