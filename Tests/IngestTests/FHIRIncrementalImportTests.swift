import CDMStore
import CDMTestSupport
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// Importing is incremental: the same export twice changes nothing, a later export adds only what is new
/// and resolves references to what came before, and an erased person never comes back.
@Suite struct FHIRIncrementalImportTests {
    typealias F = FHIRFixtures

    static let tables = ["person", "death", "location", "visit_occurrence", "visit_detail", "condition_occurrence", "procedure_occurrence",
                         "drug_exposure", "measurement", "observation", "observation_period", "episode", "episode_event", "optima_fhir_resource"]

    static func firstExport() throws -> String {
        try F.folder(resources: [
            F.patient("p1", deceased: "2019-01-01"),
            F.patient("p2", gender: "male"),
            F.encounter("e1", patient: "p1", classCode: "AMB", start: "2015-01-10T09:00:00Z"),
            F.encounter("e2", patient: "p2", classCode: "EMER", start: "2016-03-03T09:00:00Z"),
            F.condition("c1", patient: "p1", code: "254837009", onset: "2015-01-10", encounter: "e1"),
            F.condition("c2", patient: "p2", code: "162573006", onset: "2016-03-03", encounter: "e2"),
            F.observation("o1", patient: "p1", code: "2857-1", date: "2015-02-01", value: ["valueQuantity": F.quantity(3.1, "ng/mL")]),
            F.medicationAdministration("m1", patient: "p1", rxnorm: "583214", date: "2015-02-02", reason: "c1"),
        ])
    }

    static func counts(_ db: any Database) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables { counts[table] = try await db.count("SELECT COUNT(*) FROM \(table)") }
        return counts
    }

    @Test(arguments: TestDatabases.backends)
    func importingTheSameExportTwiceChangesNothing(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.firstExport()
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let first = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            #expect(first.resourcesWritten == 8 && first.resourcesRejected == 0, "\(first.rejections)")
            let before = try await Self.counts(db)
            #expect(before["person"] == 2 && before["episode"] == 1)

            let second = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            #expect(second.isBalanced)
            #expect(second.resourcesRead == 8)
            #expect(second.resourcesWritten == 0)
            for (type, counts) in second.resources {
                #expect(counts.skipped == ["already imported": counts.read], "\(type)")
            }
            #expect(second.rowsWritten.values.allSatisfy { $0 == 0 }, "\(second.rowsWritten)")
            #expect(try await Self.counts(db) == before)
        }
    }

    /// The same resource twice in one export (in one batch, and across batches) is written once, and
    /// references across batches resolve as within one: batch size changes no row.
    @Test(arguments: TestDatabases.backends)
    func repeatsAndBatchBoundariesChangeNoRow(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.firstExport()
        try FHIRFixtures.write(["Condition.001.ndjson": [try F.line(F.condition("c1", patient: "p1", code: "254837009", onset: "2015-01-10"))]],
                               into: folder)
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        var results: [[String: Int]] = []
        for batchSize in [20_000, 1] {
            try await TestDatabases.with(backend) { db, _ in
                _ = try await db.installOncologyVocabulary()
                let report = try await db.importFHIR([folder], pseudonymizer: pseudonymizer, options: .init(batchSize: batchSize))
                #expect(report.isBalanced)
                #expect(report.resourcesRejected == 0, "\(report.rejections)")
                #expect(report.resources["Condition"]?.skipped == ["already imported": 1], "batch size \(batchSize)")
                var counts = try await Self.counts(db)
                counts["episode_event (drug)"] = try await db.count("SELECT COUNT(*) FROM episode_event WHERE episode_event_field_concept_id = 2000000010")
                results.append(counts)
            }
        }
        #expect(results[0]["condition_occurrence"] == 1)
        #expect(results[0]["episode_event (drug)"] == 1)
        #expect(results[0] == results[1])
    }

    /// A later export holds a new patient and new resources of a patient of the first one (their Patient
    /// resource not repeated): only the new rows are added, on the right person and visit.
    @Test(arguments: TestDatabases.backends)
    func aLaterExportAddsOnlyWhatIsNewAndResolvesOldReferences(_ backend: TestDatabases.Backend) async throws {
        let first = try Self.firstExport()
        let later = try F.folder(resources: [
            F.patient("p3"),
            F.encounter("e3", patient: "p1", classCode: "AMB", start: "2017-05-05T09:00:00Z"),
            F.condition("c3", patient: "p1", code: "254637007", onset: "2017-05-05", encounter: "e3"),
            F.condition("c4", patient: "p1", code: "424132000", onset: "2015-01-10", encounter: "e1"),  // an old encounter
            F.condition("c5", patient: "p3", code: "254837009", onset: "2018-08-08"),
            F.medicationAdministration("m2", patient: "p1", rxnorm: "1736854", date: "2017-06-01", reason: "c1"),  // an old diagnosis
        ])
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            _ = try await db.importFHIR([first], pseudonymizer: pseudonymizer)
            let before = try await Self.counts(db)
            func person(_ id: String) async throws -> Int64? {
                try await db.query("SELECT person_id FROM person WHERE person_source_value = ?", [.text(pseudonymizer.pseudonym(id))])
                    .first?["person_id"].integerValue
            }
            let p1 = try #require(try await person("p1"))
            let old = try #require(try await db.query("""
                SELECT visit_occurrence_id, visit_detail_id FROM condition_occurrence WHERE condition_source_value = '254837009'
                """).first)
            let oldVisit = try #require(old["visit_occurrence_id"].integerValue)
            #expect(old["visit_detail_id"].integerValue == oldVisit)

            let report = try await db.importFHIR([first, later], pseudonymizer: pseudonymizer)
            #expect(report.isBalanced)
            #expect(report.resourcesRejected == 0, "\(report.rejections)")
            #expect(report.resourcesWritten == 6)
            #expect(report.resourcesSkipped == 8)
            let after = try await Self.counts(db)
            #expect(after["person"] == before["person"]! + 1)
            #expect(after["visit_occurrence"] == before["visit_occurrence"]! + 1)
            #expect(after["condition_occurrence"] == before["condition_occurrence"]! + 3)
            #expect(after["drug_exposure"] == before["drug_exposure"]! + 1)
            #expect(after["observation"] == before["observation"] && after["measurement"] == before["measurement"])
            #expect(after["observation_period"] == 3)

            // The old patient's new rows hang on the old person, and on the old visit where they name it.
            let c3 = try #require(try await db.query("SELECT person_id FROM condition_occurrence WHERE condition_source_value = '254637007'").first)
            #expect(c3["person_id"].integerValue == p1)
            let c4 = try #require(try await db.query("""
                SELECT person_id, visit_occurrence_id, visit_detail_id FROM condition_occurrence WHERE condition_source_value = '424132000'
                """).first)
            #expect(c4["person_id"].integerValue == p1)
            #expect(c4["visit_occurrence_id"].integerValue == oldVisit)
            // Like c1 of the first import, an event naming an encounter carries that encounter's visit_detail.
            #expect(c4["visit_detail_id"].integerValue == old["visit_detail_id"].integerValue)
            let p3 = try #require(try await person("p3"))
            #expect(try await db.count("SELECT COUNT(*) FROM condition_occurrence WHERE person_id = ?", [.integer(p3)]) == 1)

            // The new treatment joins the old diagnosis's episode; p1's observation period now reaches 2017.
            #expect(try await db.count("""
                SELECT COUNT(*) FROM episode_event ee JOIN drug_exposure d ON d.drug_exposure_id = ee.event_id
                WHERE d.drug_source_value = '1736854' AND ee.episode_event_field_concept_id = 2000000010
                """) == 1)
            let period = try await db.query("SELECT observation_period_end_date AS stop FROM observation_period WHERE person_id = ?", [.integer(p1)])
            #expect(period.count == 1)
            #expect(period.first?["stop"].dateValue == CDMDate(year: 2017, month: 6, day: 1))
        }
    }

    /// Erasure (GDPR art. 17) is final: importing the export again, or a later one with new resources of the
    /// erased patient, brings nothing of them back, and the report says why.
    @Test(arguments: TestDatabases.backends)
    func anErasedPersonDoesNotComeBack(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.firstExport()
        let later = try F.folder(resources: [
            F.condition("c9", patient: "p1", code: "254637007", onset: "2018-01-01"),
            F.condition("c10", patient: "p2", code: "254637007", onset: "2018-01-01"),
        ])
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            _ = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            let p2 = try #require(try await db.query("SELECT person_id FROM person WHERE person_source_value = ?", [.text(pseudonymizer.pseudonym("p2"))])
                .first?["person_id"].integerValue)
            let erased = try await db.erasePerson(candidates: pseudonymizer.candidates("p1"))
            #expect(erased.persons == 1)
            let afterErasure = try await Self.counts(db)
            #expect(afterErasure["person"] == 1)

            let again = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            #expect(again.isBalanced)
            #expect(again.erasedPersonsSkipped == 1)
            #expect(again.resources["Patient"]?.skipped.contains { $0.key.contains("erased") } == true, "\(again.resources["Patient"]?.skipped ?? [:])")
            // p1's Patient, e1, c1, o1 and m1: skipped as erased.
            let erasedSkips = again.resources.values.reduce(0) { sum, counts in sum + counts.skipped.filter { $0.key.contains("erased") }.values.reduce(0, +) }
            #expect(erasedSkips == 5, "\(again.resources)")
            var expected = afterErasure
            expected["optima_fhir_resource"] = nil
            var counts = try await Self.counts(db)
            counts["optima_fhir_resource"] = nil
            #expect(counts == expected)

            let newer = try await db.importFHIR([later], pseudonymizer: pseudonymizer)
            #expect(newer.isBalanced)
            #expect(newer.resources["Condition"]?.written == 1)
            #expect(newer.resources["Condition"]?.skipped.contains { $0.key.contains("erased") && $0.value == 1 } == true,
                    "\(newer.resources["Condition"]?.skipped ?? [:])")
            #expect(try await db.count("SELECT COUNT(*) FROM person") == 1)
            #expect(try await db.count("SELECT COUNT(*) FROM condition_occurrence WHERE person_id <> ?", [.integer(p2)]) == 0)
            #expect(try await db.count("SELECT COUNT(*) FROM observation WHERE person_id <> ?", [.integer(p2)]) == 0)
        }
    }
}
