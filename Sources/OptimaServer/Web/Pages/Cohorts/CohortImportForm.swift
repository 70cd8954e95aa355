import Cohorts

/// The ATLAS import form: a name (used when the JSON carries none) and the pasted JSON, kept on refusal.
struct CohortImportForm: Sendable {
    var name = ""
    var json = ""
    var errors: [String: String] = [:]

    func html(csrf: String) -> HTML {
        H.postForm(action: WebRoute.cohortImport.path, csrf: csrf, .id("import-form")) {
            H.p(.class("muted")) {
                "Paste a cohort definition exported from ATLAS (the JSON of the Export tab) or WebAPI's {name, description, expression}. "
                "It is stored exactly as pasted."
            }
            H.label(.for("import-name")) { "Name (when the JSON has none)" }
            H.void("input", [.type("text"), .id("import-name"), .name("import-name"), .value(name)] + invalid("import-name"))
            message("import-name")
            H.label(.for("cohort-json")) { "Cohort definition JSON" }
            H.element("textarea", [.id("cohort-json"), .name("cohort-json"), .attr("spellcheck", "false")] + invalid("cohort-json"), .text(json))
            message("cohort-json")
            H.p(.class("actions")) { H.button(.type("submit"), .class("primary"), .id("import-button")) { "Import" } }
        }
    }

    private func message(_ id: String) -> HTML {
        guard let text = errors[id] else { return .empty }
        return H.p(.class("error"), .id("\(id)-error")) { text }
    }

    private func invalid(_ id: String) -> [Attribute] {
        errors[id] == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "\(id)-error")]
    }
}
