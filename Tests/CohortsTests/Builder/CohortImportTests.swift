import Cohorts
import Foundation
import Testing

/// Pasted ATLAS JSON keeps its bytes: a WebAPI wrapper's expression is cut out of the text, not re-serialised.
@Suite struct CohortImportTests {
    static let expression = #"{ "ConceptSets" : [ {"id":0,"name":"x \"quoted\" {","expression":{"items":[{"concept":{"CONCEPT_ID":4112853}}]}} ],"PrimaryCriteria":{"CriteriaList":[{"ConditionOccurrence":{"CodesetId":0}}],"ObservationWindow":{"PriorDays":0,"PostDays":0}} ,  "ExtraNumber": 1.50 }"#

    @Test func aWrappedExpressionKeepsItsBytes() throws {
        let text = "{\"name\": \"Breast\" ,\n \"description\":\"from ATLAS\", \"expression\" :\t\(Self.expression)  , \"id\": 7}"
        let imported = try CohortImport(json: Data(text.utf8))
        #expect(imported.name == "Breast" && imported.description == "from ATLAS")
        #expect(String(decoding: imported.expression, as: UTF8.self) == Self.expression)
        // The expression last: its span ends at the object's closing brace.
        let last = try CohortImport(json: Data("{\"expression\":\(Self.expression)}".utf8))
        #expect(String(decoding: last.expression, as: UTF8.self) == Self.expression)
    }

    @Test func aStringExpressionAndABareOneAreTakenAsTheyAre() throws {
        let quoted = String(decoding: try JSONSerialization.data(withJSONObject: ["name": "N", "expression": Self.expression]), as: UTF8.self)
        #expect(String(decoding: try CohortImport(json: Data(quoted.utf8)).expression, as: UTF8.self) == Self.expression)
        let bare = try CohortImport(json: Data(Self.expression.utf8))
        #expect(bare.expression == Data(Self.expression.utf8) && bare.name == nil)
        let titled = try CohortImport(json: Data(#"{"Title":"Lung","PrimaryCriteria":{"CriteriaList":[]}}"#.utf8))
        #expect(titled.name == "Lung")
    }

    @Test func faultsNameTheirPath() {
        #expect(throws: CohortDefinitionError.self) { try CohortImport(json: Data("{\"name\":".utf8)) }
        do {
            _ = try CohortImport(json: Data(#"{"name":"x","expression":{"PrimaryCriteria":{"CriteriaList":[],"PrimaryCriteriaLimit":{"Type":"Sometimes"}}}}"#.utf8))
            Issue.record("a bad limit was accepted")
        } catch let error as CohortDefinitionError {
            #expect(error.path == "$.expression.PrimaryCriteria.PrimaryCriteriaLimit.Type", "\(error)")
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: CohortDefinitionError.self) { try CohortImport(json: Data(#"{"name":"x","expression":[1]}"#.utf8)) }
        #expect(throws: CohortDefinitionError.self) { try CohortImport(json: Data("[1]".utf8)) }
    }
}
