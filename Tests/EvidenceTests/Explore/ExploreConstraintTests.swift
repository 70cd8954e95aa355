import Evidence
import Foundation
import Testing

/// Reading constraints: tranSMART JSON round-trips, and every mistake is reported at its JSON path.
@Suite struct ExploreConstraintTests {
    static func parse(_ json: String) throws -> ExploreConstraint {
        try ExploreConstraint.parse(Data(json.utf8))
    }

    @Test func roundTripsThroughItsCanonicalJSON() throws {
        let json = """
            {"type": "and", "args": [
              {"type": "subselection", "dimension": "patient", "constraint": {"type": "and", "args": [
                {"type": "concept", "conceptCode": "SNOMED:254837009"},
                {"type": "time", "field": {"dimension": "start time", "fieldName": "startDate", "type": "DATE"},
                 "operator": "<-->", "values": ["2015-01-01T00:00:00Z", "2020-12-31T23:59:59Z"]}]}},
              {"type": "negation", "arg": {"type": "subselection", "dimension": "patient",
                "constraint": {"type": "concept", "conceptIds": [1436678, 19019851], "includeDescendants": false}}},
              {"type": "field", "field": {"dimension": "patient", "fieldName": "age", "type": "NUMERIC"}, "operator": "<-->", "value": [50, 70]},
              {"type": "or", "args": [{"type": "patient_set", "patientSetId": 3}, {"type": "true"}]}]}
            """
        let constraint = try Self.parse(json)
        #expect(try Self.parse(constraint.canonicalJSON) == constraint)
        guard case .and(let args) = constraint, case .subselection(.and(let inner)) = args[0], case .time(let time) = inner[1] else {
            Issue.record("unexpected shape: \(constraint)")
            return
        }
        #expect(time.dates.map(\.description) == ["2015-01-01", "2020-12-31"])
        #expect(try JSONDecoder().decode(ExploreConstraint.self, from: Data(json.utf8)) == constraint)
    }

    @Test(arguments: [
        (#"{"type": "concepts", "conceptCode": "X:1"}"#, "type", "unknown constraint type"),
        (#"{"type": "concept", "conceptCode": "SNOMED:1", "code": 3}"#, "code", "unknown field"),
        (#"{"type": "concept"}"#, "", "needs conceptCode"),
        (#"{"type": "concept", "conceptCode": "254837009"}"#, "conceptCode", "VOCABULARY:CODE"),
        (#"{"type": "and", "args": [{"type": "true"}, {"type": "subselection", "dimension": "patient", "constraint": {"type": "value", "valueType": "STRING", "operator": "<", "value": "x"}}]}"#,
         "args[1].constraint.operator", "not allowed"),
        (#"{"type": "value", "valueType": "NUMERIC", "operator": "=", "value": "ten"}"#, "value", "expected a number"),
        (#"{"type": "value", "valueType": "TEXT", "operator": "=", "value": "a"}"#, "valueType", "NUMERIC or STRING"),
        (#"{"type": "value", "valueType": "NUMERIC", "operator": "<-->", "value": [5]}"#, "value", "exactly two"),
        (#"{"type": "time", "operator": "<-", "values": ["2020-13-01"]}"#, "values[0]", "not a date"),
        (#"{"type": "time", "operator": "<-->", "values": ["2021-01-01", "2020-01-01"]}"#, "values", "after the second"),
        (#"{"type": "time", "operator": "like", "values": ["2020-01-01"]}"#, "operator", "not allowed"),
        (#"{"type": "field", "field": {"dimension": "patient", "fieldName": "height", "type": "NUMERIC"}, "operator": ">", "value": 1}"#, "field.fieldName", "unknown patient field"),
        (#"{"type": "field", "field": {"dimension": "patient", "fieldName": "sex", "type": "STRING"}, "operator": "=", "value": "other"}"#, "value", "male"),
        (#"{"type": "subselection", "dimension": "visit", "constraint": {"type": "true"}}"#, "dimension", "patient"),
        (#"{"type": "or", "args": []}"#, "args", "at least one"),
        (#"{"type": "negation", "arg": {"type": "patient_set", "patientSetId": 1.5}}"#, "arg.patientSetId", "whole number"),
        (#"[1, 2]"#, "", "expected a constraint object"),
        (#"{"type": "#, "", "not valid JSON"),
    ])
    func errorsNameTheirPath(_ json: String, _ path: String, _ words: String) {
        do {
            _ = try Self.parse(json)
            Issue.record("accepted \(json)")
        } catch let error as ExploreError {
            #expect(error.path == path, "\(json): \(error)")
            #expect(error.description.contains(words), "\(json): \(error)")
        } catch {
            Issue.record("not an ExploreError: \(error)")
        }
    }
}
