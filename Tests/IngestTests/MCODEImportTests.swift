import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// mCODE's cancer condition: its ICD-O-3 histology and body site name the diagnosis concept, and the
/// staging Observations it lists in `stage.assessment` become modifiers of that diagnosis.
struct MCODEImportTests {
    typealias F = FHIRFixtures
    static let icdo3 = "http://terminology.hl7.org/CodeSystem/icd-o-3"

    @Test(arguments: TestDatabases.backends)
    func histologyAndBodySiteNameTheDiagnosisAndStageAssessmentsLinkToIt(_ backend: TestDatabases.Backend) async throws {
        var condition = F.condition("c1", patient: "p1", code: "254637007", onset: "2019-05-02")
        condition["extension"] = [["url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                                   "valueCodeableConcept": F.concept(Self.icdo3, "8140/3")]]
        condition["bodySite"] = [F.concept(Self.icdo3, "C34.1")]
        condition["stage"] = [["assessment": [F.reference("Observation", "o1")]]]
        // The stage group does not name its diagnosis itself, and a later colon cancer would otherwise be "the latest diagnosis".
        let stage = F.observation("o1", patient: "p1", code: "21908-9", date: "2019-06-01",
                                  value: ["valueCodeableConcept": F.concept(F.snomed, "258224005")])
        let colon = F.condition("c2", patient: "p1", code: "363406005", onset: "2019-05-20")
        let folder = try F.folder(resources: [F.patient("p1"), condition, colon, stage])
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: Pseudonymizer(secrets: .generate()))
            #expect(report.resourcesRejected == 0 && report.isBalanced)
            let lung = try #require(try await db.query("""
                SELECT condition_occurrence_id AS id, condition_concept_id AS concept, condition_source_value AS code FROM condition_occurrence
                WHERE condition_start_date = ?
                """, [.date(CDMDate("2019-05-02")!)]).first)
            #expect(lung["concept"].integerValue == 44_499_882)  // Adenocarcinoma, NOS, of upper lobe, lung (ICDO3 8140/3-C34.1)
            #expect(lung["code"].textValue == "8140/3-C34.1")
            let modifier = try #require(try await db.query("SELECT measurement_concept_id AS concept, measurement_event_id AS event FROM measurement").first)
            #expect(modifier["concept"].integerValue == ConceptID.Modifier.stages[2])
            #expect(modifier["event"].integerValue == lung["id"].integerValue)
        }
    }
}
