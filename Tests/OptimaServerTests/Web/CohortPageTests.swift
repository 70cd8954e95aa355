import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Governance
import OMOP
import Synthetic
import Testing

@testable import OptimaServer

/// The cohort pages over a generated population: a cohort built in the form finds the persons a hand-written
/// Circe definition finds, imports keep their bytes, counts and attrition are the library's, governed.
@Suite struct CohortPageTests {
    static let settings = GenerationSettings(persons: 1_000, seed: 11)

    func withSite(_ backend: TestDatabases.Backend, _ body: @escaping @Sendable (WebTestClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(Self.settings, site: .single, persons: 0..<Self.settings.persons)
            try await TestServer.make(db).web(as: .researcher) { web in try await body(web, db) }
        }
    }

    /// The id a create or import redirected to.
    static func createdID(_ page: WebTestClient.Page) throws -> Int64 {
        let location = try #require(page.location, "status \(page.status): \(page.body.prefix(2000))")
        return try #require(Int64(location.replacingOccurrences(of: "/cohorts/", with: "")), "\(location)")
    }

    /// (person, start, end) of every row of a generated cohort.
    static func members(_ db: any Database, _ id: Int64) async throws -> Set<String> {
        Set(try await db.query("SELECT subject_id, cohort_start_date, cohort_end_date FROM cohort WHERE cohort_definition_id = ?", [.integer(id)]).map {
            "\($0["subject_id"].integerValue ?? -1) \($0["cohort_start_date"].dateValue?.description ?? "") \($0["cohort_end_date"].dateValue?.description ?? "")"
        })
    }

    /// The texts of the elements with this class attribute, in order (cells of our own tables).
    static func cells(_ html: String, class name: String) -> [String] {
        html.components(separatedBy: "class=\"\(name)\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    static func element(_ html: String, id: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let open = rest.firstIndex(of: ">") else { return nil }
        return String(rest[rest.index(after: open)...].prefix { $0 != "<" })
    }

    static let breastForm: [(String, String)] = [
        ("cohort-name", "Breast cancer, 40 or older, operated"), ("cohort-desc", "built in a test"),
        ("entry-domain", "condition"), ("entry-concepts", "\(ConceptID.Cancer.malignantTumorOfBreast)"), ("entry-descendants", "1"),
        ("entry-first", "1"), ("value-op", ""), ("age-min", "40"), ("age-max", ""), ("gender", "female"), ("prior-days", "30"),
        ("rule-1-name", ""), ("rule-1-kind", "has"), ("rule-1-count", "1"), ("rule-1-domain", "procedure"),
        ("rule-1-concepts", "\(ConceptID.Procedure.lumpectomyOfBreast) \(ConceptID.Procedure.mastectomy)"),
        ("rule-1-before", "0"), ("rule-1-after", "365"),
        ("rule-2-concepts", ""), ("rule-3-concepts", ""), ("exit", "days"), ("exit-days", "365"),
    ]

    static let breastByHand = """
        {"ConceptSets":[{"id":5,"name":"Breast","expression":{"items":[{"concept":{"CONCEPT_ID":4112853},"includeDescendants":true}]}},
          {"id":9,"name":"Surgery","expression":{"items":[{"concept":{"CONCEPT_ID":4213045}},{"concept":{"CONCEPT_ID":2000000501}}]}}],
         "PrimaryCriteria":{"CriteriaList":[{"ConditionOccurrence":{"CodesetId":5,"First":true}}],
           "ObservationWindow":{"PriorDays":30,"PostDays":0},"PrimaryCriteriaLimit":{"Type":"First"}},
         "InclusionRules":[{"name":"women of 40 or more, operated within a year","expression":{"Type":"ALL",
           "DemographicCriteriaList":[{"Age":{"Value":40,"Op":"gte"},"Gender":[{"CONCEPT_ID":8532}]}],
           "CriteriaList":[{"Criteria":{"ProcedureOccurrence":{"CodesetId":9}},
             "StartWindow":{"Start":{"Days":0,"Coeff":-1},"End":{"Days":365,"Coeff":1}},"Occurrence":{"Type":2,"Count":1}}]}}],
         "EndStrategy":{"DateOffset":{"DateField":"StartDate","Offset":365}}}
        """

    static let psaForm: [(String, String)] = [
        ("cohort-name", "PSA above 10 without ADT"), ("entry-domain", "measurement"), ("entry-concepts", "\(ConceptID.Marker.psa)"),
        ("value-op", "gt"), ("value", "10"), ("gender", "male"), ("prior-days", "0"),
        ("rule-1-kind", "has-not"), ("rule-1-domain", "drug"), ("rule-1-concepts", "\(ConceptID.Drug.leuprolide)"), ("rule-1-descendants", "1"),
        ("rule-1-before", "365"), ("rule-1-after", "0"), ("rule-1-count", "1"), ("exit", "observation"), ("exit-days", ""),
    ]

    static let psaByHand = """
        {"ConceptSets":[{"id":1,"name":"PSA","expression":{"items":[{"concept":{"CONCEPT_ID":3013603}}]}},
          {"id":2,"name":"Leuprolide","expression":{"items":[{"concept":{"CONCEPT_ID":1351541},"includeDescendants":true}]}}],
         "PrimaryCriteria":{"CriteriaList":[{"Measurement":{"CodesetId":1,"ValueAsNumber":{"Value":10,"Op":"gt"}}}],
           "ObservationWindow":{"PriorDays":0,"PostDays":0},"PrimaryCriteriaLimit":{"Type":"All"}},
         "ExpressionLimit":{"Type":"All"},
         "InclusionRules":[{"name":"men","expression":{"Type":"ALL","DemographicCriteriaList":[{"Gender":[{"CONCEPT_ID":8507}]}]}},
           {"name":"no ADT in the year before","expression":{"Type":"AT_MOST","Count":0,"CriteriaList":[{"Criteria":{"DrugExposure":{"CodesetId":2}},
             "StartWindow":{"Start":{"Days":365,"Coeff":-1},"End":{"Days":0,"Coeff":1}},"Occurrence":{"Type":2,"Count":1}}]}}]}
        """

    @Test(arguments: TestDatabases.backends)
    func aCohortBuiltInTheFormFindsWhatHandWrittenCirceFinds(_ backend: TestDatabases.Backend) async throws {
        try await withSite(backend) { web, db in
            for (form, byHand, handID) in [(Self.breastForm, Self.breastByHand, Int64(9001)), (Self.psaForm, Self.psaByHand, Int64(9002))] {
                let created = try await web.post("/cohorts", form: form)
                #expect(created.status == .seeOther)
                let id = try Self.createdID(created)
                let stored = try #require(try await db.cohortDefinition(id: id))
                #expect(stored.name == form.first { $0.0 == "cohort-name" }?.1)
                _ = try CohortCompiler(try stored.expression(), cohortID: id, dialect: db.dialect).statements()
                let generated = try await web.post("/cohorts/\(id)/generate", form: [])
                #expect(generated.status == .seeOther && generated.location == "/cohorts/\(id)")
                _ = try await db.generateCohort(try CohortExpression.parse(Data(byHand.utf8)), cohortID: handID)
                let members = try await Self.members(db, id)
                #expect(members.count >= 5, "\(stored.name): too few members for a meaningful comparison")
                #expect(members == (try await Self.members(db, handID)), "\(stored.name)")
            }
        }
    }

    @Test func theCohortPageShowsTheLibrarysCountsAndAttrition() async throws {
        try await withSite(.sqlite) { web, db in
            let id = try Self.createdID(try await web.post("/cohorts", form: Self.breastForm))
            let before = try await web.get("/cohorts/\(id)")
            #expect(before.status == .ok && before.body.contains("Not generated yet") && !before.body.contains("id=\"attrition\""))
            #expect(before.body.contains("id=\"generate-button\""))
            _ = try await web.post("/cohorts/\(id)/generate", form: [])
            let page = try await web.get("/cohorts/\(id)")
            let persons = Int(try #require(try await db.query(
                "SELECT COUNT(DISTINCT subject_id) AS n FROM cohort WHERE cohort_definition_id = ?", [.integer(id)]).first?["n"].integerValue))
            #expect(Self.element(page.body, id: "cohort-persons") == SmallCellCount(persons).description)
            let rules = try #require(try await db.cohortDefinition(id: id)).expression().inclusionRules.map(\.name)
            #expect(rules.count == 3 && rules.prefix(2) == ["Age 40 or older at entry", "Female"])
            #expect(rules.last?.hasPrefix("Has ") == true && rules.last?.hasSuffix("from 0 days before to 365 days after entry") == true)
            for (mode, query) in [(1, ""), (0, "?mode=event")] {
                let attrition = try await db.attrition(cohortID: id, mode: mode, rules: rules)
                let expected = CellSuppression.chain([attrition.base] + attrition.rules.map(\.remaining) + [attrition.final], minimum: 5)
                let shown = try await web.get("/cohorts/\(id)\(query)")
                #expect(Self.cells(shown.body, class: "num remaining") == expected.map(\.description), "mode \(mode)")
                #expect(shown.body.contains("id=\"attrition-chart\"") && shown.body.contains("<svg"))
            }
            // The final step by person is the cohort's persons.
            #expect(try await db.attrition(cohortID: id, mode: 1, rules: rules).final == persons)
            // The readable description, the concept names from the vocabulary, the links and the JSON.
            let breastName = try #require(try await db.query("SELECT concept_name FROM concept WHERE concept_id = 4112853").first?["concept_name"].textValue)
            #expect(page.body.contains("id=\"cohort-description\"") && page.body.contains("<strong>Entry.</strong>"))
            #expect(page.body.contains(HTML.escape(breastName)))
            #expect(page.body.contains("/analyses/survival?cohort=\(id)") && page.body.contains("/analyses/characterization?target=\(id)"))
            let list = try await web.get("/cohorts")
            #expect(list.body.contains("id=\"cohort-list\"") && list.body.contains("UTC"))
            #expect(Self.cells(list.body, class: "num persons") == [SmallCellCount(persons).description])
        }
    }

    @Test func anImportKeepsItsBytesAndTheDownloadReturnsThem() async throws {
        try await withSite(.sqlite) { web, db in
            let expression = Self.breastByHand.replacingOccurrences(of: "\"ConceptSets\":", with: "\"ConceptSets\" :\n\t")
            let wrapped = "{\"name\":\"Breast by hand\", \"description\": \"pasted\",\n \"expression\": \(expression) }"
            let id = try Self.createdID(try await web.post("/cohorts/import", form: [("import-name", ""), ("cohort-json", wrapped)]))
            let stored = try #require(try await db.cohortDefinition(id: id))
            #expect(stored.json == Data(expression.utf8) && stored.name == "Breast by hand" && stored.description == "pasted")
            let file = try await web.get("/cohorts/\(id)/definition.json")
            #expect(file.status == .ok && file.body == expression)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let bare = try Self.createdID(try await web.post("/cohorts/import", form: [("import-name", "Bare"), ("cohort-json", Self.psaByHand)]))
            #expect(try await web.get("/cohorts/\(bare)/definition.json").body == Self.psaByHand)
            #expect(try await db.cohortDefinition(id: bare)?.name == "Bare")
        }
    }

    @Test func refusedFormsComeBackWithTheMessageByTheField() async throws {
        try await withSite(.sqlite) { web, db in
            let badJSON = try await web.post("/cohorts/import", form: [("import-name", "x"), ("cohort-json", "{\"PrimaryCriteria\": ")])
            #expect(badJSON.status == .unprocessableContent)
            #expect(Self.element(badJSON.body, id: "cohort-json-error") == "Cohort definition JSON: $: not valid JSON")
            #expect(badJSON.body.contains("aria-describedby=\"cohort-json-error\"") && badJSON.body.contains("{&quot;PrimaryCriteria&quot;: </textarea>"))
            let badPath = try await web.post("/cohorts/import", form: [("cohort-json", #"{"name":"n","expression":{"PrimaryCriteria":{"PrimaryCriteriaLimit":{"Type":"Often"}}}}"#)])
            #expect(Self.element(badPath.body, id: "cohort-json-error")?.contains("$.expression.PrimaryCriteria.PrimaryCriteriaLimit.Type") == true)
            let unnamed = try await web.post("/cohorts/import", form: [("cohort-json", Self.psaByHand)])
            #expect(Self.element(unnamed.body, id: "import-name-error")?.hasPrefix("Name:") == true)

            var form = Self.breastForm.filter { !["cohort-name", "age-min", "rule-2-concepts"].contains($0.0) } + [("cohort-name", "  "), ("age-min", "abc")]
            form += [("rule-2-concepts", "nonsense"), ("rule-2-kind", "has"), ("rule-2-domain", "drug"), ("rule-2-before", "1"), ("rule-2-after", "1")]
            let refused = try await web.post("/cohorts", form: form)
            #expect(refused.status == .unprocessableContent)
            #expect(Self.element(refused.body, id: "cohort-name-error") == "Name: a cohort needs a name")
            #expect(Self.element(refused.body, id: "age-min-error") == "Minimum age: must be a whole number (got &quot;abc&quot;)")
            #expect(Self.element(refused.body, id: "rule-2-concepts-error")?.contains("nonsense") == true)
            #expect(refused.body.contains("id=\"age-min\" name=\"age-min\" value=\"abc\" inputmode=\"numeric\" aria-invalid=\"true\""))
            // What was typed stays, and the concepts that were found are named.
            #expect(refused.body.contains("value=\"\(ConceptID.Procedure.lumpectomyOfBreast) \(ConceptID.Procedure.mastectomy)\""))
            let breastName = try #require(try await db.query("SELECT concept_name FROM concept WHERE concept_id = 4112853").first?["concept_name"].textValue)
            #expect(refused.body.contains("id=\"entry-concepts-chosen\"") && refused.body.contains(HTML.escape(breastName)))
            let measured = try await web.post("/cohorts", form: Self.breastForm.filter { $0.0 != "value-op" } + [("value-op", "gt"), ("value", "x")])
            #expect(Self.element(measured.body, id: "value-op-error")?.contains("only measurements") == true)
            #expect(Self.element(measured.body, id: "value-error") == "Value: must be a number (got &quot;x&quot;)")
            #expect(try await db.cohortOverview().isEmpty, "a refused form stored a cohort")
            let blank = try await web.get("/cohorts/new")
            #expect(blank.body.contains("id=\"cohort-form\"") && blank.body.contains("id=\"import-form\"") && blank.body.contains("id=\"rule-3-concepts\""))
        }
    }

    @Test func smallCountsReadBelowTheMinimumAndNamesAreEscaped() async throws {
        try await withSite(.sqlite) { web, db in
            try await db.transaction([SQLStatement("""
                INSERT INTO concept (concept_id, concept_name, domain_id, vocabulary_id, concept_class_id, concept_code, valid_start_date, valid_end_date)
                VALUES (2099000001, 'Rare <b>condition</b>', 'Condition', 'Optima', 'Clinical Finding', 'RARE1', '1970-01-01', '2099-12-31')
                """)] + (1...3).map { person in
                SQLStatement("""
                    INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_type_concept_id, condition_status_concept_id, condition_source_concept_id)
                    SELECT 900000000 + person_id, person_id, 2099000001, observation_period_start_date, 32817, 0, 0
                    FROM observation_period WHERE person_id = \(person)
                    """)
            })
            let name = "<script>alert(1)</script>"
            let id = try Self.createdID(try await web.post("/cohorts", form: [
                ("cohort-name", name), ("entry-domain", "condition"), ("entry-concepts", "RARE1"), ("entry-first", "1"),
                ("prior-days", "0"), ("exit", "observation"),
            ]))
            _ = try await web.post("/cohorts/\(id)/generate", form: [])
            #expect(try await Self.members(db, id).count == 3)
            let page = try await web.get("/cohorts/\(id)")
            #expect(Self.element(page.body, id: "cohort-persons") == "&lt;5")
            #expect(Self.cells(page.body, class: "num remaining") == ["&lt;5"])
            let list = try await web.get("/cohorts")
            #expect(Self.cells(list.body, class: "num persons") == ["&lt;5"])
            for body in [page.body, list.body] {
                #expect(!body.contains(name) && body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            #expect(!page.body.contains("<b>condition</b>") && page.body.contains("Rare &lt;b&gt;condition&lt;/b&gt;"))
        }
    }
}
