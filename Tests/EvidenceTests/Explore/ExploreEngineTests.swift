import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import OMOP
import Testing

/// The tree, concept counts, refusals at evaluation, and saving a patient set as a cohort, on both backends.
@Suite struct ExploreEngineTests {
    @Test(arguments: TestDatabases.backends)
    func treeNodesCountTheirSubtrees(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, ref async throws in
            let engine = ExploreEngine(database: db, minimumCount: 1)
            let top = try await engine.tree(parent: nil)
            #expect(top.map(\.key).prefix(2) == ["heading:diagnoses", "heading:measurements"])
            #expect(top.last?.key == "heading:demographics")
            let nodes = Dictionary(top.flatMap(\.children).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let breast = try #require(nodes["concept:\(ConceptID.Cancer.malignantTumorOfBreast)"])
            #expect(breast.patientCount?.value == ref.persons(withConcept: ConceptID.Cancer.malignantTumorOfBreast, in: "condition_occurrence").count)
            #expect(breast.hasChildren)
            #expect(breast.constraint == .concept(ExploreConceptSelection(ids: [ConceptID.Cancer.malignantTumorOfBreast])))
            #expect(nodes["concept:\(ConceptID.Marker.psa)"]?.valueType == .numeric)
            let er = try #require(nodes["concept:\(ConceptID.Marker.estrogenReceptor)"])
            #expect(er.valueType == .string && er.valueChoices.contains("Positive") && er.valueChoices.contains("Negative"))
            let children = try await engine.tree(parent: Int(ConceptID.Cancer.malignantTumorOfBreast))
            #expect(Set(children.compactMap(\.conceptId)) == Set(ref.children[ConceptID.Cancer.malignantTumorOfBreast] ?? []))
            for child in children {
                #expect(child.patientCount?.value ?? 0 == ref.persons(withConcept: child.conceptId!, in: "condition_occurrence").count, "\(child.name)")
            }
            let counts = try await engine.conceptCounts([Int(ConceptID.Marker.psa), 999_999_999])
            #expect(counts.count == 1)
            let psaRows = ref.rows["measurement"]!.filter { $0.concept == ConceptID.Marker.psa }
            #expect(counts[Int(ConceptID.Marker.psa)]?.records.value == psaRows.count)
            #expect(counts[Int(ConceptID.Marker.psa)]?.persons.value == Set(psaRows.map(\.person)).count)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func evaluationRefusalsNameTheirPath(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, _ async throws in
            let engine = ExploreEngine(database: db, minimumCount: 1)
            let cases = [
                (#"{"type": "negation", "arg": {"type": "concept", "conceptId": 4112853}}"#, "arg", "subselection"),
                (#"{"type": "and", "args": [{"type": "true"}, {"type": "concept", "conceptCode": "SNOMED:000"}]}"#, "args[1].conceptCode", "no concept SNOMED:000"),
                (#"{"type": "concept", "conceptIds": [4112853, 42]}"#, "conceptIds[1]", "no concept with id 42"),
                (#"{"type": "and", "args": [{"type": "concept", "conceptId": 4112853}, {"type": "or", "args": [{"type": "true"}, {"type": "concept", "conceptId": 4112853}]}]}"#,
                 "args[1]", "wrap"),
            ]
            for (json, path, words) in cases {
                do {
                    _ = try await engine.counts(try ExploreConstraint.parse(Data(json.utf8)))
                    Issue.record("counted \(json)")
                } catch let error as ExploreError {
                    #expect(error.path == path && error.description.contains(words), "\(json): \(error)")
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func savedCohortHoldsTheSetFromItsEntryEvents(_ backend: TestDatabases.Backend) async throws {
        try await ExploreFixture.with(backend) { db, ref async throws in
            let engine = ExploreEngine(database: db, minimumCount: 1)
            let constraint = try ExploreConstraint.parse(Data("""
                {"type": "and", "args": [
                  {"type": "negation", "arg": {"type": "subselection", "dimension": "patient", "constraint": {"type": "concept", "conceptId": 1436678}}},
                  {"type": "subselection", "dimension": "patient", "constraint": {"type": "concept", "conceptId": 4112853}}]}
                """.utf8))
            let saved = try await engine.saveCohort(name: "Breast cancer without tamoxifen", constraint: constraint)
            let subtree = ref.subtree(ConceptID.Cancer.malignantTumorOfBreast)
            let breastRows = ref.rows["condition_occurrence"]!.filter { subtree.contains($0.concept) }
            let expected = Set(breastRows.map(\.person)).subtracting(ref.persons(withConcept: ConceptID.Drug.tamoxifen, in: "drug_exposure"))
            #expect(saved.patientCount.value == expected.count)
            let rows = try await db.query("SELECT subject_id, cohort_start_date, cohort_end_date FROM cohort WHERE cohort_definition_id = ?", [.integer(saved.id)])
            #expect(Set(rows.compactMap { $0[0].integerValue }) == expected)
            #expect(rows.count == expected.count)
            for row in rows {
                let person = row[0].integerValue!
                let first = breastRows.filter { $0.person == person }.map(\.date).min()
                #expect(row[1].dateValue?.description == first, "entry on the first diagnosis")
                #expect(row[2].dateValue! >= row[1].dateValue!)
            }
            let definition = try #require(try await db.cohortDefinition(id: saved.id))
            #expect(definition.name == "Breast cancer without tamoxifen")
            let generation = try #require(try await db.cohortGeneration(of: definition))
            #expect(generation.persons == expected.count)
            // It is a patient set for the next query.
            let again = try await engine.counts(.patientSet(saved.id))
            #expect(again.patientCount.value == expected.count)
            // A failing save writes nothing.
            let definitions = try await db.query("SELECT COUNT(*) FROM cohort_definition").first?[0].integerValue
            await #expect(throws: ExploreError.self) {
                _ = try await engine.saveCohort(name: "bad", constraint: .concept(ExploreConceptSelection(codes: ["SNOMED:nothing"])))
            }
            await #expect(throws: EvidenceError.self) { _ = try await engine.saveCohort(name: "  ", constraint: .all) }
            #expect(try await db.query("SELECT COUNT(*) FROM cohort_definition").first?[0].integerValue == definitions)
        }
    }
}
