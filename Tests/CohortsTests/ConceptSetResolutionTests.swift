import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import OMOP
import Synthetic
import Testing

/// Concept sets resolve against a real vocabulary (the subset the generator ships) as circe-be resolves them.
@Suite struct ConceptSetResolutionTests {
    static func conceptSet(_ items: String) throws -> ConceptSet {
        try JSONDecoder().decode(ConceptSet.self, from: Data(#"{"id": 1, "name": "s", "expression": {"items": [\#(items)]}}"#.utf8))
    }

    static func item(_ id: Int64, descendants: Bool = false, mapped: Bool = false, excluded: Bool = false) -> String {
        #"{"concept": {"CONCEPT_ID": \#(id)}, "includeDescendants": \#(descendants), "includeMapped": \#(mapped), "isExcluded": \#(excluded)}"#
    }

    @Test(arguments: TestDatabases.backends)
    func descendantsMappedAndExcluded(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 1, seed: 1), site: .single, persons: 0..<1)
            let breast = ConceptID.Cancer.malignantTumorOfBreast
            let ductal = ConceptID.Cancer.infiltratingDuctCarcinomaOfBreast, lobular = ConceptID.Cancer.lobularCarcinomaOfBreast
            // The ICD-O-3 source concepts that map onto the breast diagnoses.
            let sources: [Int64] = [2_000_000_202, 2_000_000_203, 2_000_000_204]

            #expect(try await db.resolve(Self.conceptSet(Self.item(breast))) == [breast])
            #expect(try await db.resolve(Self.conceptSet(Self.item(breast, descendants: true))) == [breast, ductal, lobular].sorted())
            #expect(try await db.resolve(Self.conceptSet(Self.item(breast, descendants: true, mapped: true)))
                    == ([breast, ductal, lobular] + sources).sorted())
            // Mapped without descendants: only what maps onto the listed concept itself.
            #expect(try await db.resolve(Self.conceptSet(Self.item(breast, mapped: true))) == [breast, 2_000_000_204])
            #expect(try await db.resolve(Self.conceptSet(Self.item(breast, descendants: true) + "," + Self.item(lobular, excluded: true)))
                    == [breast, ductal].sorted())
            // Excluding with descendants removes the whole branch.
            #expect(try await db.resolve(Self.conceptSet(
                Self.item(ConceptID.Cancer.malignantNeoplasticDisease, descendants: true) + "," + Self.item(breast, descendants: true, excluded: true)))
                .allSatisfy { ![breast, ductal, lobular].contains($0) })
            // A listed concept the vocabulary lacks is not in the set; an empty set is empty.
            #expect(try await db.resolve(Self.conceptSet(Self.item(999_999_999))) == [])
            #expect(try await db.resolve(Self.conceptSet("")) == [])
            // Descendants must be valid; a listed concept counts whatever its validity.
            try await db.execute("UPDATE concept SET invalid_reason = 'D' WHERE concept_id = \(lobular)")
            #expect(try await db.resolve(Self.conceptSet(Self.item(breast, descendants: true))) == [breast, ductal].sorted())
            #expect(try await db.resolve(Self.conceptSet(Self.item(lobular))) == [lobular])
        }
    }
}
