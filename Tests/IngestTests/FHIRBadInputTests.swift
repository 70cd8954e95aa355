import CDMStore
import CDMTestSupport
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// Bad input is reported with its file and line, counted, and leaves no row behind; the good resources
/// around it are imported all the same and the report still balances.
@Suite struct FHIRBadInputTests {
    typealias F = FHIRFixtures

    /// Good and bad resources side by side, each bad one on a known line.
    static func badExport() throws -> String {
        var noID = F.patient("x"), noSubject = F.condition("c-nosubject", patient: "p1", code: "254837009", onset: "2020-01-01")
        noID["id"] = nil
        noSubject["subject"] = nil
        var dstu2 = F.condition("c-dstu2", patient: "p1", code: "254837009", onset: "2020-01-01")
        dstu2["subject"] = nil
        dstu2["patient"] = F.reference("Patient", "p1")
        return try F.folder([
            "Patient.ndjson": [
                try F.line(F.patient("p1")),
                #"{"resourceType":"Patient","id":"broken""#,  // 2: malformed JSON
                #"[{"resourceType":"Patient","id":"in-array"}]"#,  // 3: an array, not a resource
                try F.line(F.patient("p-nobirth", birthDate: nil)),  // 4
                try F.line(noID),  // 5
                try F.line(F.patient("p2", gender: "male")),
            ],
            "Condition.ndjson": [
                try F.line(F.condition("c1", patient: "p1", code: "254837009", onset: "2020-01-01")),
                try F.line(dstu2),  // 2
                try F.line(noSubject),  // 3
                try F.line(F.condition("c-stranger", patient: "nobody", code: "254837009", onset: "2020-01-01")),  // 4
                try F.line(F.condition("c-baddate", patient: "p1", code: "254837009", onset: "2020-13-45")),  // 5
                try F.line(F.condition("c2", patient: "p2", code: "254637007", onset: "2021-06-30")),
            ],
            "Foo.ndjson": [#"{"resourceType":"Foo","id":"f1"}"#],
            "MedicationOrder.ndjson": [
                #"{"resourceType":"MedicationOrder","id":"mo1","patient":{"reference":"Patient/p1"},"dateWritten":"2020-01-01"}"#,
            ],
        ])
    }

    @Test(arguments: TestDatabases.backends)
    func reportsEachBadResourceWithItsLineAndImportsTheRest(_ backend: TestDatabases.Backend) async throws {
        let folder = try Self.badExport()
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)

            let byLocation = Dictionary(report.rejections.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
            func reason(_ location: String) -> String { byLocation[location]?.reason ?? "(not reported)" }
            #expect(report.rejections.count == 10, "\(report.rejections)")
            #expect(byLocation["Patient.ndjson:2"]?.resourceType == nil)
            #expect(reason("Patient.ndjson:2").contains("invalid JSON"))
            #expect(reason("Patient.ndjson:3").contains("array"))
            #expect(reason("Patient.ndjson:4").contains("birthDate"))
            #expect(reason("Patient.ndjson:5").contains("id"))
            #expect(reason("Condition.ndjson:2").contains("FHIR R4"))
            #expect(reason("Condition.ndjson:3").contains("subject"))
            #expect(reason("Condition.ndjson:4").contains("subject") && reason("Condition.ndjson:4").contains("Patient"))
            #expect(reason("Condition.ndjson:5").contains("onsetDateTime"))
            #expect(reason("Foo.ndjson:1").contains("Foo"))
            #expect(reason("MedicationOrder.ndjson:1").contains("FHIR R4") && reason("MedicationOrder.ndjson:1").contains("DSTU2"))
            #expect(byLocation["Condition.ndjson:5"]?.resourceType == "Condition")

            // Counted per type, and every resource read accounted for.
            #expect(report.isBalanced)
            #expect(report.resources["(unreadable)"]?.rejectedCount == 2)
            #expect(report.resources["Patient"]?.read == 4)
            #expect(report.resources["Patient"]?.written == 2)
            #expect(report.resources["Patient"]?.rejectedCount == 2)
            #expect(report.resources["Condition"]?.written == 2)
            #expect(report.resources["Condition"]?.rejectedCount == 4)
            #expect(report.resources["Foo"]?.rejectedCount == 1)
            #expect(report.resources["MedicationOrder"]?.rejectedCount == 1)
            #expect(report.resourcesRejected == 10)

            // The good lines after the bad ones are in; the bad ones left nothing.
            #expect(try await db.count("SELECT COUNT(*) FROM person") == 2)
            #expect(try await db.count("SELECT COUNT(*) FROM person WHERE person_source_value = ?", [.text(pseudonymizer.pseudonym("p2"))]) == 1)
            #expect(try await db.count("SELECT COUNT(*) FROM condition_occurrence") == 2)
            #expect(try await db.count("SELECT COUNT(*) FROM condition_occurrence WHERE condition_start_date = ?",
                                       [.date(.init(year: 2021, month: 6, day: 30)!)]) == 1)
            for table in ["death", "observation", "measurement", "drug_exposure", "visit_occurrence", "procedure_occurrence"] {
                #expect(try await db.count("SELECT COUNT(*) FROM \(table)") == 0, "\(table)")
            }
            // Only written resources are remembered as imported: a corrected re-export may bring the others in.
            #expect(try await db.count("SELECT COUNT(*) FROM optima_fhir_resource") == report.resourcesWritten)
        }
    }

    /// A resource rejected half-way through its mapping (the person row made, then an invalid death date)
    /// leaves no row, and nothing of it is used by the resources after it: a second patient at the same
    /// address must get a location row of its own, not the rejected patient's unwritten one.
    @Test(arguments: TestDatabases.backends)
    func aResourceRejectedHalfWayLeavesNoRowAndNoDanglingReference(_ backend: TestDatabases.Backend) async throws {
        let folder = try F.folder(resources: [
            F.patient("p-baddeath", deceased: "2020-02-30T10:00:00Z", city: "Shelbyville"),
            F.patient("p-good", city: "Shelbyville"),
        ])
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: Pseudonymizer(secrets: .generate()))
            #expect(report.rejections.map(\.location) == ["Patient.ndjson:1"])
            #expect(report.rejections.first?.reason.contains("deceasedDateTime") == true)
            #expect(try await db.count("SELECT COUNT(*) FROM person") == 1)
            #expect(try await db.count("SELECT COUNT(*) FROM death") == 0)
            let locations = try await db.query("SELECT location_id FROM location").compactMap { $0["location_id"].integerValue }
            let personLocation = try await db.query("SELECT location_id FROM person").first?["location_id"].integerValue
            #expect(locations.count == 1, "person.location_id \(String(describing: personLocation)), locations \(locations)")
            #expect(try await db.count("""
                SELECT COUNT(*) FROM person p JOIN location l ON l.location_id = p.location_id WHERE l.city = 'Shelbyville'
                """) == 1)
        }
    }
}
