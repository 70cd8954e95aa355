import CDMTestSupport
import Cohorts
import Foundation
import Testing

@Suite struct CohortDescriptionTests {
    @Test func describesEveryPart() throws {
        let expression = try CohortExpression.parse(Data("""
            {"ConceptSets": [{"id": 0, "name": "Breast cancer", "expression": {"items": []}},
                             {"id": 1, "name": "Trastuzumab", "expression": {"items": []}}],
             "PrimaryCriteria": {"CriteriaList": [{"ConditionOccurrence": {"CodesetId": 0, "First": true, "Age": {"Value": 18, "Op": "gte"}}}],
                                 "ObservationWindow": {"PriorDays": 365, "PostDays": 0}, "PrimaryCriteriaLimit": {"Type": "First"}},
             "InclusionRules": [{"name": "Treated", "expression": {"Type": "ALL", "CriteriaList": [
                {"Criteria": {"DrugExposure": {"CodesetId": 1}},
                 "StartWindow": {"Start": {"Days": 0, "Coeff": 1}, "End": {"Days": 90, "Coeff": 1}},
                 "Occurrence": {"Type": 2, "Count": 1}}]}}],
             "EndStrategy": {"CustomEra": {"DrugCodesetId": 1, "GapDays": 30, "Offset": 0}},
             "CollapseSettings": {"CollapseType": "ERA", "EraPad": 7}}
            """.utf8))
        let text = CohortDescription(expression).text
        #expect(text.contains("the earliest of these events:\n- the first condition occurrence of “Breast cancer”, aged ≥ 18"))
        #expect(text.contains("at least 365 days of continuous observation before"))
        #expect(text.contains("1. Treated: events having all of:\n  - at least 1 drug exposure of “Trastuzumab”, starting between the index start and 90 days after the index start"))
        #expect(text.contains("continuous exposure to “Trastuzumab”, allowing gaps of 30 days"))
        #expect(text.contains("less than 7 days apart merge"))
    }

    /// Every PhenotypeLibrary definition gets a description naming the concept sets of its entry events.
    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"))
    func describesThePhenotypeLibrary() throws {
        let folder = ReferenceDatasets.path("phenotypes/cohorts")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".json") }) {
            let expression = try CohortExpression.parse(Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
            let text = CohortDescription(expression).text
            #expect(text.hasPrefix("**Entry.**") && text.contains("**Exit.**"), "\(file)")
            for set in expression.conceptSets where !set.name.isEmpty && text.contains("concept set \(set.id)") {
                Issue.record("\(file): concept set \(set.id) named by number although it is called \(set.name)")
            }
        }
    }
}
