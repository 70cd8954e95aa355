import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import OMOP
import Testing

/// Saved concept sets: validation, listing, resolution as circe-be resolves (recomputed here from the
/// vocabulary tables read whole), and ATLAS JSON in and out unchanged.
@Suite struct ConceptSetStoreTests {
    static let breast = ConceptID.Cancer.malignantTumorOfBreast

    static func item(_ id: Int64, descendants: Bool = false, mapped: Bool = false, excluded: Bool = false) -> ConceptSet.Item {
        ConceptSet.Item(concept: Concept(id: id), isExcluded: excluded, includeDescendants: descendants, includeMapped: mapped)
    }

    /// Circe's semantics over plain rows: listed concepts, valid descendants, sources mapped onto either; less the excluded.
    static func expected(_ items: [ConceptSet.Item], concepts: [ConceptSummary], ancestry: [VocabularyFixture.Pair: (min: Int, max: Int)],
                         mapsTo: [VocabularyFixture.Pair]) -> [Int64] {
        let known = Dictionary(uniqueKeysWithValues: concepts.map { ($0.id, $0) })
        func members(_ item: ConceptSet.Item) -> Set<Int64> {
            var own: Set<Int64> = known[item.concept.id] == nil ? [] : [item.concept.id]
            if item.includeDescendants {
                own.formUnion(ancestry.keys.filter { $0.first == item.concept.id && known[$0.second]?.isValid == true }.map(\.second))
            }
            var result = own
            if item.includeMapped {
                let targets = item.includeDescendants ? own : [item.concept.id]
                result.formUnion(mapsTo.filter { targets.contains($0.second) }.map(\.first))
            }
            return result
        }
        let included = items.filter { !$0.isExcluded }.reduce(into: Set<Int64>()) { $0.formUnion(members($1)) }
        let excluded = items.filter(\.isExcluded).reduce(into: Set<Int64>()) { $0.formUnion(members($1)) }
        return included.subtracting(excluded).sorted()
    }

    @Test(arguments: TestDatabases.backends)
    func resolutionFollowsCirceSemantics(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            try await db.execute("UPDATE concept SET invalid_reason = 'D' WHERE concept_id = \(ConceptID.Cancer.lobularCarcinomaOfBreast)")
            let concepts = try await VocabularyFixture.concepts(db)
            let ancestry = try await VocabularyFixture.ancestry(db), mapsTo = try await VocabularyFixture.mapsTo(db)
            let cases: [[ConceptSet.Item]] = [
                [Self.item(Self.breast)],
                [Self.item(Self.breast, descendants: true)],
                [Self.item(Self.breast, mapped: true)],
                [Self.item(Self.breast, descendants: true, mapped: true)],
                [Self.item(443392, descendants: true), Self.item(443388, descendants: true, excluded: true)],
                [Self.item(443392, descendants: true, mapped: true), Self.item(Self.breast, descendants: true, mapped: true, excluded: true)],
                [Self.item(4115276, descendants: true), Self.item(4110705, excluded: true), Self.item(200962, mapped: true)],
                [Self.item(ConceptID.Cancer.lobularCarcinomaOfBreast, mapped: true)],
            ]
            for items in cases {
                let resolved = try await db.resolveConceptSet(ConceptSetExpression(items: items))
                let expected = Self.expected(items, concepts: concepts, ancestry: ancestry, mapsTo: mapsTo)
                #expect(resolved == expected, "\(items.map { ($0.concept.id, $0.includeDescendants, $0.includeMapped, $0.isExcluded) })")
                #expect(!expected.isEmpty)
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func savedSetsListAndReadBack(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            #expect(try await db.conceptSets() == [])
            let expression = ConceptSetExpression(items: [Self.item(Self.breast, descendants: true), Self.item(2_000_000_204)])
            let first = try await db.saveConceptSet(name: "  Breast cancer ", description: " ", expression: expression, createdBy: "ana")
            #expect(first.id == 1 && first.name == "Breast cancer" && first.description == nil && first.createdBy == "ana")
            #expect(abs(first.createdAt.secondsSinceEpoch - Int(Date().timeIntervalSince1970)) < 120)
            // Items given by id get the vocabulary's attributes, as ATLAS writes them.
            let concept = try #require(first.expression.items.first?.concept)
            #expect(concept.name == "Malignant tumor of breast" && concept.code == "254837009" && concept.vocabulary == "SNOMED"
                    && concept.domain == "Condition" && concept.standard == "S")
            #expect(first.expression.items.map(\.includeDescendants) == [true, false])
            let second = try await db.saveConceptSet(name: "Lung", description: "NSCLC", expression: ConceptSetExpression(items: [Self.item(4115276)]),
                                                     createdBy: "ben")
            #expect(second.id == 2)
            #expect(try await db.conceptSets() == [first, second])
            #expect(try await db.conceptSet(id: 2) == second)
            #expect(try await db.conceptSet(id: 3) == nil)
            let rows = try await db.query("SELECT COUNT(*) AS n FROM optima_concept_set")
            #expect(rows.first?["n"].integerValue == 2)
        }
    }

    @Test(arguments: TestDatabases.backends)
    func atlasJSONGoesInAndComesOutUnchanged(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let atlas = Data("""
                {
                  "items" : [ {
                    "concept" : { "CONCEPT_ID" : \(Self.breast), "CONCEPT_NAME" : "Malignant tumor of breast", "STANDARD_CONCEPT" : "S",
                      "STANDARD_CONCEPT_CAPTION" : "Standard", "INVALID_REASON" : "V", "INVALID_REASON_CAPTION" : "Valid",
                      "CONCEPT_CODE" : "254837009", "DOMAIN_ID" : "Condition", "VOCABULARY_ID" : "SNOMED", "CONCEPT_CLASS_ID" : "Clinical Finding" },
                    "isExcluded" : false, "includeDescendants" : true, "includeMapped" : true
                  } ]
                }
                """.utf8)
            let saved = try await db.saveConceptSet(name: "From ATLAS", description: nil, expression: try ConceptSetExpression(json: atlas), createdBy: "ana")
            #expect(try await db.conceptSet(id: saved.id)?.atlasJSON == atlas)
            // What Optima writes reads back as a Circe concept set, in a cohort definition too.
            let built = try await db.saveConceptSet(name: "Built", description: nil,
                                                    expression: ConceptSetExpression(items: [Self.item(Self.breast, descendants: true, mapped: true)]), createdBy: "ana")
            let exported = try #require(try await db.conceptSet(id: built.id)?.atlasJSON)
            let object = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
            let item = try #require((object["items"] as? [[String: Any]])?.first)
            #expect(Set(item.keys) == ["concept", "isExcluded", "includeDescendants", "includeMapped"])
            #expect((item["concept"] as? [String: Any])?["CONCEPT_ID"] as? Int == Int(Self.breast))
            let wrapped = Data(#"{"id": 0, "name": "x", "expression": "#.utf8 + exported + Data("}".utf8))
            let circe = try JSONDecoder().decode(ConceptSet.self, from: wrapped)
            #expect(circe.items == built.expression.items)
            #expect(try await db.resolveConceptSet(ConceptSetExpression(json: exported)) == (try await db.resolveConceptSet(saved.expression)))
        }
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"))
    func phenotypeLibraryExpressionsReadAndReencode() throws {
        let folder = ReferenceDatasets.path("phenotypes/cohorts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().prefix(40)
        var sets = 0
        for file in files {
            let definition = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(file))) as? [String: Any]
            for set in definition?["ConceptSets"] as? [[String: Any]] ?? [] {
                let json = try JSONSerialization.data(withJSONObject: set["expression"] ?? [:])
                let expression = try ConceptSetExpression(json: json)
                #expect(expression.items.count == ((set["expression"] as? [String: Any])?["items"] as? [Any])?.count)
                #expect(try ConceptSetExpression(json: ConceptSetExpression(items: expression.items).json) == expression)
                sets += 1
            }
        }
        #expect(sets > 40)
    }

    static func field(_ body: () async throws -> Void) async -> String? {
        do { try await body() } catch let error as ConceptInputError { return error.field } catch { return "unexpected \(error)" }
        return nil
    }

    @Test(arguments: TestDatabases.backends)
    func badInputNamesTheField(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let one = ConceptSetExpression(items: [Self.item(Self.breast)])
            #expect(await Self.field { _ = try await db.saveConceptSet(name: "  ", description: nil, expression: one, createdBy: "a") } == "name")
            #expect(await Self.field { _ = try await db.saveConceptSet(name: String(repeating: "n", count: 256), description: nil, expression: one, createdBy: "a") } == "name")
            #expect(await Self.field { _ = try await db.saveConceptSet(name: "x", description: nil, expression: ConceptSetExpression(items: []), createdBy: "a") } == "items")
            let missing = ConceptSetExpression(items: [Self.item(Self.breast), Self.item(999_999_999), Self.item(999_999_998)])
            do {
                _ = try await db.saveConceptSet(name: "x", description: nil, expression: missing, createdBy: "a")
                Issue.record("a concept outside the vocabulary was accepted")
            } catch let error as ConceptInputError {
                #expect(error.field == "items[1]" && error.reason.contains("999999999") && error.reason.contains("items[2]"))
            }
            #expect(await Self.field { _ = try ConceptSetExpression(json: Data("{items".utf8)) } == "$")
            #expect(await Self.field { _ = try ConceptSetExpression(json: Data("{}".utf8)) } == "$.items")
            #expect(await Self.field { _ = try ConceptSetExpression(json: Data(#"{"items":[{"concept":{"CONCEPT_ID":1}},{"concept":{"CONCEPT_NAME":"x"}}]}"#.utf8)) }
                    == "$.items[1].concept.CONCEPT_ID")
            #expect(await Self.field { _ = try ConceptSetExpression(json: Data(#"{"items":[{"concept":{"CONCEPT_ID":"one"}}]}"#.utf8)) }
                    == "$.items[0].concept.CONCEPT_ID")
            // Nothing was written by the refused saves.
            #expect(try await db.conceptSets() == [])
        }
    }
}
