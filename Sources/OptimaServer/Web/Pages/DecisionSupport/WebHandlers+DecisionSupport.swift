import DecisionSupport
import Foundation
import Hummingbird

/// Decision support for clinicians: a tool's form and its answer, or every tool for a patient of this database,
/// each with the outcomes of similar patients here. The person id travels in a form, never in an address.
extension WebHandlers {
    func decisionSupportPage(_ web: WebRequest) async throws -> Response {
        decisionSupportStart(web)
    }

    func decisionToolPage(_ web: WebRequest) async throws -> Response {
        let form = try toolForm(web)
        return page(web, title: form.title, area: .decisionSupport) {
            toolHeader(form)
            form.html(csrf: web.csrfToken, form: nil, reading: nil)
        }
    }

    func decisionToolRun(_ web: WebRequest) async throws -> Response {
        let tool = try toolForm(web)
        let form = try await web.form()
        let reading = tool.read(form)
        guard let facts = reading.facts else {
            return page(web, title: tool.title, area: .decisionSupport, status: .unprocessableContent) {
                toolHeader(tool)
                tool.html(csrf: web.csrfToken, form: form, reading: reading)
            }
        }
        let evaluation = decisionTools.evaluate(tool.tool, facts)
        let similar = try await similarPatients(facts, excluding: nil)
        return page(web, title: tool.title, area: .decisionSupport) {
            toolHeader(tool)
            tool.html(csrf: web.csrfToken, form: form, reading: reading)
            DecisionResultView(evaluations: [evaluation], similar: similar).html
        }
    }

    func patientDecisionSupport(_ web: WebRequest) async throws -> Response {
        let text = try await web.form().text("person")
        guard let text else {
            return decisionSupportStart(web, person: "", problem: "Person id: enter the person_id of the patient", status: .unprocessableContent)
        }
        guard let personID = Int64(text), personID > 0 else {
            return decisionSupportStart(web, person: text, problem: "Person id: must be a whole number above 0 (got \"\(text.prefix(40))\")",
                                        status: .unprocessableContent)
        }
        let facts: PatientFacts
        do {
            facts = try await database.patientFacts(personID: personID)
        } catch is DecisionSupportFactsError {
            return decisionSupportStart(web, person: text, problem: "Person id: there is no person \(personID) in this database", status: .notFound)
        } catch let error as PatientFactsError {
            return problem(web, status: .unprocessableContent, title: "The record cannot be used",
                           message: "The record of person \(personID) holds a value the tools cannot use: \(error.description)", area: .decisionSupport)
        }
        guard facts.cancer != nil else {
            return decisionSupportStart(web, person: text, problem: "Person id: person \(personID) has no prostate, breast or lung cancer "
                                        + "diagnosis in the record, so no tool applies", status: .unprocessableContent)
        }
        let evaluations = decisionTools.evaluateAll(facts)
        let similar = try await similarPatients(facts, excluding: personID)
        return page(web, title: "Decision support for a patient", area: .decisionSupport) {
            H.p { H.a(.href(WebRoute.decisionSupport.path)) { "Decision support" } }
            H.h1 { "Person \(personID): \(facts.cancer?.rawValue ?? "") cancer" }
            patientForm(web, person: text, problem: nil)
            PatientFactsView(facts: facts).html
            DecisionResultView(evaluations: evaluations, similar: similar).html
        }
    }

    private func decisionSupportStart(_ web: WebRequest, person: String? = nil, problem: String? = nil,
                                      status: HTTPResponse.Status = .ok) -> Response {
        page(web, title: "Decision support", area: .decisionSupport, status: status) {
            H.h1 { "Decision support" }
            H.p(.class("muted")) {
                "Guideline rules and prognostic models for prostate, breast and lung cancer, with the outcomes of similar patients "
                "at this site. They inform a conversation with the patient; they do not replace clinical judgement."
            }
            patientForm(web, person: person, problem: problem)
            H.div(.class("grid")) {
                for cancer in CancerSite.allCases {
                    H.section(.class("card cancer"), .id("cancer-\(cancer.rawValue)")) {
                        H.h2 { "\(cancer.rawValue.capitalized) cancer" }
                        H.ul {
                            for tool in ToolID.allCases where tool.cancer == cancer {
                                H.li {
                                    H.a(.href("/decision-support/\(tool.rawValue)")) { ToolForm.of(tool).title }
                                    H.br()
                                    H.small(.class("muted")) { ToolForm.of(tool).purpose }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func patientForm(_ web: WebRequest, person: String?, problem: String?) -> HTML {
        H.postForm(action: WebRoute.patientDecisionSupport.path, csrf: web.csrfToken, .id("patient-form"), .class("card")) {
            H.h2 { "Open for a patient" }
            H.label(.for("person")) { "Person id" }
            H.input(.type("text"), .id("person"), .name("person"), .attr("inputmode", "numeric"), .attr("autocomplete", "off"), .required,
                    .value(person ?? ""), .aria("describedby", problem == nil ? "person-hint" : "person-hint person-error"),
                    problem == nil ? .none : .aria("invalid", "true"))
            H.small(.id("person-hint"), .class("muted")) {
                "The person_id in this database. It is sent in the form, never in the address; the audit trail records the access."
            }
            if let problem { H.p(.id("person-error"), .class("error"), .role("alert")) { problem } }
            H.div(.class("actions")) { H.button(.type("submit"), .class("primary")) { "Run every tool for this patient" } }
        }
    }

    private func toolForm(_ web: WebRequest) throws -> ToolForm {
        let name = try web.parameter("tool")
        guard let tool = ToolID(rawValue: name) else {
            throw HTTPError(.notFound, message: "There is no decision-support tool \"\(name.prefix(40))\"; the tools are "
                            + ToolID.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return ToolForm.of(tool)
    }

    private func toolHeader(_ form: ToolForm) -> HTML {
        .joined([
            H.p { H.a(.href(WebRoute.decisionSupport.path)) { "Decision support" }; " › \(form.tool.cancer.rawValue.capitalized) cancer" },
            H.h1 { form.title },
            H.p(.class("muted")) { form.purpose },
        ])
    }

    /// The outcomes of similar patients, or why there are none, in words.
    private func similarPatients(_ facts: PatientFacts, excluding person: Int64?) async throws -> SimilarPatientsView {
        do {
            return SimilarPatientsView(outcome: .success(try await database.similarPatientOutcomes(
                to: facts, minimumCount: settings.minimumCount, excludingPersonID: person, cache: similarCases)))
        } catch let error as SimilarPatientsError {
            return SimilarPatientsView(outcome: .failure(.init(message: error.description)))
        }
    }
}
