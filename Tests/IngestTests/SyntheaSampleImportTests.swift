import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// The golden checks of the fhir-to-omop reference §7.3 on Synthea's "10 patients" bulk export
/// (fhir-synthea: 13 patients, one with lung and breast cancer, no Observation file).
@Suite(.serialized) struct SyntheaSampleImportTests {
    static let folder = "fhir-synthea"
    static let cancerPatient = "129c6ac7-8d06-89de-ad63-0204a93e76c3"

    /// The number of visits reference §2.2 makes of the Encounter file, computed here without the importer:
    /// per patient, inpatient encounters at most a day apart form one stay; any other encounter lying inside
    /// a stay is folded into it; the rest form one visit per class and start day. Days are the local dates
    /// as written.
    static func expectedVisitCount() throws -> Int {
        let text = try String(contentsOfFile: ReferenceDatasets.path("\(folder)/Encounter.000.ndjson"), encoding: .utf8)
        var byPatient: [String: [(kind: String, start: CDMDate, end: CDMDate)]] = [:]
        for line in text.split(separator: "\n") {
            let encounter = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let patient = try #require((encounter["subject"] as? [String: Any])?["reference"] as? String)
            let kind = try #require((encounter["class"] as? [String: Any])?["code"] as? String)
            let period = try #require(encounter["period"] as? [String: String])
            let start = try #require(CDMDate(String(period["start"]!.prefix(10))))
            let end = try #require(CDMDate(String((period["end"] ?? period["start"]!).prefix(10))))
            byPatient[patient, default: []].append((kind, start, end))
        }
        var visits = 0
        for encounters in byPatient.values {
            var stays: [(start: CDMDate, end: CDMDate)] = []
            for stay in encounters.filter({ $0.kind == "IMP" }).sorted(by: { $0.start < $1.start }) {
                if let last = stays.last, stay.start <= last.end.adding(days: 1) {
                    stays[stays.count - 1].end = max(last.end, stay.end)
                } else {
                    stays.append((stay.start, stay.end))
                }
            }
            let others = encounters.filter { encounter in
                encounter.kind != "IMP" && !stays.contains { $0.start <= encounter.start && encounter.end <= $0.end }
            }
            visits += stays.count + Set(others.map { "\($0.kind) \($0.start)" }).count
        }
        return visits
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent(folder), "\(ReferenceDatasets.skipReason)"), arguments: TestDatabases.backends)
    func importsTheTenPatientSampleFaithfully(_ backend: TestDatabases.Backend) async throws {
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([ReferenceDatasets.path(Self.folder)], pseudonymizer: pseudonymizer)

            #expect(report.isBalanced)
            #expect(report.resourcesRejected == 0, "\(report.rejections.prefix(5))")
            #expect(report.skippedFiles.contains { ($0.path as NSString).lastPathComponent == "log.ndjson" })
            #expect(report.resources["Patient"]?.read == 13)
            #expect(report.resources["Encounter"]?.read == 1_215)
            #expect(report.resources["MedicationRequest"]?.read == 1_745)

            #expect(try await db.count("SELECT COUNT(*) FROM person") == 13)
            #expect(try await db.count("SELECT COUNT(*) FROM death") == 3)

            // The cancer patient's diagnoses on their onset dates; "suspected lung cancer" is an observation.
            let person = try #require(try await db.query("SELECT person_id FROM person WHERE person_source_value = ?",
                                                         [.text(pseudonymizer.pseudonym(Self.cancerPatient))]).first?["person_id"].integerValue)
            let conditions = Set(try await db.query("""
                SELECT condition_source_value AS code, condition_start_date AS day FROM condition_occurrence
                WHERE person_id = ? AND condition_source_value IN ('254637007', '424132000', '254837009', '162573006')
                """, [.integer(person)]).map { "\($0["code"].textValue ?? "") \($0["day"].dateValue.map(String.init(describing:)) ?? "")" })
            #expect(conditions == ["254637007 1984-10-31", "424132000 1984-11-01", "254837009 1989-04-10"])
            let suspected = try await db.query("""
                SELECT observation_date AS day, observation_concept_id AS concept FROM observation WHERE person_id = ? AND observation_source_value = '162573006'
                """, [.integer(person)])
            #expect(suspected.map { $0["day"].dateValue } == [CDMDate(year: 1984, month: 10, day: 22)])
            #expect(suspected.map { $0["concept"].integerValue } == [4_038_238])

            // 221 paclitaxel and 221 cisplatin injections.
            #expect(try await db.count("SELECT COUNT(*) FROM drug_exposure WHERE drug_source_value = '583214'") == 221)
            #expect(try await db.count("SELECT COUNT(*) FROM drug_exposure WHERE drug_source_value = '1736854'") == 221)

            // Visits rolled up by the reference's rules; every encounter kept as a visit detail.
            #expect(try await db.count("SELECT COUNT(*) FROM visit_occurrence") == (try Self.expectedVisitCount()))
            #expect(try await db.count("SELECT COUNT(*) FROM visit_detail") == 1_215)
            #expect(try await db.count("SELECT COUNT(*) FROM observation_period") == 13)
        }
    }
}
