import CDMStore
import CDMTestSupport
import DecisionSupport
import OMOP
import Synthetic
import Testing

/// `Database.patientFacts(personID:)` on a generated population, checked against the rows themselves read with
/// SQL in the test (concept ids spelled out here, not taken from the reader).
@Suite("Patient facts from an OMOP person", .serialized)
struct PatientFactsFromOMOPTests {
    /// The diagnosis concepts the generator writes, per cancer.
    static let diagnoses: [CancerSite: [Int64]] = [
        .prostate: [200_962],
        .breast: [2_000_000_101, 2_000_000_102, 4_112_853],
        .lung: [4_112_738, 4_110_705, 4_110_589, 4_110_591],
    ]
    static let categories: [Int64: String] = [
        1_635_564: "T1", 1_635_562: "T2", 2_000_000_401: "T3", 2_000_000_402: "T4",
        2_000_000_403: "N0", 2_000_000_404: "N1", 2_000_000_405: "N2", 2_000_000_406: "N3",
        2_000_000_407: "M0", 1_635_142: "M1",
    ]
    static let stages: [Int64: String] = [1_635_838: "I", 1_635_131: "II", 1_634_191: "III", 1_633_987: "IV"]
    static let statuses: [Int64: MarkerStatus] = [9191: .positive, 9189: .negative, 4_126_681: .positive, 9190: .negative]

    @Test("facts of prostate, breast and lung patients match their rows", arguments: TestDatabases.backends)
    func cancerPatients(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 300, seed: 23, cancerFraction: 0.6), site: .single, persons: 0..<300)
            for (site, concepts) in Self.diagnoses {
                let patients = try await db.query("""
                    SELECT c.person_id, c.condition_occurrence_id, c.condition_start_date, p.gender_concept_id, p.year_of_birth
                    FROM condition_occurrence c JOIN person p ON p.person_id = c.person_id
                    WHERE c.condition_concept_id IN (\(concepts.map(String.init).joined(separator: ",")))
                    ORDER BY c.person_id LIMIT 6
                    """)
                #expect(patients.count >= 3, "too few \(site) patients generated")
                for row in patients {
                    let person = try #require(row["person_id"].integerValue)
                    let condition = try #require(row["condition_occurrence_id"].integerValue)
                    let diagnosed = try #require(row["condition_start_date"].dateValue)
                    let facts = try await db.patientFacts(personID: person)
                    #expect(facts.cancer == site)
                    #expect(facts.diagnosisDate == diagnosed)
                    #expect(facts.sex == (row["gender_concept_id"].integerValue == 8507 ? .male : .female))
                    let birthYear = try #require(row["year_of_birth"].integerValue)
                    let age = try #require(facts.age)
                    #expect(abs(age - Double(diagnosed.components.year - Int(birthYear))) <= 1)
                    try await checkStaging(db, facts, condition: condition)
                    switch site {
                    case .prostate: try await checkProstate(db, facts, person: person, diagnosed: diagnosed, condition: condition)
                    case .breast: try await checkBreast(db, facts, condition: condition)
                    case .lung: try await checkLung(db, facts, condition: condition)
                    }
                }
            }
            // Molecular results: a detected driver reads "positive", PD-L1 its percentage.
            let tested = try await db.query("""
                SELECT person_id, measurement_concept_id AS concept, value_as_concept_id AS answer FROM measurement
                WHERE measurement_concept_id IN (35962802, 35963763, 35957723, 35948791, 35948173) AND value_as_concept_id = 4126681
                ORDER BY person_id LIMIT 3
                """)
            #expect(!tested.isEmpty)
            let genes: [Int64: LungGene] = [35_962_802: .egfr, 35_963_763: .alk, 35_957_723: .ros1, 35_948_791: .kras, 35_948_173: .braf]
            for row in tested {
                let facts = try await db.patientFacts(personID: try #require(row["person_id"].integerValue))
                let gene = try #require(row["concept"].integerValue.flatMap { genes[$0] })
                #expect(facts.lungBiomarkers?[gene] == "positive")
                #expect(facts.lungBiomarkers?.count == 5)
            }
        }
    }

    /// The linked modifier rows of the diagnosis.
    func modifiers(_ db: any Database, condition: Int64) async throws -> [SQLRow] {
        try await db.query("""
            SELECT measurement_concept_id AS concept, value_as_number AS number, value_as_concept_id AS answer FROM measurement
            WHERE measurement_event_id = ? AND meas_event_field_concept_id = 1147127
            """, [.integer(condition)])
    }

    func checkStaging(_ db: any Database, _ facts: PatientFacts, condition: Int64) async throws {
        let rows = try await modifiers(db, condition: condition)
        let codes = rows.compactMap { $0["concept"].integerValue.flatMap { Self.categories[$0] } }
        #expect(codes.contains { $0.hasPrefix("T") } && codes.contains { $0.hasPrefix("N") } && codes.contains { $0.hasPrefix("M") })
        #expect(facts.t.map { [$0.code] } == codes.filter { $0.hasPrefix("T") }.prefix(1).map { $0 })
        #expect(facts.n.map { [$0.code] } == codes.filter { $0.hasPrefix("N") }.prefix(1).map { $0 })
        #expect(facts.m.map { [$0.code] } == codes.filter { $0.hasPrefix("M") }.prefix(1).map { $0 })
        let stage = rows.compactMap { $0["concept"].integerValue.flatMap { Self.stages[$0] } }.first
        #expect(facts.stageGroup == stage)
    }

    func checkProstate(_ db: any Database, _ facts: PatientFacts, person: Int64, diagnosed: CDMDate, condition: Int64) async throws {
        let psa = try await db.query("""
            SELECT value_as_number AS v FROM measurement WHERE person_id = ? AND measurement_concept_id = 3013603
              AND measurement_date <= ? AND measurement_date >= ? ORDER BY measurement_date DESC
            """, [.integer(person), .date(diagnosed), .date(diagnosed.adding(days: -180))]).first?["v"].doubleValue
        #expect(psa != nil)
        #expect(facts.psa == psa)
        let rows = try await modifiers(db, condition: condition)
        let gradeGroup = rows.first { $0["concept"].integerValue == 2_000_000_304 }?["number"].doubleValue
        #expect(facts.gradeGroup.map(Double.init) == gradeGroup)
        #expect(facts.histology == nil)
        let cores = try await db.query("""
            SELECT measurement_concept_id AS c, value_as_number AS v FROM measurement WHERE person_id = ? AND measurement_concept_id IN (2000000306, 2000000307)
            """, [.integer(person)])
        #expect(facts.biopsyCoresTaken.map(Double.init) == cores.first { $0["c"].integerValue == 2_000_000_307 }?["v"].doubleValue)
        #expect(facts.biopsyCoresPositive.map(Double.init) == cores.first { $0["c"].integerValue == 2_000_000_306 }?["v"].doubleValue)
    }

    func checkBreast(_ db: any Database, _ facts: PatientFacts, condition: Int64) async throws {
        let rows = try await modifiers(db, condition: condition)
        func status(_ concept: Int64) -> MarkerStatus? {
            rows.first { $0["concept"].integerValue == concept }?["answer"].integerValue.flatMap { Self.statuses[$0] }
        }
        #expect(status(36_203_168) != nil)
        #expect(facts.erStatus == status(36_203_168))
        #expect(facts.prStatus == status(36_203_170))
        #expect(facts.her2Status == status(36_203_114))
        #expect(facts.tumourSizeMM == rows.first { $0["concept"].integerValue == 2_000_000_305 }?["number"].doubleValue)
        #expect(facts.ki67Percent == rows.first { $0["concept"].integerValue == 2_000_000_301 }?["number"].doubleValue)
        let grade = rows.compactMap { $0["concept"].integerValue.flatMap { [2_000_000_411, 2_000_000_412, 2_000_000_413].firstIndex(of: $0) } }.first
        #expect(facts.grade == grade.map { $0 + 1 })
        let concept = try #require(try await db.query("SELECT condition_concept_id AS c FROM condition_occurrence WHERE condition_occurrence_id = ?",
                                                        [.integer(condition)]).first?["c"].integerValue)
        #expect(facts.histology == [2_000_000_101: .ductal, 2_000_000_102: .lobular][concept])
    }

    func checkLung(_ db: any Database, _ facts: PatientFacts, condition: Int64) async throws {
        let rows = try await modifiers(db, condition: condition)
        let egfr = rows.first { $0["concept"].integerValue == 35_962_802 }?["answer"].integerValue.flatMap { Self.statuses[$0] }
        #expect(facts.lungBiomarkers?[.egfr] == egfr?.rawValue)
        let concept = try #require(try await db.query("SELECT condition_concept_id AS c FROM condition_occurrence WHERE condition_occurrence_id = ?",
                                                        [.integer(condition)]).first?["c"].integerValue)
        let expected: [Int64: Histology] = [4_112_738: .adenocarcinoma, 4_110_705: .squamous, 4_110_589: .largeCell, 4_110_591: .smallCell]
        #expect(facts.histology == expected[concept])
    }

    @Test("a person without cancer, an unknown person, and reading as of a date", arguments: TestDatabases.backends)
    func otherPersons(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 200, seed: 5, cancerFraction: 0.5), site: .single, persons: 0..<200)
            let all = Self.diagnoses.values.flatMap { $0 }.map(String.init).joined(separator: ",")
            let healthy = try #require(try await db.query("""
                SELECT person_id FROM person WHERE person_id NOT IN (SELECT person_id FROM condition_occurrence WHERE condition_concept_id IN (\(all)))
                ORDER BY person_id LIMIT 1
                """).first?["person_id"].integerValue)
            let facts = try await db.patientFacts(personID: healthy)
            #expect(facts.cancer == nil && facts.diagnosisDate == nil && facts.t == nil && facts.erStatus == nil)
            #expect(facts.sex != nil)

            await #expect(throws: DecisionSupportFactsError.unknownPerson(987_654_321)) {
                try await db.patientFacts(personID: 987_654_321)
            }

            // A treatment regimen started after the diagnosis is a prior treatment now, but not as of the diagnosis day;
            // before the diagnosis the person has no cancer yet.
            let treated = try #require(try await db.query("""
                SELECT e.person_id, e.episode_object_concept_id AS regimen, c.condition_start_date AS day FROM episode e
                JOIN condition_occurrence c ON c.person_id = e.person_id AND c.condition_concept_id IN (\(all))
                WHERE e.episode_concept_id = 32531 AND e.episode_object_concept_id IN (2000000713, 2000000714, 2000000715)
                  AND e.episode_start_date > c.condition_start_date
                ORDER BY e.person_id LIMIT 1
                """).first)
            let person = try #require(treated["person_id"].integerValue)
            let diagnosed = try #require(treated["day"].dateValue)
            #expect(try await db.patientFacts(personID: person).priorTreatments?.contains(.endocrineTherapy) == true)
            let atDiagnosis = try await db.patientFacts(personID: person, asOf: diagnosed)
            #expect(atDiagnosis.cancer == .breast)
            #expect(atDiagnosis.priorTreatments?.contains(.endocrineTherapy) == false)
            #expect(try await db.patientFacts(personID: person, asOf: diagnosed.adding(days: -1)).cancer == nil)
        }
    }

    @Test("a Charlson-type condition before the diagnosis is a comorbidity", arguments: TestDatabases.backends)
    func comorbidity(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 300, seed: 9, cancerFraction: 0.6), site: .single, persons: 0..<300)
            let all = Self.diagnoses.values.flatMap { $0 }.map(String.init).joined(separator: ",")
            let rows = try await db.query("""
                SELECT c.person_id, MAX(CASE WHEN x.condition_concept_id IN (201826, 255573, 443597, 317576) AND x.condition_start_date < c.condition_start_date
                                        THEN 1 ELSE 0 END) AS comorbid
                FROM condition_occurrence c LEFT JOIN condition_occurrence x ON x.person_id = c.person_id
                WHERE c.condition_concept_id IN (\(all)) GROUP BY c.person_id ORDER BY c.person_id LIMIT 40
                """)
            var seen: Set<Bool> = []
            for row in rows {
                let person = try #require(row["person_id"].integerValue)
                let comorbid = row["comorbid"].integerValue == 1
                seen.insert(comorbid)
                let facts = try await db.patientFacts(personID: person)
                if comorbid { #expect(facts.comorbidity == true) } else { #expect(facts.comorbidity != true) }
            }
            #expect(seen == [false, true])
        }
    }
}
