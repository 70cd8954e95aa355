import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import Governance
import OMOP
import Testing

/// Explore's counts against the same counts recomputed in memory from rows read with plain SELECTs, for each
/// constraint type and for combined trees, on both backends.
@Suite struct ExploreCountTests {
    static func constraint(_ json: String) throws -> ExploreConstraint {
        try ExploreConstraint.parse(Data(json.utf8))
    }

    /// The exact count (disclosure control is off in the fixture: 0 is the only suppressed value).
    static func count(_ engine: ExploreEngine, _ json: String) async throws -> Int {
        let counts = try await engine.counts(try constraint(json))
        return counts.patientCount.value ?? 0
    }

    static let breast = #"{"type": "concept", "conceptCode": "SNOMED:254837009"}"#
    static let tamoxifen = #"{"type": "concept", "conceptId": 1436678}"#

    @Test(arguments: TestDatabases.backends)
    func eachConstraintTypeMatchesAnInMemoryCount(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, ref async throws in
            let engine = ExploreEngine(database: db, minimumCount: 1)
            let breast = ref.persons(withConcept: ConceptID.Cancer.malignantTumorOfBreast, in: "condition_occurrence")
            #expect(breast.count > 20, "the fixture needs breast cancer patients")
            #expect(try await Self.count(engine, Self.breast) == breast.count)
            #expect(try await Self.count(engine, #"{"type": "concept", "conceptId": 4112853, "includeDescendants": false}"#)
                    == ref.persons(in: "condition_occurrence") { $0.concept == ConceptID.Cancer.malignantTumorOfBreast }.count)
            let psa = ref.persons(in: "measurement") { $0.concept == ConceptID.Marker.psa && ($0.number ?? -1) > 10 }
            #expect(psa.count > 5)
            #expect(try await Self.count(engine, """
                {"type": "and", "args": [{"type": "concept", "conceptCode": "LOINC:2857-1"},
                  {"type": "value", "valueType": "NUMERIC", "operator": ">", "value": 10}]}
                """) == psa.count)
            let positive = ref.names.filter { $0.value.lowercased() == "positive" }.map(\.key)
            let er = ref.persons(in: "measurement") { $0.concept == ConceptID.Marker.estrogenReceptor && positive.contains($0.value ?? -1) }
            #expect(er.count > 5)
            #expect(try await Self.count(engine, """
                {"type": "subselection", "dimension": "patient", "constraint": {"type": "and", "args": [
                  {"type": "concept", "conceptId": 36203168}, {"type": "value", "valueType": "STRING", "operator": "=", "value": "positive"}]}}
                """) == er.count)
            let subtree = ref.subtree(ConceptID.Cancer.malignantTumorOfBreast)
            let diagnosed = ref.persons(in: "condition_occurrence") { subtree.contains($0.concept) && $0.date >= "2015-01-01" && $0.date <= "2020-12-31" }
            #expect(try await Self.count(engine, """
                {"type": "and", "args": [\(Self.breast), {"type": "time", "field": {"dimension": "start time", "fieldName": "startDate", "type": "DATE"},
                  "operator": "<-->", "values": ["2015-01-01T00:00:00Z", "2020-12-31T23:59:59Z"]}]}
                """) == diagnosed.count)
            let fifty = ref.persons.filter { ref.age($0.value) >= 50 }.count
            #expect(try await Self.count(engine, """
                {"type": "field", "field": {"dimension": "patient", "fieldName": "age", "type": "NUMERIC"}, "operator": ">=", "value": 50}
                """) == fifty)
            #expect(try await Self.count(engine, """
                {"type": "field", "field": {"dimension": "patient", "fieldName": "sex", "type": "STRING"}, "operator": "=", "value": "Female"}
                """) == ref.persons.values.filter { $0.gender == ConceptID.Gender.female }.count)
            #expect(try await Self.count(engine, #"{"type": "true"}"#) == ExploreFixture.persons)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func combinedTreesFollowTranSMARTSemantics(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, ref async throws in
            let engine = ExploreEngine(database: db, minimumCount: 1)
            let breast = ref.persons(withConcept: ConceptID.Cancer.malignantTumorOfBreast, in: "condition_occurrence")
            let tamoxifen = ref.persons(withConcept: ConceptID.Drug.tamoxifen, in: "drug_exposure")
            #expect(!tamoxifen.isEmpty)
            // An and of two concepts applies to one observation: empty; as subselections it is the intersection.
            #expect(try await Self.count(engine, #"{"type": "and", "args": [\#(Self.breast), \#(Self.tamoxifen)]}"#) == 0)
            let both = #"{"type": "and", "args": [{"type": "subselection", "dimension": "patient", "constraint": \#(Self.breast)}, "#
                + #"{"type": "subselection", "dimension": "patient", "constraint": \#(Self.tamoxifen)}]}"#
            #expect(try await Self.count(engine, both) == breast.intersection(tamoxifen).count)
            #expect(try await Self.count(engine, #"{"type": "or", "args": [\#(Self.breast), \#(Self.tamoxifen)]}"#) == breast.union(tamoxifen).count)
            // Negation is the complement within all persons.
            let notBreast = #"{"type": "negation", "arg": {"type": "subselection", "dimension": "patient", "constraint": \#(Self.breast)}}"#
            #expect(try await Self.count(engine, notBreast) == ExploreFixture.persons - breast.count)
            // The researcher's query: breast cancer diagnosed 2015–2020, ER positive, no tamoxifen, aged 50 or more.
            let subtree = ref.subtree(ConceptID.Cancer.malignantTumorOfBreast)
            let diagnosed = ref.persons(in: "condition_occurrence") { subtree.contains($0.concept) && $0.date >= "2015-01-01" && $0.date <= "2020-12-31" }
            let positive = Set(ref.names.filter { $0.value == "Positive" }.map(\.key))
            let er = ref.persons(in: "measurement") { $0.concept == ConceptID.Marker.estrogenReceptor && positive.contains($0.value ?? -1) }
            let older = Set(ref.persons.filter { ref.age($0.value) >= 50 }.map(\.key))
            let expected = diagnosed.intersection(er).subtracting(tamoxifen).intersection(older)
            #expect(try await Self.count(engine, """
                {"type": "and", "args": [
                  {"type": "subselection", "dimension": "patient", "constraint": {"type": "and", "args": [\(Self.breast),
                    {"type": "time", "operator": "<-->", "values": ["2015-01-01", "2020-12-31"]}]}},
                  {"type": "subselection", "dimension": "patient", "constraint": {"type": "and", "args": [
                    {"type": "concept", "conceptCode": "LOINC:85337-4"}, {"type": "value", "valueType": "STRING", "operator": "in", "value": ["Positive"]}]}},
                  {"type": "negation", "arg": {"type": "subselection", "dimension": "patient", "constraint": \(Self.tamoxifen)}},
                  {"type": "field", "field": {"dimension": "patient", "fieldName": "age", "type": "NUMERIC"}, "operator": ">=", "value": 50}]}
                """) == expected.count)
            // Stage III or IV (two concepts on the same measurement row: an or).
            let stages = Set(ConceptID.Modifier.stages.suffix(2))
            #expect(try await Self.count(engine, #"{"type": "concept", "conceptIds": [1634191, 1633987]}"#)
                    == ref.persons(in: "measurement") { stages.contains($0.concept) }.count)
            // The one-query baseline agrees.
            let query = try Self.constraint(both)
            #expect(try await engine.countInOneQuery(query).patientCount == (try await engine.counts(query)).patientCount)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func smallCountsAreSuppressed(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, ref async throws in
            try await db.createCohortTables()
            let few = ref.persons.keys.sorted().prefix(3)
            for id in few {
                try await db.execute("INSERT INTO cohort (cohort_definition_id, subject_id, cohort_start_date, cohort_end_date) VALUES (77, ?, ?, ?)",
                                     [.integer(id), .date(CDMDate(year: 2020, month: 1, day: 1)!), .date(CDMDate(year: 2020, month: 2, day: 1)!)])
            }
            let engine = ExploreEngine(database: db)
            let counts = try await engine.counts(try Self.constraint(#"{"type": "patient_set", "patientSetId": 77}"#))
            #expect(counts.patientCount.description == "<5")
            #expect(counts.minimumCount == 5)
            let json = String(decoding: try JSONEncoder().encode(counts), as: UTF8.self)
            #expect(json.contains(#""patientCount":"<5""#))
            let exact = ExploreEngine(database: db, minimumCount: 1)
            #expect(try await Self.count(exact, #"{"type": "patient_set", "patientSetId": 77}"#) == 3)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func cachesFollowNewRowsAndErasure(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, ref async throws in
            let engine = ExploreEngine(database: db, minimumCount: 1)
            let before = try await Self.count(engine, Self.breast)
            let outsider = ref.persons.keys.sorted().first { !ref.persons(withConcept: ConceptID.Cancer.malignantTumorOfBreast, in: "condition_occurrence").contains($0) }!
            let next = (try await db.query("SELECT MAX(condition_occurrence_id) AS n FROM condition_occurrence").first?[0].integerValue ?? 0) + 1
            try await db.execute("""
                INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_type_concept_id)
                VALUES (?, ?, ?, ?, 32817)
                """, [.integer(next), .integer(outsider), .integer(ConceptID.Cancer.malignantTumorOfBreast), .date(CDMDate(year: 2021, month: 3, day: 1)!)])
            try await Task.sleep(for: .milliseconds(2_100))
            #expect(try await Self.count(engine, Self.breast) == before + 1)
            let source = try await db.query("SELECT person_source_value FROM person WHERE person_id = ?", [.integer(outsider)]).first?[0].textValue
            let erased = try await db.erasePerson(candidates: [try #require(source)])
            #expect(erased.persons == 1)
            try await Task.sleep(for: .milliseconds(2_100))
            #expect(try await Self.count(engine, Self.breast) == before)
            #expect(try await Self.count(engine, #"{"type": "true"}"#) == ExploreFixture.persons - 1)
        }
    }
}
