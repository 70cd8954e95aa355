import CDMStore
import CDMTestSupport
import Foundation
import Ingest
import OMOP
import Synthetic
import Testing

/// OMOP → FHIR R4 on both backends: the bulk export accounts for every row, each line is valid JSON, cancer data
/// is mCODE-shaped, one person's Bundle holds only that person, and every element of the mapping is as documented.
@Suite struct FHIRExportTests {
    static let settings = GenerationSettings(persons: 300, seed: 7)

    /// OMOP table(s) → the resource type their rows become.
    static let sources: [String: [String]] = [
        "Patient": ["person"], "Encounter": ["visit_occurrence"], "Condition": ["condition_occurrence"],
        "Observation": ["measurement", "observation"], "MedicationStatement": ["drug_exposure"], "Procedure": ["procedure_occurrence"],
    ]

    static func count(_ table: String, _ db: any Database, personID: Int64? = nil) async throws -> Int {
        let filter = personID.map { " WHERE person_id = \($0)" } ?? ""
        return Int(try await db.query("SELECT COUNT(*) AS n FROM \(table)\(filter)").first?["n"].integerValue ?? -1)
    }

    /// The resources of an NDJSON file, each line parsed on its own by Foundation's parser.
    static func resources(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { line, json in
            try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(path):\(line + 1)")
        }
    }

    @Test(arguments: TestDatabases.backends)
    func bulkExportWritesOneValidResourcePerRow(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            let directory = try TestDatabases.temporaryDirectory() + "/bulk"
            let summary = try await db.exportFHIR(to: directory)
            var byType: [String: [[String: Any]]] = [:]
            for (type, tables) in Self.sources {
                var expected = 0
                for table in tables { expected += try await Self.count(table, db) }
                let resources = try Self.resources(directory + "/\(type).ndjson")
                #expect(resources.count == expected, "\(type)")
                #expect(summary.resourcesByType[type] == expected, "\(type)")
                #expect(resources.allSatisfy { $0["resourceType"] as? String == type })
                #expect(Set(resources.compactMap { $0["id"] as? String }).count == expected, "\(type) ids are unique")
                byType[type] = resources
            }
            #expect(Set(summary.files.map { ($0 as NSString).lastPathComponent }) == Set(Self.sources.keys.map { "\($0).ndjson" }))

            // A list of persons longer than a batch, with ids the CDM does not hold and a repeat, gives the same export.
            let listed = try await db.exportFHIR(to: directory + "-listed", personIDs: Array(1...1_200) + [1])
            #expect(listed.resourcesByType == summary.resourcesByType)
            #expect(try String(contentsOfFile: directory + "-listed/Observation.ndjson", encoding: .utf8)
                == String(contentsOfFile: directory + "/Observation.ndjson", encoding: .utf8))

            let patients = Set(byType["Patient", default: []].compactMap { $0["id"] as? String }.map { "Patient/" + $0 })
            let conditions = byType["Condition", default: []]
            #expect(conditions.allSatisfy { Self.reference($0["subject"]).map(patients.contains) == true }, "every subject resolves")

            let mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
            let cancer = try #require(try await db.query("SELECT condition_occurrence_id FROM condition_occurrence WHERE condition_concept_id = ?",
                                                         [.integer(ConceptID.Cancer.malignantTumorOfBreast)]).first?[0].integerValue)
            let cancerCondition = try #require(conditions.first { $0["id"] as? String == "condition-\(cancer)" })
            #expect(Self.profiles(cancerCondition) == [mcode + "mcode-primary-cancer-condition"])
            #expect(conditions.contains { Self.profiles($0).isEmpty }, "comorbidities carry no cancer profile")

            let stage = try #require(try await db.query(
                "SELECT measurement_id, measurement_event_id FROM measurement WHERE measurement_concept_id = ? AND meas_event_field_concept_id = ?",
                [.integer(ConceptID.Modifier.stages[1]), .integer(ConceptID.Field.conditionOccurrenceID)]).first)
            let stageObservation = try #require(byType["Observation", default: []].first { $0["id"] as? String == "measurement-\(stage[0].integerValue ?? 0)" })
            let focus = try #require(stageObservation["focus"] as? [[String: Any]])
            #expect(focus.first?["reference"] as? String == "Condition/condition-\(stage[1].integerValue ?? 0)")
            #expect(Self.profiles(stageObservation) == [mcode + "mcode-tnm-stage-group"])
            let coding = try #require((stageObservation["code"] as? [String: Any])?["coding"] as? [[String: Any]])
            #expect(coding.last?["code"] as? String == String(ConceptID.Modifier.stages[1]))
        }
    }

    @Test(arguments: TestDatabases.backends)
    func everythingHoldsOnlyThatPersonsResources(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            let personID = try #require(try await db.query(
                "SELECT person_id FROM condition_occurrence WHERE condition_concept_id = ? ORDER BY person_id",
                [.integer(ConceptID.Cancer.malignantTumorOfBreast)]).first?[0].integerValue)
            let bundle = try JSONSerialization.jsonObject(with: Data(JSONValue.object(try await db.fhirEverything(personID: personID)).serialized.utf8)) as? [String: Any]
            #expect(bundle?["resourceType"] as? String == "Bundle" && bundle?["type"] as? String == "searchset")
            let resources = try #require(bundle?["entry"] as? [[String: Any]]).compactMap { $0["resource"] as? [String: Any] }
            var expected = 0
            for tables in Self.sources.values { for table in tables { expected += try await Self.count(table, db, personID: personID) } }
            #expect(resources.count == expected)
            #expect(bundle?["total"] as? Int == expected)
            #expect(resources.first?["id"] as? String == "person-\(personID)")
            let others = resources.dropFirst().filter {
                Self.reference($0["subject"]) != "Patient/person-\(personID)"
            }
            #expect(others.isEmpty, "\(others.count) resources of another person")
            #expect(resources.contains { Self.profiles($0).contains { $0.hasSuffix("mcode-primary-cancer-condition") } })

            await #expect(throws: FHIRExportError.unknownPerson(999_999)) { try await db.fhirEverything(personID: 999_999) }
        }
    }

    /// A hand-made record whose every mapped element is checked: demographics, dates and datetimes, codings in
    /// order (source, then standard), a concept-0 code as text, units, values, modifiers and periods.
    @Test(arguments: TestDatabases.backends)
    func everyElementMapsAsDocumented(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            try await db.createSchema()
            try await FHIRExportRecord.insert(into: db)
            let bundle = try JSONSerialization.jsonObject(with: Data(JSONValue.object(try await db.fhirEverything(personID: 1)).serialized.utf8)) as? [String: Any]
            let resources = try #require(bundle?["entry"] as? [[String: Any]]).compactMap { $0["resource"] as? [String: Any] }
            func resource(_ id: String) throws -> [String: Any] { try #require(resources.first { $0["id"] as? String == id }, "\(id)") }

            let patient = try resource("person-1")
            #expect(patient["gender"] as? String == "female")
            #expect(patient["birthDate"] as? String == "1961")
            #expect(patient["deceasedDateTime"] as? String == "2023-05-06")
            #expect(patient["identifier"] == nil)
            let extensions = try #require(patient["extension"] as? [[String: Any]])
            #expect(extensions.map { $0["url"] as? String } == ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
                                                                "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"])
            let race = (extensions[0]["extension"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any]
            #expect(race?["code"] as? String == "2028-9" && race?["system"] as? String == "urn:oid:2.16.840.1.113883.6.238")
            let ethnicity = (extensions[1]["extension"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any]
            #expect(ethnicity?["code"] as? String == "2186-5")

            let encounter = try resource("visit-10")
            #expect(encounter["status"] as? String == "finished")
            #expect((encounter["class"] as? [String: Any])?["code"] as? String == "IMP")
            #expect(encounter["period"] as? [String: String] == ["start": "2020-01-02T08:30:00Z", "end": "2020-01-05"])
            #expect(Self.reference(encounter["subject"]) == "Patient/person-1")

            let cancer = try resource("condition-20")
            #expect(Self.profiles(cancer) == ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"])
            // The standard concept first (an importer takes the first coding it can map), then the source code.
            #expect(Self.codings(cancer["code"]) == ["http://snomed.info/sct|254837009", "http://hl7.org/fhir/sid/icd-10-cm|C50.919"])
            #expect(Self.codes(cancer["clinicalStatus"]) == ["active"])
            #expect(Self.codes(cancer["verificationStatus"]) == ["confirmed"])
            #expect((cancer["category"] as? [Any]).map { Self.codes($0[0]) } == ["encounter-diagnosis"])
            #expect(Self.reference(cancer["encounter"]) == "Encounter/visit-10")
            #expect(cancer["onsetDateTime"] as? String == "2020-01-03")
            #expect(cancer["abatementDateTime"] == nil)

            let local = try resource("condition-21")
            #expect(local["code"] as? [String: String] == ["text": "local-xyz"])
            #expect(Self.codes(local["clinicalStatus"]) == ["resolved"])
            #expect(local["abatementDateTime"] as? String == "2020-03-01")
            #expect(local["meta"] == nil)

            let psa = try resource("measurement-30")
            #expect(psa["status"] as? String == "final")
            #expect((psa["category"] as? [Any]).map { Self.codes($0[0]) } == ["laboratory"])
            #expect(psa["effectiveDateTime"] as? String == "2020-01-03T10:15:00Z")
            let quantity = try #require(psa["valueQuantity"] as? [String: Any])
            #expect(quantity["value"] as? Double == 4.2 && quantity["unit"] as? String == "ng/mL")
            #expect(quantity["system"] as? String == "http://unitsofmeasure.org" && quantity["code"] as? String == "ng/mL")
            #expect(psa["focus"] == nil && psa["meta"] == nil)

            let stage = try resource("measurement-31")
            #expect(Self.reference((stage["focus"] as? [Any])?.first) == "Condition/condition-20")
            #expect(Self.profiles(stage) == ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-stage-group"])
            #expect(Self.codings(stage["code"]) == ["https://fhir-terminology.ohdsi.org|1635838"])
            #expect(Self.codings(stage["valueCodeableConcept"]) == ["http://snomed.info/sct|10828004"])

            let smoking = try resource("observation-40")
            #expect(smoking["valueString"] as? String == "smoker")
            #expect(smoking["category"] == nil)
            #expect(Self.codings(smoking["code"]) == ["https://fhir-terminology.ohdsi.org|2000000999"], "an id the vocabulary lacks is kept")

            let drug = try resource("drug-50")
            #expect(drug["status"] as? String == "completed")
            #expect(Self.codings(drug["medicationCodeableConcept"]) == ["http://www.nlm.nih.gov/research/umls/rxnorm|42375"])
            #expect(drug["effectivePeriod"] as? [String: String] == ["start": "2020-01-10", "end": "2020-04-10"])
            #expect(Self.reference(drug["context"]) == "Encounter/visit-10")

            let biopsy = try resource("procedure-60")
            #expect(biopsy["performedPeriod"] as? [String: String] == ["start": "2020-01-04", "end": "2020-01-04"])
            #expect(biopsy["performedDateTime"] == nil)
            #expect(resources.allSatisfy { $0["id"] as? String != "procedure-61" }, "person 2's procedure is not person 1's")

            let other = try JSONSerialization.jsonObject(with: Data(JSONValue.object(try await db.fhirEverything(personID: 2)).serialized.utf8)) as? [String: Any]
            let otherResources = (other?["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
            #expect(otherResources.first?["gender"] as? String == "unknown")
            #expect(otherResources.first?["birthDate"] as? String == "1950-03")
            let procedure = try #require(otherResources.first { $0["id"] as? String == "procedure-61" })
            #expect(procedure["performedDateTime"] as? String == "2021-06-07" && procedure["code"] == nil)
        }
    }

    @Test func aFolderThatCannotBeMadeIsAClearError() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createSchema()
            let file = try TestDatabases.temporaryDirectory() + "/file"
            try Data().write(to: URL(fileURLWithPath: file))
            await #expect(throws: FHIRExportError.cannotWrite(file + "/out")) { try await db.exportFHIR(to: file + "/out") }
        }
    }

    static func reference(_ value: Any?) -> String? {
        (value as? [String: Any])?["reference"] as? String
    }

    static func profiles(_ resource: [String: Any]) -> [String] {
        (resource["meta"] as? [String: Any])?["profile"] as? [String] ?? []
    }

    /// `system|code` of each coding, in order.
    static func codings(_ concept: Any?) -> [String] {
        ((concept as? [String: Any])?["coding"] as? [[String: Any]] ?? []).map { "\($0["system"] as? String ?? "")|\($0["code"] as? String ?? "")" }
    }

    static func codes(_ concept: Any?) -> [String] {
        ((concept as? [String: Any])?["coding"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }
}
