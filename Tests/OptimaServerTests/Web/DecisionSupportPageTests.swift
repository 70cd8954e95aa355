import CDMStore
import CDMTestSupport
import DecisionSupport
import Foundation
import Governance
import Ingest
import Synthetic
import Testing

@testable import OptimaServer

/// The decision-support pages: each tool's form answers as the library does for the same facts, a patient of the
/// database is read from the CDM and every tool of their cancer is run, bad input names its field, and only
/// clinicians (and administrators) may open them.
@Suite struct DecisionSupportPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// An example patient of `examples/patients` as its JSON object.
    static func example(_ cancer: String) throws -> JSONObject {
        let text = try String(contentsOf: root.appendingPathComponent("examples/patients/\(cancer).json"), encoding: .utf8)
        return try #require(try JSONParser.parse(text).object)
    }

    /// The example's facts as a person types them into the tool's form, and the facts document of just those fields:
    /// what the library is asked directly.
    static func form(_ tool: ToolID, from patient: JSONObject) -> (fields: [(String, String)], facts: JSONObject) {
        var fields: [(String, String)] = []
        var facts = JSONObject()
        facts["cancer"] = .string(tool.cancer.rawValue)
        var biomarkers = JSONObject()
        for field in ToolForm.of(tool).fields {
            let path = field.fact.split(separator: ".").map(String.init)
            guard let value = path.count == 2 ? patient[path[0]]?[path[1]] : patient[field.fact] else { continue }
            switch value {
            case .number(let number): fields.append((field.fact, number == number.rounded() ? String(Int(number)) : String(number)))
            case .string(let text): fields.append((field.fact, text.hasPrefix("cT") ? String(text.dropFirst()) : text))
            case .bool(let flag): fields.append((field.fact, flag ? "yes" : "no"))
            case .array(let items): fields += items.compactMap(\.string).map { (field.fact, $0) }
            default: continue
            }
            if path.count == 2 { biomarkers[path[1]] = value } else { facts[field.fact] = value }
        }
        if !biomarkers.members.isEmpty { facts["lungBiomarkers"] = .object(biomarkers) }
        return (fields, facts)
    }

    @Test func everyToolsFormAnswersAsTheLibrary() async throws {
        let tools = try DecisionTools()
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createSchema()
            let server = try await TestServer.make(db)
            try await server.web(as: .clinician) { web in
                var pages: [String: String] = [:]
                for tool in ToolID.allCases {
                    let blank = try await web.get("/decision-support/\(tool.rawValue)")
                    #expect(blank.status == .ok)
                    #expect(blank.body.contains("id=\"tool-form\"") && !blank.body.contains("id=\"tool-result\""))
                    for field in ToolForm.of(tool).fields where !blank.body.contains("for=\"\(field.inputID)") {
                        Issue.record("\(tool): no label for \(field.fact)")
                    }
                    let (fields, document) = Self.form(tool, from: try Self.example(tool.cancer.rawValue))
                    let expected = tools.evaluate(tool, try PatientFacts(json: .object(document)))
                    let page = try await web.post("/decision-support/\(tool.rawValue)", form: fields)
                    #expect(page.status == .ok, "\(tool): \(page.body.prefix(300))")
                    #expect(expected.status == .complete, "\(tool): the example should be complete")
                    let result = try #require(Self.element(id: "tool-result", in: page.body))
                    #expect(result.contains("data-status=\"\(expected.status.rawValue)\""), "\(tool)")
                    let summary = try #require(expected.output?.summary)
                    #expect(result.contains(HTML.escape(summary)), "\(tool): \(summary)")
                    #expect(Self.element(id: "plain-language", in: page.body)?.contains(HTML.escape(summary)) == true, "\(tool)")
                    if let words = expected.output?.patientExplanation {
                        #expect(Self.element(id: "plain-language", in: page.body)?.contains(HTML.escape(words)) == true, "\(tool)")
                    }
                    #expect(page.body.contains("id=\"icon-array\"") == (expected.output?.iconArray != nil), "\(tool)")
                    if let picture = expected.output?.iconArray {
                        let section = try #require(Self.element(id: "icon-array", in: page.body))
                        #expect(section.contains("<svg") && section.contains(HTML.escape(picture.caption)))
                        for category in picture.categories { #expect(section.contains("\(category.count) \(HTML.escape(category.label))")) }
                    }
                    for source in expected.sources { #expect(result.contains(HTML.escape(source.label)), "\(tool): \(source.label)") }
                    #expect(page.body.contains("id=\"similar-patients\""))
                    pages[tool.rawValue] = page.body
                }
                try await Self.expectValid(pages)
            }
        }
    }

    @Test func prostateRiskWithPSA25IsHighRiskAsTheRulesSay() async throws {
        var facts = PatientFacts()
        facts.cancer = .prostate
        facts.psa = 25
        facts.t = TNMCategory("T1c", axis: .t)
        facts.gradeGroup = 1
        let expected = try #require(try DecisionTools().evaluate(.prostateRisk, facts).output as? ProstateRiskOutput)
        #expect(expected.eau == .high)
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createSchema()
            try await TestServer.make(db).web(as: .clinician) { web in
                let page = try await web.post("/decision-support/prostate-risk", form: [("psa", "25"), ("t", "T1c"), ("gradeGroup", "1")])
                let result = try #require(Self.element(id: "tool-result", in: page.body))
                #expect(result.contains(HTML.escape(expected.summary)))
                #expect(result.contains("EAU high risk"))
                // What was typed stays in the form.
                #expect(page.body.contains("name=\"psa\" min=\"0\" max=\"10000\" step=\"any\" inputmode=\"decimal\" value=\"25\""))
            }
        }
    }

    @Test func inputErrorsNameTheFieldAndKeepTheForm() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            try await db.createSchema()
            try await TestServer.make(db).web(as: .clinician) { web in
                let word = try await web.post("/decision-support/prostate-risk", form: [("psa", "abc"), ("age", "64")])
                #expect(word.status == .unprocessableContent)
                #expect(word.body.contains("PSA (ng/mL): must be a number (got &quot;abc&quot;)"))
                #expect(word.body.contains("id=\"f-psa\"") && word.body.contains("aria-describedby=\"f-psa-hint f-psa-error\" aria-invalid=\"true\""))
                #expect(word.body.contains("value=\"64\""), "the other values stay")
                #expect(!word.body.contains("id=\"tool-result\""))

                let range = try await web.post("/decision-support/prostate-risk", form: [("psa", "-2"), ("gleasonPrimary", "7")])
                #expect(range.status == .unprocessableContent)
                #expect(range.body.contains("PSA (ng/mL): -2 ng/mL is outside the possible range 0–10000 ng/mL"))
                #expect(range.body.contains("Primary Gleason pattern: 7 is outside the possible range 1–5"))

                let cores = try await web.post("/decision-support/predict-prostate", form: [("biopsyCoresTaken", "4"), ("biopsyCoresPositive", "8")])
                #expect(cores.body.contains("Positive biopsy cores: 8 positive cores is more than the 4 cores taken"))

                let choice = try await web.post("/decision-support/lung-stage", form: [("m", "M7"), ("lungTumourFeatures", "wings")])
                #expect(choice.body.contains("M category: must be one of M0, M1, M1a, M1b, M1c (got &quot;M7&quot;)"))
                #expect(choice.body.contains("Tumour features: &quot;wings&quot; is not one of the choices"))

                let missing = try await web.post("/decision-support/npi", form: [("grade", "2")])
                #expect(missing.status == .ok)
                let result = try #require(Self.element(id: "tool-result", in: missing.body))
                #expect(result.contains("data-status=\"blocked\""))
                #expect(result.contains("Invasive tumour size (mm) — needed for an answer"))

                #expect(try await web.get("/decision-support/no-such-tool").status == .notFound)
                let unknownTool = try await web.post("/decision-support/no-such-tool", form: [])
                #expect(unknownTool.status == .notFound && unknownTool.body.contains("lung-therapy"))
            }
        }
    }

    @Test(arguments: TestDatabases.backends) func aPatientOfTheDatabaseGetsEveryToolOfTheirCancer(_ backend: TestDatabases.Backend) async throws {
        let tools = try DecisionTools()
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.generatePopulation(GenerationSettings(persons: 400, seed: 7), site: .single, persons: 0..<400,
                                                pseudonymizer: Pseudonymizer(secrets: server.secrets))
            // The first person whose record reads as a breast cancer with a complete PREDICT Breast evaluation.
            var chosen: (Int64, PatientFacts)?
            for row in try await db.query("SELECT person_id FROM person ORDER BY person_id") {
                guard let id = row["person_id"].integerValue else { continue }
                let facts = try await db.patientFacts(personID: id)
                if facts.cancer == .breast, tools.evaluate(.predictBreast, facts).status == .complete {
                    chosen = (id, facts)
                    break
                }
            }
            let (person, facts) = try #require(chosen, "the population has a breast cancer patient")
            let expected = tools.evaluateAll(facts)
            #expect(expected.map(\.tool) == [.breastSubtype, .npi, .predictBreast])
            try await server.web(as: .clinician) { web in
                let start = try await web.get("/decision-support")
                #expect(start.body.contains("<form method=\"post\" action=\"/decision-support/patient\" id=\"patient-form\""))
                #expect(start.body.contains("id=\"person\" name=\"person\""))
                for cancer in CancerSite.allCases { #expect(start.body.contains("id=\"cancer-\(cancer.rawValue)\"")) }
                for tool in ToolID.allCases { #expect(start.body.contains("href=\"/decision-support/\(tool.rawValue)\"")) }

                let page = try await web.post("/decision-support/patient", form: [("person", String(person))])
                #expect(page.status == .ok, "\(page.body.prefix(400))")
                let result = try #require(Self.element(id: "tool-result", in: page.body))
                for evaluation in expected {
                    #expect(result.contains("id=\"result-\(evaluation.tool.rawValue)\" data-status=\"\(evaluation.status.rawValue)\""), "\(evaluation.tool)")
                    if let summary = evaluation.output?.summary { #expect(result.contains(HTML.escape(summary)), "\(evaluation.tool): \(summary)") }
                    for missing in evaluation.missing { #expect(result.contains("data-fact=\"\(missing.fact)\""), "\(evaluation.tool): \(missing.fact)") }
                }
                #expect(Self.element(id: "icon-array", in: page.body)?.contains("<svg") == true)
                let similar = try #require(Self.element(id: "similar-patients", in: page.body))
                // Every count shown passes the minimum cell count: a number of at least 5, or a masked cell.
                let counts = Self.attributeValues("data-count", in: similar)
                #expect(!counts.isEmpty)
                for count in counts {
                    #expect(Int(count).map { $0 >= SmallCellCount.defaultMinimum } ?? (count == "&lt;5" || count == "suppressed"), "count \(count)")
                }
                let recorded = try #require(Self.element(id: "patient-facts", in: page.body))
                #expect(recorded.contains("data-fact=\"erPercent\"") == (facts.erPercent != nil))
                #expect(recorded.contains("data-fact=\"tumourSizeMM\"") == (facts.tumourSizeMM != nil))
                try await Self.expectValid(["patient": page.body, "start": start.body])

                let unknown = try await web.post("/decision-support/patient", form: [("person", "987654321")])
                #expect(unknown.status == .notFound)
                #expect(unknown.body.contains("Person id: there is no person 987654321 in this database"))
                let word = try await web.post("/decision-support/patient", form: [("person", "abc")])
                #expect(word.status == .unprocessableContent)
                #expect(word.body.contains("Person id: must be a whole number above 0 (got &quot;abc&quot;)") && word.body.contains("aria-invalid=\"true\""))
            }
            // The audit trail records the access to a patient without naming the person.
            let accesses = try await db.auditEntries().filter { $0.event.action == "POST /decision-support/patient" }
            #expect(accesses.count == 3)
            #expect(accesses.map(\.event.resource) == Array(repeating: "person, decision support", count: 3))
            #expect(accesses.map(\.event.detail) == [nil, "status 404", "status 422"])
        }
    }

    @Test func onlyRolesThatMayReadPatientsOpenThePages() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            for role in [Role.researcher, .dataSteward] {
                try await server.web(as: role) { (web: WebTestClient) async throws in
                    #expect(try await web.get("/decision-support").status == .forbidden)
                    #expect(try await web.get("/decision-support/npi").status == .forbidden)
                    #expect(try await web.post("/decision-support/npi", form: [("grade", "2")]).status == .forbidden)
                    #expect(try await web.post("/decision-support/patient", form: [("person", "1")]).status == .forbidden)
                }
            }
            try await server.web(as: .admin) { (web: WebTestClient) async throws in
                #expect(try await web.get("/decision-support").status == .ok)
            }
        }
    }

    // MARK: Helpers

    /// The element with `id`, from its start tag to the end of the page's next sibling-level section (enough for
    /// `contains` checks), or nil.
    static func element(id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let opening = html[..<start.lowerBound].lastIndex(of: "<") ?? start.lowerBound
        let tag = html[html.index(after: opening)...].prefix { $0.isLetter }
        var depth = 0
        var index = opening
        while index < html.endIndex {
            if html[index...].hasPrefix("<\(tag)") && !html[html.index(index, offsetBy: tag.count + 1)...].first!.isLetter { depth += 1 }
            if html[index...].hasPrefix("</\(tag)>") {
                depth -= 1
                if depth == 0 { return String(html[opening..<html.index(index, offsetBy: tag.count + 3)]) }
            }
            index = html.index(after: index)
        }
        return nil
    }

    static func attributeValues(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "\(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func expectValid(_ pages: [String: String]) async throws {
        guard let problems = try await HTMLValidator.problems(pages) else { return }
        for (name, found) in problems { Issue.record("\(name): \(found.prefix(5).joined(separator: "; "))") }
    }
}
