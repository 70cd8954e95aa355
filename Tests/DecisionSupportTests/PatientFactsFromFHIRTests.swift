import CDMStore
import CDMTestSupport
import DecisionSupport
import Foundation
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// `FHIRFacts` on hand-made prefetches and on the Synthea oncology sample (fhir-synthea-oncology), and its
/// agreement with `Database.patientFacts(personID:)` after the same resources are imported into the CDM.
@Suite("Patient facts from FHIR", .serialized)
struct PatientFactsFromFHIRTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    static let prefetch = """
        {"patient": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1960-05-20"},
         "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [
            {"resource": {"resourceType": "Condition", "id": "c0", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}]}, "onsetDateTime": "2010-01-01"}},
            {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
              "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                             "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "82711006"}]}}],
              "code": {"coding": [{"system": "http://snomed.info/sct", "code": "353431000119107"}]}, "onsetDateTime": "2020-05-20T10:00:00+00:00"}}]},
         "markers": {"resourceType": "Bundle", "type": "searchset", "entry": [
            {"resource": {"resourceType": "Observation", "id": "er", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "85337-4"}]}, "effectiveDateTime": "2020-05-25",
              "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA6576-8"}]}}},
            {"resource": {"resourceType": "Observation", "id": "pr", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "16113-3"}]}, "effectiveDateTime": "2020-05-25",
              "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]}}},
            {"resource": {"resourceType": "Observation", "id": "her2ihc", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "85319-2"}]}, "effectiveDateTime": "2020-05-25",
              "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]}}},
            {"resource": {"resourceType": "Observation", "id": "her2fish", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "85318-4"}]}, "effectiveDateTime": "2020-05-26",
              "valueString": "greater than 2.2"}},
            {"resource": {"resourceType": "Observation", "id": "size", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "33728-7"}]}, "effectiveDateTime": "2020-05-21",
              "valueQuantity": {"value": 2.3, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"}}},
            {"resource": {"resourceType": "Observation", "id": "ct", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "21905-5"}]}, "effectiveDateTime": "2020-05-21",
              "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "1228929004"}]}}},
            {"resource": {"resourceType": "Observation", "id": "other", "status": "final", "subject": {"reference": "Patient/p2"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "21906-3"}]}, "effectiveDateTime": "2020-05-21",
              "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "1229984001"}]}}}]},
         "stage": {"resourceType": "Bundle", "type": "searchset", "entry": [
            {"resource": {"resourceType": "Observation", "id": "sg1", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "21908-9"}]}, "effectiveDateTime": "2020-05-21",
              "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "258219007"}]}}},
            {"resource": {"resourceType": "Observation", "id": "sg2", "status": "final", "subject": {"reference": "Patient/p1"},
              "code": {"coding": [{"system": "http://loinc.org", "code": "21908-9"}]}, "effectiveDateTime": "2020-05-21",
              "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "1222769001"}]}}}]},
         "medications": null,
         "treatments": {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]},
         "administered": {"resourceType": "Bundle", "type": "searchset", "entry": [
            {"resource": {"resourceType": "MedicationAdministration", "id": "m1", "status": "completed", "subject": {"reference": "Patient/p1"},
              "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "198240",
                                                        "display": "Tamoxifen 10 MG Oral Tablet"}]},
              "effectiveDateTime": "2020-07-01"}}]}}
        """

    @Test("a prefetch flattens: Bundles open, null keys and OperationOutcomes drop out")
    func flattensPrefetch() throws {
        let resources = FHIRFacts.resources(fromPrefetch: try Self.parse(Self.prefetch))
        let types = resources.compactMap { $0["resourceType"]?.string }
        #expect(types.count == 13)
        #expect(types.filter { $0 == "Observation" }.count == 9)
        #expect(!types.contains("OperationOutcome") && !types.contains("Bundle"))
        #expect(types.first == "Patient")
        #expect(FHIRFacts.resources(fromPrefetch: try Self.parse(#"{"patient": null}"#)).isEmpty)
    }

    @Test("reads mCODE and Synthea codes from a prefetch")
    func readsPrefetch() throws {
        let resources = FHIRFacts.resources(fromPrefetch: try Self.parse(Self.prefetch))
        let facts = try FHIRFacts.patientFacts(from: resources)
        #expect(facts.sex == .female)
        #expect(facts.cancer == .breast)
        #expect(facts.histology == .ductal)
        #expect(facts.diagnosisDate == CDMDate(year: 2020, month: 5, day: 20))
        #expect(facts.age == 60)
        #expect(facts.erStatus == .positive)
        #expect(facts.prStatus == .negative)
        #expect(facts.her2Status == .positive)  // IHC negative, FISH amplified
        #expect(facts.tumourSizeMM == 23)
        #expect(facts.t?.code == "T2")
        #expect(facts.n == nil)  // the N observation is another patient's
        #expect(facts.stageGroup == "IIB")  // the AJCC sub-stage over the plain "Stage 2"
        #expect(facts.comorbidity == true)
        #expect(facts.priorTreatments == [.endocrineTherapy])

        let early = try FHIRFacts.patientFacts(from: resources, asOf: CDMDate(year: 2020, month: 6, day: 1))
        #expect(early.priorTreatments == nil)
        #expect(early.her2Status == .positive)
        let before = try FHIRFacts.patientFacts(from: resources, asOf: CDMDate(year: 2019, month: 1, day: 1))
        #expect(before.cancer == nil && before.erStatus == nil)
    }

    @Test("driver-gene results keep the variant they name, and a variant reported as not detected is negative",
          arguments: [("L858R", "L858R"), ("EGFR exon 19 deletion", "exon19-deletion"), ("Exon 20 insertion", "exon20-insertion"),
                      ("EGFR L858R not detected", "negative"), ("Detected", "positive")])
    func readsGeneVariants(_ written: String, _ expected: String) throws {
        let resources = FHIRFacts.resources(fromPrefetch: try Self.parse("""
            {"patient": {"resourceType": "Patient", "id": "p2", "gender": "male", "birthDate": "1950-01-01"},
             "conditions": {"resourceType": "Condition", "id": "c", "subject": {"reference": "Patient/p2"},
               "code": {"coding": [{"system": "http://snomed.info/sct", "code": "254637007"}]}, "onsetDateTime": "2024-02-01"},
             "egfr": {"resourceType": "Observation", "id": "egfr", "status": "final", "subject": {"reference": "Patient/p2"},
               "code": {"coding": [{"system": "http://loinc.org", "code": "21665-5"}]}, "effectiveDateTime": "2024-02-10",
               "valueString": "\(written)"},
             "kras": {"resourceType": "Observation", "id": "kras", "status": "final", "subject": {"reference": "Patient/p2"},
               "code": {"text": "KRAS mutation analysis"}, "effectiveDateTime": "2024-02-10",
               "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA11883-8", "display": "Not detected"}]}}}
            """))
        let facts = try FHIRFacts.patientFacts(from: resources)
        #expect(facts.cancer == .lung)
        #expect(facts.lungBiomarkers?[.egfr] == expected)
        #expect(facts.lungBiomarkers?[.kras] == "negative")
    }

    @Test("an impossible value throws, naming the resource")
    func impossibleValue() throws {
        let resources = try [
            Self.parse(#"{"resourceType": "Patient", "id": "p", "gender": "male", "birthDate": "1950"}"#),
            Self.parse(#"{"resourceType": "Condition", "id": "c", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "399068003"}]}, "onsetDateTime": "2021-03-01"}"#),
            Self.parse(#"{"resourceType": "Observation", "id": "psa1", "code": {"coding": [{"system": "http://loinc.org", "code": "2857-1"}]}, "effectiveDateTime": "2021-02-01", "valueQuantity": {"value": -2, "unit": "ng/mL"}}"#),
        ]
        do {
            _ = try FHIRFacts.patientFacts(from: resources)
            Issue.record("expected PatientFactsError")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.field == "psa")
            #expect(error.issues.first?.message.contains("Observation/psa1 valueQuantity") == true)
        }
        var fixed = resources
        fixed[2] = try Self.parse(#"{"resourceType": "Observation", "id": "psa1", "code": {"coding": [{"system": "http://loinc.org", "code": "2857-1"}]}, "effectiveDateTime": "2021-02-01", "valueQuantity": {"value": 7.5, "unit": "ng/mL"}}"#)
        let facts = try FHIRFacts.patientFacts(from: fixed)
        #expect(facts.psa == 7.5)
        #expect(facts.cancer == .prostate)
        #expect(facts.age.map { abs($0 - (70 + 8.0 / 12)) < 0.01 } == true)  // born mid-1950 (year only), diagnosed March 2021

        let badDate = try Self.parse(#"{"resourceType": "Patient", "id": "p", "birthDate": "19x0"}"#)
        #expect(throws: PatientFactsError.self) { try FHIRFacts.patientFacts(from: [badDate]) }
    }

    @Test("mCODE-coded markers read the same after import, also those the vocabulary lacks", arguments: TestDatabases.backends)
    func mcodeImport(_ backend: TestDatabases.Backend) async throws {
        // 254837009 (in the shipped vocabulary) for the diagnosis; PR 16113-3 and the answer LA6576-8 are not in it.
        let resources = FHIRFacts.resources(fromPrefetch: try Self.parse(Self.prefetch.replacingOccurrences(of: "353431000119107", with: "254837009")))
            .filter { $0["subject"]?["reference"]?.string != "Patient/p2" }
        let fhir = try FHIRFacts.patientFacts(from: resources)
        let folder = try TestDatabases.temporaryDirectory()
        try resources.map(\.serialized).joined(separator: "\n").write(toFile: folder + "/prefetch.ndjson", atomically: true, encoding: .utf8)
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            #expect(report.resourcesRejected == 0, "\(report.rejections.prefix(3))")
            let person = try #require(try await db.query("SELECT person_id FROM person WHERE person_source_value = ?",
                                                         [.text(pseudonymizer.pseudonym("p1"))]).first?["person_id"].integerValue)
            let omop = try await db.patientFacts(personID: person)
            #expect(omop.cancer == .breast && fhir.cancer == .breast)
            #expect(omop.diagnosisDate == fhir.diagnosisDate)
            #expect(omop.age == fhir.age)
            #expect(omop.erStatus == .positive && fhir.erStatus == .positive)
            #expect(omop.prStatus == .negative && fhir.prStatus == .negative)
            #expect(omop.her2Status == .positive && fhir.her2Status == .positive)
            #expect(omop.tumourSizeMM == 23 && fhir.tumourSizeMM == 23)
            #expect(omop.t?.code == "T2" && fhir.t?.code == "T2")
            #expect(omop.stageGroup == "II")  // the importer rolls AJCC sub-stages up to the stage
            #expect(omop.comorbidity == true)
        }
    }

    // MARK: The Synthea oncology sample

    static let folder = "fhir-synthea-oncology"

    struct Expected: Decodable {
        struct Patient: Decodable {
            let sex: String
            let cohorts: [String]
        }
        let patients: [String: Patient]
    }

    /// LOINC codes of the README's cancer-related Observation table: what the test keeps of the Observation file.
    static let cancerObservationCodes: Set<String> = [
        "21908-9", "21905-5", "21906-3", "21907-1", "33728-7", "44667-4", "85343-2", "85344-0", "85352-3", "85337-4",
        "85339-0", "10480-2", "85319-2", "85318-4", "21924-6", "2857-1",
    ]

    /// The cancer patients' Patient, Condition, cancer-related Observation, Procedure and medication resources.
    static func sample() throws -> (expected: Expected, resources: [String: [JSONValue]]) {
        let root = ReferenceDatasets.path(folder)
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: root + "/expected.json")))
        let wanted = Set(expected.patients.filter { !$0.value.cohorts.contains("control") }.keys)
        let files = ["Patient.ndjson", "Condition.ndjson.gz", "Observation.ndjson.gz", "Procedure.ndjson.gz",
                     "MedicationRequest.ndjson", "MedicationAdministration.ndjson"].map { root + "/" + $0 }
        let reader = try FHIRInputReader(paths: files)
        var byPatient: [String: [JSONValue]] = [:]
        while let item = try reader.next() {
            guard case .record(let record) = item else { continue }
            let resource = JSONValue.object(record.resource)
            let patient = record.resourceType == "Patient" ? resource["id"]?.string
                : resource["subject"]?["reference"]?.string.map { String($0.dropFirst("Patient/".count)) }
            guard let patient, wanted.contains(patient) else { continue }
            if record.resourceType == "Observation",
               !(resource["code"]?["coding"]?.elements ?? []).contains(where: { cancerObservationCodes.contains($0["code"]?.string ?? "") }) { continue }
            byPatient[patient, default: []].append(resource)
        }
        return (expected, byPatient)
    }

    /// Marker status as the Observations say, read here without FHIRFacts: 10828004 positive, 260385009 negative,
    /// FISH "greater than 2.2" positive; nil when absent or contradictory (HER2: positive if any test is).
    static func status(_ resources: [JSONValue], codes: Set<String>) -> MarkerStatus? {
        var found: Set<MarkerStatus> = []
        for resource in resources where resource["resourceType"]?.string == "Observation" {
            guard let code = resource["code"]?["coding"]?.elements.first?["code"]?.string, codes.contains(code) else { continue }
            switch resource["valueCodeableConcept"]?["coding"]?.elements.first?["code"]?.string ?? resource["valueString"]?.string {
            case "10828004", "greater than 2.2": found.insert(.positive)
            case "260385009", "less than 1.8": found.insert(.negative)
            default: break
            }
        }
        if codes.contains("85319-2") { return found.contains(.positive) ? .positive : found.first }
        return found.count == 1 ? found.first : nil
    }

    @Test("Synthea sample: cancer, sex and receptors of every cancer patient; OMOP agrees after import",
          .enabled(if: ReferenceDatasets.isPresent(folder), "\(ReferenceDatasets.skipReason)"), arguments: TestDatabases.backends)
    func syntheaSample(_ backend: TestDatabases.Backend) async throws {
        let (expected, byPatient) = try Self.sample()
        let cancerPatients = expected.patients.filter { !$0.value.cohorts.contains("control") }
        #expect(cancerPatients.count == 54)
        var fhirFacts: [String: PatientFacts] = [:]
        var receptorPatients = 0
        for (id, patient) in cancerPatients {
            let resources = try #require(byPatient[id])
            let facts = try FHIRFacts.patientFacts(from: resources)
            fhirFacts[id] = facts
            #expect(facts.cancer.map { [$0.rawValue] } == patient.cohorts, "\(id)")
            #expect(facts.sex?.rawValue == patient.sex, "\(id)")
            if facts.cancer == .breast {
                let er = Self.status(resources, codes: ["85337-4"])
                if er != nil { receptorPatients += 1 }
                #expect(facts.erStatus == er, "\(id) ER")
                #expect(facts.prStatus == Self.status(resources, codes: ["85339-0"]), "\(id) PR")
                #expect(facts.her2Status == Self.status(resources, codes: ["85319-2", "85318-4"]), "\(id) HER2")
            }
        }
        #expect(receptorPatients >= 10)

        // The same resources through the importer and the OMOP reader.
        let folder = try TestDatabases.temporaryDirectory()
        var lines: [String] = []
        for resources in byPatient.values {
            let patients = resources.filter { $0["resourceType"]?.string == "Patient" }
            lines += (patients + resources.filter { $0["resourceType"]?.string != "Patient" }).map(\.serialized)
        }
        let ordered = lines.filter { $0.contains(#""resourceType":"Patient""#) } + lines.filter { !$0.contains(#""resourceType":"Patient""#) }
        try ordered.joined(separator: "\n").write(toFile: folder + "/sample.ndjson", atomically: true, encoding: .utf8)
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            #expect(report.resourcesRejected == 0, "\(report.rejections.prefix(3))")
            var staged = 0, withPSA = 0
            for (id, fhir) in fhirFacts {
                let person = try #require(try await db.query("SELECT person_id FROM person WHERE person_source_value = ?",
                                                             [.text(pseudonymizer.pseudonym(id))]).first?["person_id"].integerValue)
                let omop = try await db.patientFacts(personID: person)
                #expect(omop.cancer == fhir.cancer, "\(id)")
                #expect(omop.sex == fhir.sex, "\(id)")
                #expect(omop.diagnosisDate == fhir.diagnosisDate, "\(id)")
                #expect(omop.t == fhir.t && omop.n == fhir.n && omop.m == fhir.m, "\(id) TNM \(omop.t as Any) \(fhir.t as Any)")
                #expect(omop.erStatus == fhir.erStatus && omop.prStatus == fhir.prStatus && omop.her2Status == fhir.her2Status, "\(id) receptors")
                #expect(omop.psa == fhir.psa, "\(id) PSA")
                if omop.t != nil && omop.n != nil && omop.m != nil && omop.erStatus != nil { staged += 1 }
                if omop.psa != nil { withPSA += 1 }
            }
            // Synthea stages every breast cancer (18) and measures PSA around most prostate diagnoses.
            #expect(staged >= 15, "\(staged) staged breast patients")
            #expect(withPSA >= 5, "\(withPSA) prostate patients with a PSA at diagnosis")
        }
    }
}
