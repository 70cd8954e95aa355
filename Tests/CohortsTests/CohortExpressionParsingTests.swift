import CDMTestSupport
import Cohorts
import Foundation
import Testing

@Suite struct CohortExpressionParsingTests {
    static func parse(_ json: String) throws -> CohortExpression {
        try CohortExpression.parse(Data(json.utf8))
    }

    static let minimal = """
        {"ConceptSets": [{"id": 0, "name": "c", "expression": {"items": [{"concept": {"CONCEPT_ID": 1}, "includeDescendants": true}]}}],
         "PrimaryCriteria": {"CriteriaList": [{"ConditionOccurrence": {"CodesetId": 0}}],
                             "ObservationWindow": {"PriorDays": 365, "PostDays": 0}}}
        """

    @Test func circeDefaults() throws {
        let expression = try Self.parse(Self.minimal)
        #expect(expression.primaryCriteria.limit == .first)
        #expect(expression.qualifiedLimit == .first)
        #expect(expression.expressionLimit == .first)
        #expect(expression.collapseSettings.eraPad == 0)
        #expect(expression.endStrategy == nil)
        #expect(expression.inclusionRules.isEmpty && expression.censoringCriteria.isEmpty)
        #expect(expression.primaryCriteria.observationWindow == ObservationWindow(priorDays: 365, postDays: 0))
        let item = try #require(expression.conceptSets.first?.items.first)
        #expect(item.concept.id == 1 && item.includeDescendants && !item.includeMapped && !item.isExcluded)
        guard case .conditionOccurrence(let criteria) = expression.primaryCriteria.criteria.first else {
            Issue.record("expected a condition occurrence criterion")
            return
        }
        #expect(criteria.codesetId == 0 && !criteria.first && criteria.conditionTypeExclude == false)
    }

    /// Keys and enumerated values are matched whatever their case; unknown keys are ignored.
    @Test func caseInsensitiveAndTolerant() throws {
        let expression = try Self.parse("""
            {"primaryCriteria": {"criteriaList": [{"drugexposure": {"codesetId": 2, "first": true}}],
              "primaryCriteriaLimit": {"type": "all"}, "SomethingNew": 1},
             "QualifiedLimit": {"Type": "LAST"},
             "AdditionalCriteria": {"Type": "at_least", "Count": 2, "CriteriaList": [
               {"Criteria": {"Measurement": {"Age": {"Value": 18, "Op": "GTE"}}},
                "StartWindow": {"Start": {"Days": 90, "Coeff": -1}, "End": {"Days": 0, "Coeff": 1}},
                "Occurrence": {"Type": 2, "Count": 1, "IsDistinct": true, "CountColumn": "visit_id"}}]},
             "EndStrategy": {"DateOffset": {"DateField": "EndDate", "Offset": 7}},
             "CollapseSettings": {"CollapseType": "era", "EraPad": 30},
             "CensorWindow": {"StartDate": "2010-01-01", "EndDate": null}}
            """)
        #expect(expression.primaryCriteria.limit == .all)
        #expect(expression.qualifiedLimit == .last)
        guard case .drugExposure(let drug) = expression.primaryCriteria.criteria.first else {
            Issue.record("expected a drug exposure criterion")
            return
        }
        #expect(drug.codesetId == 2 && drug.first)
        let group = try #require(expression.additionalCriteria)
        #expect(group.kind == .atLeast(2))
        let correlated = try #require(group.criteria.first)
        #expect(correlated.startWindow?.start == Window.Endpoint(days: -90, isBefore: true) && correlated.startWindow?.end == Window.Endpoint(days: 0, isBefore: false))
        #expect(correlated.occurrence?.kind == .atLeast && correlated.occurrence?.countColumn == .visitID)
        guard case .measurement(let measurement) = correlated.criteria else {
            Issue.record("expected a measurement criterion")
            return
        }
        #expect(measurement.age?.op == .atLeast && measurement.age?.value == 18)
        #expect(expression.endStrategy == .dateOffset(field: .endDate, offset: 7))
        #expect(expression.collapseSettings.eraPad == 30)
        #expect(expression.censorWindow?.start?.description == "2010-01-01" && expression.censorWindow?.end == nil)
    }

    /// Bad values are refused with the JSON path of the value.
    @Test(arguments: [
        (#"{"PrimaryCriteria": {"CriteriaList": [{"ConditionOccurrence": {"Age": {"Value": 1, "Op": "about"}}}]}}"#,
         "$.PrimaryCriteria.CriteriaList[0].ConditionOccurrence.Age.Op", "is not one of"),
        (#"{"PrimaryCriteria": {"CriteriaList": [{"Surgery": {}}]}}"#, "$.PrimaryCriteria.CriteriaList[0].Surgery", "not a criteria type"),
        (#"{"PrimaryCriteria": {"CriteriaList": [], "PrimaryCriteriaLimit": {"Type": "Middle"}}}"#,
         "$.PrimaryCriteria.PrimaryCriteriaLimit.Type", "is not First, Last or All"),
        (#"{"PrimaryCriteria": {"CriteriaList": [{"VisitOccurrence": {"OccurrenceStartDate": {"Value": "2020-13-01", "Op": "gt"}}}]}}"#,
         "$.PrimaryCriteria.CriteriaList[0].VisitOccurrence.OccurrenceStartDate.Value", "is not a date"),
        (#"{"PrimaryCriteria": {"CriteriaList": [{"Death": {"Age": {"Value": 1, "Op": "bt"}}}]}}"#,
         "$.PrimaryCriteria.CriteriaList[0].Death.Age.Extent", "needs an Extent"),
        (#"{"ConceptSets": [], "Title": "no entry"}"#, "$.PrimaryCriteria", "needs PrimaryCriteria"),
        (#"{"PrimaryCriteria": {"CriteriaList": [{"Death": {"CodesetId": "one"}}]}}"#, "$.PrimaryCriteria.CriteriaList[0].Death.CodesetId", "expected an integer"),
        (#"{"PrimaryCriteria": "#, "$", "not valid JSON"),
    ])
    func badValuesNameTheirPath(_ json: String, _ path: String, _ reason: String) {
        do {
            _ = try Self.parse(json)
            Issue.record("accepted: \(json)")
        } catch let error as CohortDefinitionError {
            #expect(error.path == path)
            #expect(error.reason.contains(reason), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Every definition of the OHDSI PhenotypeLibrary reads; failures are reported by file.
    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"))
    func everyPhenotypeLibraryDefinitionParses() throws {
        let folder = ReferenceDatasets.path("phenotypes/cohorts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 1_100)
        var failures: [String] = []
        var criteria = 0, inclusionRules = 0
        for file in files {
            do {
                let expression = try CohortExpression.parse(Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
                criteria += expression.primaryCriteria.criteria.count
                inclusionRules += expression.inclusionRules.count
            } catch {
                failures.append("\(file): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failed, e.g. \(failures.prefix(5))")
        #expect(criteria >= 1_100 && inclusionRules > 500)
    }

    /// circe-be's own test expressions read; its two negative cases are refused where circe refuses them.
    @Test(.enabled(if: ReferenceDatasets.isPresent("circe-conformance"), "\(ReferenceDatasets.skipReason)"))
    func circeConformanceExpressions() throws {
        let folder = ReferenceDatasets.path("circe-conformance")
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [[String: Any]])
        #expect(manifest.count == 41)
        var negatives: [String: CohortDefinitionError] = [:]
        for entry in manifest {
            let name = entry["name"] as! String
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + (entry["expression"] as! String)))
            if entry["expectError"] as? Bool == true {
                #expect(throws: CohortDefinitionError.self, "\(name) must be refused") { try CohortExpression.parse(data) }
                do { _ = try CohortExpression.parse(data) } catch let error as CohortDefinitionError { negatives[name] = error }
            } else {
                #expect(throws: Never.self, "\(name)") { try CohortExpression.parse(data) }
            }
        }
        #expect(negatives.count == 2)
        #expect(negatives["continuousExposure/negative-nullDrugCodesetId"]?.path == "$.EndStrategy.CustomEra.DrugCodesetId")
        #expect(negatives["correlatedCriteriaCounts/negative-occurrenceType-99"]?.reason.contains("-99 is not 0") == true)
    }
}
