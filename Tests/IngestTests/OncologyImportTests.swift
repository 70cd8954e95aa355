import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// Acceptance on the oncology sample (74 Synthea patients, fhir-synthea-oncology): every resource is
/// accounted for, the facts of the folder's expected.json come back out of the CDM, and the breast, lung
/// and prostate cohort definitions find their patients.
@Suite(.serialized) struct OncologyImportTests {
    static let folder = "fhir-synthea-oncology"

    struct Expected: Decodable {
        struct Patient: Decodable {
            let sex: String
            let birthDate: String
            let deceasedDate: String?
            let cohorts: [String]
            let cancer_conditions: [[String]]
        }

        let patient_count: Int
        let resource_counts: [String: Int]
        let cohort_patient_counts: [String: Int]
        let patients: [String: Patient]
    }

    static func expected() throws -> Expected {
        let url = URL(fileURLWithPath: ReferenceDatasets.path("\(folder)/expected.json"))
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent(folder), "\(ReferenceDatasets.skipReason)"), arguments: TestDatabases.backends)
    func importsTheOncologySampleFaithfully(_ backend: TestDatabases.Backend) async throws {
        let expected = try Self.expected()
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([ReferenceDatasets.path(Self.folder)], pseudonymizer: pseudonymizer)

            // Every resource accounted for, per type, and the counts those of the export.
            #expect(report.isBalanced)
            #expect(report.resources.mapValues(\.read) == expected.resource_counts)
            #expect(report.resourcesRejected == 0, "\(report.rejections.prefix(5))")
            #expect(try await db.count("SELECT COUNT(*) FROM person") == expected.patient_count)

            // Sex, birth date, death and every cancer condition with its onset date, patient by patient.
            var mismatches: [String] = []
            for (id, patient) in expected.patients {
                let rows = try await db.query("""
                    SELECT person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth FROM person WHERE person_source_value = ?
                    """, [.text(pseudonymizer.pseudonym(id))])
                guard let person = rows.first, let personID = person["person_id"].integerValue else {
                    mismatches.append("\(id): no person")
                    continue
                }
                let gender = patient.sex == "male" ? ConceptID.Gender.male : ConceptID.Gender.female
                let birth = [person["year_of_birth"], person["month_of_birth"], person["day_of_birth"]].map { $0.integerValue ?? 0 }
                let birthParts = patient.birthDate.split(separator: "-").map { Int64($0)! }
                if person["gender_concept_id"].integerValue != gender || birth != birthParts { mismatches.append("\(id): sex or birth") }
                let death = try await db.query("SELECT death_date FROM death WHERE person_id = ?", [.integer(personID)]).first?["death_date"].dateValue
                if death.map(String.init(describing:)) != patient.deceasedDate { mismatches.append("\(id): death") }
                let codes = Set(patient.cancer_conditions.map { $0[0] })
                let list = codes.map { "'\($0)'" }.joined(separator: ", ")
                let found = codes.isEmpty ? [] : try await db.query("""
                    SELECT condition_source_value AS code, condition_start_date AS day FROM condition_occurrence
                    WHERE person_id = ? AND condition_source_value IN (\(list))
                    UNION ALL SELECT observation_source_value, observation_date FROM observation
                    WHERE person_id = ? AND observation_source_value IN (\(list))
                    """, [.integer(personID), .integer(personID)]).map { "\($0["code"].textValue ?? "") \($0["day"].dateValue.map(String.init(describing:)) ?? "")" }
                let wanted = patient.cancer_conditions.map { "\($0[0]) \($0[1])" }
                if found.sorted() != wanted.sorted() { mismatches.append("\(id): cancer conditions \(found.sorted()) vs \(wanted.sorted())") }
            }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")

            // Tumour markers and stage, against the counts of the folder's README: ER 14 positive / 4 negative; 28 PSA
            // values in 0.64–27.18 ng/mL; the 35 stage groups as Cancer Modifier stages (AJCC sub-stages rolled up:
            // IA+1 → 16, IIA+IIB+2 → 12, IIIA+3 → 6, 4 → 1), each linked to a breast cancer diagnosis of the same person.
            let er = try await db.query("""
                SELECT value_as_concept_id AS v, COUNT(*) AS n FROM measurement WHERE measurement_source_value = '85337-4' GROUP BY value_as_concept_id
                """).reduce(into: [Int64: Int64]()) { $0[$1["v"].integerValue ?? -1] = $1["n"].integerValue }
            #expect(er == [ConceptID.Value.positive: 14, ConceptID.Value.negative: 4])
            let psa = try await db.query("""
                SELECT COUNT(*) AS n, MIN(value_as_number) AS low, MAX(value_as_number) AS high, MIN(unit_concept_id) AS unit, MAX(unit_concept_id) AS unit2
                FROM measurement WHERE measurement_concept_id = ?
                """, [.integer(ConceptID.Marker.psa)])[0]
            #expect(psa["n"].integerValue == 28)
            #expect(abs((psa["low"].doubleValue ?? 0) - 0.64) < 0.005 && abs((psa["high"].doubleValue ?? 0) - 27.18) < 0.005)
            #expect(psa["unit"].integerValue == ConceptID.Unit.nanogramPerMillilitre && psa["unit2"].integerValue == ConceptID.Unit.nanogramPerMillilitre)
            let stages = try await db.query("""
                SELECT m.measurement_concept_id AS stage, COUNT(*) AS n, SUM(CASE WHEN c.condition_concept_id = ? AND c.person_id = m.person_id
                    AND m.meas_event_field_concept_id = ? THEN 1 ELSE 0 END) AS linked
                FROM measurement m LEFT JOIN condition_occurrence c ON c.condition_occurrence_id = m.measurement_event_id
                WHERE m.measurement_source_value = '21908-9' GROUP BY m.measurement_concept_id
                """, [.integer(ConceptID.Cancer.malignantTumorOfBreast), .integer(ConceptID.Field.conditionOccurrenceID)])
            let stageCounts = stages.reduce(into: [Int64: Int64]()) { $0[$1["stage"].integerValue ?? -1] = $1["n"].integerValue }
            #expect(stageCounts == Dictionary(uniqueKeysWithValues: zip(ConceptID.Modifier.stages, [16, 12, 6, 1])))
            #expect(stages.allSatisfy { $0["n"].integerValue == $0["linked"].integerValue })

            // The three cancers' cohort definitions find exactly their cohorts' patients.
            for cancer in ["breast", "lung", "prostate"] {
                let url = Self.repository.appendingPathComponent("examples/cohorts/\(cancer)-cancer.json")
                let definition = try CohortExpression.parse(try Data(contentsOf: url))
                let cohortID: Int64 = ["breast": 1, "lung": 2, "prostate": 3][cancer]!
                _ = try await db.generateCohort(definition, cohortID: cohortID)
                let subjects = Set(try await db.query("SELECT p.person_source_value AS p FROM cohort c JOIN person p ON p.person_id = c.subject_id WHERE cohort_definition_id = ?",
                                                      [.integer(cohortID)]).compactMap { $0["p"].textValue })
                let members = Set(expected.patients.filter { $0.value.cohorts.contains(cancer) }.map { pseudonymizer.pseudonym($0.key) })
                #expect(members.count == expected.cohort_patient_counts[cancer])
                #expect(subjects == members, "\(cancer) on \(backend)")
            }
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
