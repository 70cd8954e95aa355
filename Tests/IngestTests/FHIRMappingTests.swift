import CDMStore
import CDMTestSupport
import Governance
import Ingest
import OMOP
import Synthetic
import Testing

/// The mapping rules of the FHIR-to-OMOP reference (sections 2, 3 and 4.5), one small hand-written R4
/// resource each, checked in the rows they become.
@Suite struct FHIRMappingTests {
    typealias F = FHIRFixtures

    static let patientID = "pat-1"

    /// One breast-cancer patient with a bit of everything. Events span 2012-09-16 (the first encounter,
    /// written late in the evening with a −04:00 offset) to 2016-01-05 (a PSA).
    static func resources() -> [F.Resource] {
        let p = patientID
        var panel = F.observation("bp", patient: p, code: "85354-9", date: "2014-03-03")
        panel["component"] = [
            ["code": F.concept(F.loinc, "8480-6"), "valueQuantity": F.quantity(120, "mm[Hg]")],
            ["code": F.concept(F.loinc, "8462-4"), "valueQuantity": F.quantity(80, "mm[Hg]")],
        ]
        return [
            F.patient(p, gender: "female", birthDate: "1960-03-15", deceased: "2020-05-01T10:00:00+02:00",
                      race: "2106-3", ethnicity: "2186-5"),
            F.encounter("e-amb", patient: p, classCode: "AMB", start: "2012-09-16T23:31:36.535651-04:00", end: "2012-09-17T00:10:00-04:00"),
            F.encounter("e-imp", patient: p, classCode: "IMP", start: "2013-05-01T08:00:00Z", end: "2013-05-04T12:00:00Z"),
            F.encounter("e-emer", patient: p, classCode: "EMER", start: "2013-11-20T22:00:00Z", end: "2013-11-20T23:30:00Z"),
            F.condition("c-suspected", patient: p, code: "162573006", onset: "2014-06-01"),
            F.condition("c-breast", patient: p, code: "254837009", onset: "2015-02-01T09:00:00+01:00", encounter: "e-emer"),
            panel,
            F.observation("hr-neg", patient: p, system: "LOINC", code: "417181009", date: "2015-02-08",
                          value: ["valueCodeableConcept": F.concept(F.snomed, "260385009")]),
            F.observation("er", patient: p, code: "85337-4", date: "2015-02-09",
                          value: ["valueCodeableConcept": F.concept(F.snomed, "10828004")]),
            F.observation("stage", patient: p, code: "21908-9", date: "2015-02-10",
                          value: ["valueCodeableConcept": F.concept(F.snomed, "258219007")]),
            F.medicationAdministration("chemo", patient: p, rxnorm: "1736854", date: "2015-03-01T10:00:00Z", reason: "c-breast"),
            F.observation("psa", patient: p, code: "2857-1", date: "2016-01-05", value: ["valueQuantity": F.quantity(4.2, "ng/mL")]),
        ]
    }

    /// Imports the fixture into a fresh database on `backend` and hands the database, report and person id to `body`.
    static func withImport(_ backend: TestDatabases.Backend,
                           _ body: (any Database, FHIRImportReport, Int64, Pseudonymizer) async throws -> Void) async throws {
        let folder = try F.folder(resources: resources())
        let pseudonymizer = Pseudonymizer(secrets: .generate())
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.installOncologyVocabulary()
            let report = try await db.importFHIR([folder], pseudonymizer: pseudonymizer)
            #expect(report.isBalanced)
            #expect(report.resourcesRejected == 0, "\(report.rejections)")
            let person = try #require(try await db.query("SELECT person_id FROM person").first?["person_id"].integerValue)
            try await body(db, report, person, pseudonymizer)
        }
    }

    static func day(_ text: String) -> CDMDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CDMDate(year: parts[0], month: parts[1], day: parts[2])!
    }

    @Test(arguments: TestDatabases.backends)
    func patientBecomesPersonWithUSCoreConceptsAndDeath(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, _, person, pseudonymizer in
            let row = try #require(try await db.query("SELECT * FROM person").first)
            #expect(row["gender_concept_id"].integerValue == ConceptID.Gender.female)
            #expect(row["race_concept_id"].integerValue == ConceptID.Race.white)
            #expect(row["ethnicity_concept_id"].integerValue == ConceptID.Ethnicity.notHispanic)
            #expect(row["year_of_birth"].integerValue == 1960)
            #expect(row["month_of_birth"].integerValue == 3)
            #expect(row["day_of_birth"].integerValue == 15)
            #expect(row["person_source_value"].textValue == pseudonymizer.pseudonym(Self.patientID))
            let death = try await db.query("SELECT death_date, death_type_concept_id FROM death WHERE person_id = ?", [.integer(person)])
            #expect(death.count == 1)
            #expect(death.first?["death_date"].dateValue == Self.day("2020-05-01"))
            #expect(death.first?["death_type_concept_id"].integerValue == ConceptID.TypeConcept.ehr)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func bloodPressurePanelGivesOneMeasurementPerComponent(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, _, _, _ in
            let rows = try await db.query("""
                SELECT measurement_source_value AS code, measurement_concept_id AS concept, value_as_number AS value,
                    unit_concept_id AS unit, unit_source_value AS unit_text
                FROM measurement WHERE measurement_date = ? ORDER BY measurement_source_value
                """, [.date(Self.day("2014-03-03"))])
            #expect(rows.map { $0["code"].textValue } == ["8462-4", "8480-6"])
            #expect(rows.map { $0["concept"].integerValue } == [3_012_888, 3_004_249])
            #expect(rows.map { $0["value"].doubleValue } == [80, 120])
            #expect(rows.map { $0["unit_text"].textValue } == ["mm[Hg]", "mm[Hg]"])
            #expect(rows.map { $0["unit"].integerValue } == [8876, 8876])
        }
    }

    @Test(arguments: TestDatabases.backends)
    func observationDomainConditionLandsInObservation(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, _, _, _ in
            let rows = try await db.query("SELECT observation_concept_id, observation_date FROM observation WHERE observation_source_value = '162573006'")
            #expect(rows.count == 1)
            #expect(rows.first?["observation_concept_id"].integerValue == 4_038_238)
            #expect(rows.first?["observation_date"].dateValue == Self.day("2014-06-01"))
            #expect(try await db.count("SELECT COUNT(*) FROM condition_occurrence WHERE condition_source_value = '162573006'") == 0)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func invalidLOINCCodeIsKeptWithConceptZeroAndCounted(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, report, _, _ in
            let rows = try await db.query("SELECT measurement_concept_id FROM measurement WHERE measurement_source_value = '417181009'")
            #expect(rows.map { $0["measurement_concept_id"].integerValue } == [0])
            let unmapped = report.unmappedCodes.first { $0.code == "417181009" }
            #expect(unmapped?.system == "LOINC")
            #expect(unmapped?.count == 1)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func tumourMarkersGetTheirConceptsValuesAndUnits(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, _, _, _ in
            let psa = try #require(try await db.query("""
                SELECT measurement_concept_id, value_as_number, unit_concept_id, meas_event_field_concept_id FROM measurement
                WHERE measurement_source_value = '2857-1'
                """).first)
            #expect(psa["measurement_concept_id"].integerValue == 3_013_603)
            #expect(psa["value_as_number"].doubleValue == 4.2)
            #expect(psa["unit_concept_id"].integerValue == ConceptID.Unit.nanogramPerMillilitre)
            let er = try #require(try await db.query("""
                SELECT measurement_concept_id, value_as_concept_id FROM measurement WHERE measurement_source_value = '85337-4'
                """).first)
            #expect(er["measurement_concept_id"].integerValue == 36_203_168)
            #expect(er["value_as_concept_id"].integerValue == ConceptID.Value.positive)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func stageIsACancerModifierLinkedToTheDiagnosisWithAnEpisode(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, report, person, _ in
            let diagnosis = try #require(try await db.query("""
                SELECT condition_occurrence_id, condition_concept_id, visit_occurrence_id FROM condition_occurrence
                WHERE condition_source_value = '254837009'
                """).first)
            let conditionID = try #require(diagnosis["condition_occurrence_id"].integerValue)
            #expect(diagnosis["condition_concept_id"].integerValue == 4_112_853)

            let stage = try #require(try await db.query("""
                SELECT measurement_concept_id, measurement_event_id, meas_event_field_concept_id FROM measurement WHERE measurement_date = ?
                """, [.date(Self.day("2015-02-10"))]).first)
            #expect(stage["measurement_concept_id"].integerValue == 1_635_131)
            #expect(stage["measurement_event_id"].integerValue == conditionID)
            #expect(stage["meas_event_field_concept_id"].integerValue == ConceptID.Field.conditionOccurrenceID)
            #expect(report.modifiersLinked >= 1)

            let episodes = try await db.query("SELECT episode_id, episode_concept_id, episode_object_concept_id, episode_start_date FROM episode WHERE person_id = ?",
                                              [.integer(person)])
            #expect(episodes.count == 1)
            let episode = try #require(episodes.first)
            #expect(episode["episode_concept_id"].integerValue == ConceptID.Episode.diseaseFirstOccurrence)
            #expect(episode["episode_object_concept_id"].integerValue == 4_112_853)
            #expect(episode["episode_start_date"].dateValue == Self.day("2015-02-01"))
            let events = try await db.query("SELECT event_id, episode_event_field_concept_id AS field FROM episode_event WHERE episode_id = ?",
                                            [.integer(episode["episode_id"].integerValue!)])
            #expect(events.contains { $0["event_id"].integerValue == conditionID && $0["field"].integerValue == ConceptID.Field.conditionOccurrenceID })

            // The chemotherapy given for that diagnosis is a drug exposure and an event of the episode.
            let drug = try #require(try await db.query("""
                SELECT drug_exposure_id, drug_concept_id, drug_exposure_start_date FROM drug_exposure WHERE drug_source_value = '1736854'
                """).first)
            #expect(drug["drug_concept_id"].integerValue == 35_604_087)
            #expect(drug["drug_exposure_start_date"].dateValue == Self.day("2015-03-01"))
            #expect(events.contains { $0["event_id"].integerValue == drug["drug_exposure_id"].integerValue && $0["field"].integerValue == ConceptID.Field.drugExposureID })
            #expect(events.count == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func datesAreTheLocalDateAsWrittenAndClassesGiveVisitConcepts(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, _, _, _ in
            let visits = try await db.query("""
                SELECT visit_concept_id, visit_start_date, visit_end_date FROM visit_occurrence ORDER BY visit_start_date
                """)
            #expect(visits.map { $0["visit_concept_id"].integerValue } == [ConceptID.Visit.outpatient, ConceptID.Visit.inpatient, ConceptID.Visit.emergency])
            // 2012-09-16T23:31:36.535651-04:00 is 2012-09-17 in UTC; the CDM keeps the day as written.
            #expect(visits.first?["visit_start_date"].dateValue == Self.day("2012-09-16"))
            #expect(visits.first?["visit_end_date"].dateValue == Self.day("2012-09-17"))
            #expect(visits.dropFirst().first?["visit_end_date"].dateValue == Self.day("2013-05-04"))
            // The diagnosis recorded at 09:00+01:00 stays on 2015-02-01, and points at its encounter's visit.
            let diagnosis = try #require(try await db.query("""
                SELECT c.condition_start_date, v.visit_concept_id FROM condition_occurrence c
                JOIN visit_occurrence v ON v.visit_occurrence_id = c.visit_occurrence_id WHERE c.condition_source_value = '254837009'
                """).first)
            #expect(diagnosis["condition_start_date"].dateValue == Self.day("2015-02-01"))
            #expect(diagnosis["visit_concept_id"].integerValue == ConceptID.Visit.emergency)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func observationPeriodSpansFirstToLastEvent(_ backend: TestDatabases.Backend) async throws {
        try await Self.withImport(backend) { db, _, person, _ in
            let periods = try await db.query("""
                SELECT observation_period_start_date AS start, observation_period_end_date AS stop, period_type_concept_id AS type
                FROM observation_period WHERE person_id = ?
                """, [.integer(person)])
            #expect(periods.count == 1)
            #expect(periods.first?["start"].dateValue == Self.day("2012-09-16"))
            #expect(periods.first?["stop"].dateValue == Self.day("2016-01-05"))
            #expect(periods.first?["type"].integerValue == ConceptID.TypeConcept.ehrObservationPeriod)
        }
    }
}
