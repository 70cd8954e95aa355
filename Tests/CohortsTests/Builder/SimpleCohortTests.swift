import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import OMOP
import Testing

/// The builder's Circe JSON reads back as the definition it describes, and typed concepts resolve by id or code.
@Suite struct SimpleCohortTests {
    static func item(_ id: Int64, descendants: Bool = true) throws -> ConceptSet.Item {
        try JSONDecoder().decode(ConceptSet.Item.self, from: Data(#"{"concept":{"CONCEPT_ID":\#(id),"CONCEPT_NAME":"c\#(id)"},"includeDescendants":\#(descendants)}"#.utf8))
    }

    @Test func theJSONReadsBackAsTheChoices() throws {
        let cohort = SimpleCohort(
            entry: .init(domain: .measurement, conceptSetName: "PSA", items: [try Self.item(ConceptID.Marker.psa, descendants: false)]),
            firstOccurrenceOnly: false, valueRange: .init(op: .greaterThan, value: 10.5), minimumAge: 50, maximumAge: nil, gender: .male,
            rules: [.init(name: "No ADT", events: .init(domain: .drug, conceptSetName: "ADT", items: [try Self.item(ConceptID.Drug.leuprolide)]),
                          present: false, daysBefore: 365, daysAfter: 0)],
            exit: .daysAfterEntry(90), priorObservationDays: 180)
        let json = cohort.circeJSON()
        let expression = try CohortExpression.parse(json)
        #expect(expression.conceptSets.map(\.name) == ["PSA", "ADT"])
        #expect(expression.conceptSets[1].items.first?.includeDescendants == true)
        #expect(expression.primaryCriteria.limit == .all && expression.expressionLimit == .all)
        #expect(expression.primaryCriteria.observationWindow == ObservationWindow(priorDays: 180, postDays: 0))
        guard case .measurement(let entry) = try #require(expression.primaryCriteria.criteria.first) else {
            Issue.record("entry is not a measurement")
            return
        }
        #expect(entry.codesetId == 0 && !entry.first && entry.valueAsNumber?.op == .greaterThan && entry.valueAsNumber?.value == 10.5)
        #expect(expression.inclusionRules.map(\.name) == ["Age 50 or older at entry", "Male", "No ADT"])
        #expect(expression.inclusionRules[0].expression?.demographics.first?.age?.op == .atLeast)
        #expect(expression.inclusionRules[1].expression?.demographics.first?.gender?.map(\.id) == [ConceptID.Gender.male])
        let rule = try #require(expression.inclusionRules[2].expression?.criteria.first)
        #expect(rule.occurrence == Occurrence(kind: .exactly, count: 0))
        #expect(rule.startWindow?.start.days == -365 && rule.startWindow?.end.days == 0)
        guard case .drugExposure(let drug) = rule.criteria else {
            Issue.record("the rule is not on drugs")
            return
        }
        #expect(drug.codesetId == 1)
        #expect(expression.endStrategy == .dateOffset(field: .startDate, offset: 90))
        // ATLAS's key order, so the JSON reads like an export.
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.hasPrefix(#"{"ConceptSets":["#) && text.contains(#""EndStrategy":{"DateOffset""#))
    }

    @Test func aFirstOccurrenceCohortEndsWithObservation() throws {
        let cohort = SimpleCohort(entry: .init(domain: .condition, conceptSetName: "Breast", items: [try Self.item(ConceptID.Cancer.malignantTumorOfBreast)]),
                                  minimumAge: 18, maximumAge: 80)
        let expression = try CohortExpression.parse(cohort.circeJSON())
        #expect(expression.endStrategy == nil && expression.primaryCriteria.limit == .first)
        #expect(expression.inclusionRules.map(\.name) == ["Age 18 to 80 at entry"])
        #expect(expression.inclusionRules[0].expression?.demographics.first?.age?.extent == 80)
        guard case .conditionOccurrence(let entry) = expression.primaryCriteria.criteria.first else {
            Issue.record("entry is not a condition")
            return
        }
        #expect(entry.first)
    }

    @Test(arguments: TestDatabases.backends)
    func typedConceptsResolveByIdOrCode(_ backend: TestDatabases.Backend) async throws {
        try await VocabularyFixture.with(backend) { db in
            let breast = try #require(try await db.query("SELECT concept_code FROM concept WHERE concept_id = ?",
                                                         [.integer(ConceptID.Cancer.malignantTumorOfBreast)]).first?["concept_code"].textValue)
            let found = try await db.concepts(typed: "\(ConceptID.Marker.psa), \(breast);\(ConceptID.Marker.psa)", field: "entry-concepts")
            #expect(found.map(\.id) == [ConceptID.Marker.psa, ConceptID.Cancer.malignantTumorOfBreast])
            do {
                _ = try await db.concepts(typed: "4112853 nonsense 999999999", field: "entry-concepts")
                Issue.record("unknown concepts were accepted")
            } catch let error as ConceptInputError {
                #expect(error.field == "entry-concepts" && error.reason.hasSuffix("nonsense, 999999999"), "\(error)")
            }
            await #expect(throws: ConceptInputError.self) { try await db.concepts(typed: " , ", field: "f") }
        }
    }
}
