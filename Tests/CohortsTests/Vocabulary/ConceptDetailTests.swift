import CDMStore
import CDMTestSupport
import Cohorts
import OMOP
import Testing

/// A concept's hierarchy and relationships equal the `concept_ancestor` and `concept_relationship` rows.
@Suite struct ConceptDetailTests {
    @Test(arguments: TestDatabases.backends)
    func hierarchyEqualsTheAncestorRows(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let ancestry = try await VocabularyFixture.ancestry(db)
            let ids = try await db.query("SELECT concept_id FROM concept").compactMap { $0["concept_id"].integerValue }
            for id in ids {
                let detail = try #require(try await db.conceptDetail(id: id))
                let up = ancestry.filter { $0.key.second == id && $0.key.first != id }
                #expect(Dictionary(uniqueKeysWithValues: detail.ancestors.map { ($0.concept.id, [$0.minLevels, $0.maxLevels]) })
                        == up.reduce(into: [:]) { $0[$1.key.first] = [$1.value.min, $1.value.max] }, "ancestors of \(id)")
                #expect(detail.ancestors.map(\.minLevels) == detail.ancestors.map(\.minLevels).sorted(), "nearest first for \(id)")
                #expect(Set(detail.children.map(\.concept.id)) == Set(ancestry.filter { $0.key.first == id && $0.value.min == 1 }.map(\.key.second)))
                #expect(detail.descendantCount == ancestry.keys.filter { $0.first == id && $0.second != id }.count)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func aConceptPageReadsAsTheVocabularySays(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            #expect(try await db.conceptDetail(id: 999_999_999) == nil)
            let nsclc = try #require(try await db.conceptDetail(id: 4115276))
            #expect(nsclc.concept.name == "Non-small cell lung cancer" && nsclc.concept.isStandard && nsclc.concept.isValid)
            #expect(nsclc.ancestors.prefix(1).map { [$0.concept.id, Int64($0.minLevels)] } == [[443388, 1]])
            #expect(nsclc.ancestors.contains { $0.concept.id == 443392 && $0.minLevels == 2 })
            #expect(Set(nsclc.children.map(\.concept.id)).isSuperset(of: [4112738, 4110705, 4110589, 4310703, 4314172, 4311997, 4308479]))
            #expect(nsclc.children.map(\.concept.name) == nsclc.children.map(\.concept.name).sorted())
            #expect(nsclc.relationships.first.map { [$0.relationshipID, String($0.concept.id)] } == ["Maps to", "4115276"])
            #expect(nsclc.relationships.contains { $0.relationshipID == "Is a" && $0.concept.id == 443388 && $0.name == "Is a" })
            // A source concept: no hierarchy of its own, and its 'Maps to' target first.
            let source = try #require(try await db.conceptDetail(id: 2_000_000_204))
            #expect(!source.concept.isStandard && source.ancestors.isEmpty && source.descendantCount == 0)
            #expect(source.relationships.first?.relationshipID == "Maps to" && source.relationships.first?.concept.id == ConceptID.Cancer.malignantTumorOfBreast)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func relationshipsEqualTheValidRelationshipRows(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            struct Link: Hashable { let relationship: String, other: Int64 }
            let breast = ConceptID.Cancer.malignantTumorOfBreast
            try await db.execute("UPDATE concept_relationship SET invalid_reason = 'D' WHERE concept_id_1 = ? AND concept_id_2 = 443392", [.integer(breast)])
            let rows = try await db.query("SELECT * FROM concept_relationship WHERE concept_id_1 = ?", [.integer(breast)])
            let valid = Set(rows.filter { $0["invalid_reason"].isNull }.map { Link(relationship: $0["relationship_id"].textValue!, other: $0["concept_id_2"].integerValue!) })
            let detail = try #require(try await db.conceptDetail(id: breast))
            #expect(Set(detail.relationships.map { Link(relationship: $0.relationshipID, other: $0.concept.id) }) == valid)
            #expect(detail.relationships.count == valid.count && valid.count < rows.count)
            let order = detail.relationships.map { ["Maps to": 0, "Mapped from": 1][$0.relationshipID] ?? 2 }
            #expect(order == order.sorted() && order.first == 0)
        }
    }
}
