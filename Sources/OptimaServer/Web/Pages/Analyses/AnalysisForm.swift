/// The pieces the settings forms share: GET forms (a result is a bookmarkable address), a label for every
/// control, and an error shown beside the field it names (`aria-invalid`, `aria-describedby`).
enum AnalysisForm {
    /// The settings form of an analysis page.
    static func form(_ kind: AnalysisKind, _ context: AnalysisFormContext, @HTMLBuilder fields: () -> HTML) -> HTML {
        H.form(.id("analysis-form"), .class("card"), .method("get"), .action(kind.path), .aria("labelledby", "settings-title")) {
            H.h2(.id("settings-title")) { "Settings" }
            if let error = context.error, error.field == nil {
                H.p(.class("error"), .id("analysis-error"), .role("alert")) { error.message }
            } else if let error = context.error {
                H.p(.class("error"), .id("analysis-error"), .role("alert")) { error.description }
            }
            if context.cohorts.isEmpty {
                H.p(.class("muted")) {
                    "No cohort has been generated yet: "
                    H.a(.href("/cohorts")) { "generate one on the Cohorts page" }
                    "."
                }
            }
            fields()
            H.div(.class("actions")) { H.button(.type("submit"), .class("primary")) { "Run \(kind.title.lowercased())" } }
        }
    }

    /// The attributes that tie a control to its error message, when the error is about it.
    static func invalid(_ name: String, _ context: AnalysisFormContext) -> [Attribute] {
        context.error?.field == name ? [.aria("invalid", "true"), .aria("describedby", "\(name)-error")] : []
    }

    static func message(_ name: String, _ context: AnalysisFormContext) -> HTML {
        guard let error = context.error, error.field == name else { return .empty }
        return H.p(.class("error"), .id("\(name)-error")) { error.message }
    }

    /// A choice of one generated cohort (or none, when `optional`), holding the submitted value.
    static func cohort(_ name: String, _ label: String, _ context: AnalysisFormContext, optional: String? = nil,
                       extra: [(value: String, title: String)] = []) -> HTML {
        let chosen = context.query.text(name)
        return .joined([
            H.label(.for(name)) { label },
            H.element("select", [.id(name), .name(name)] + (optional == nil ? [.required] : []) + invalid(name, context), .joined(
                [H.option(.value(""), .selected(chosen == nil)) { optional ?? "Choose…" }]
                    + extra.map { choice in H.option(.value(choice.value), .selected(chosen == choice.value)) { choice.title } }
                    + context.cohorts.map { cohort in H.option(.value(String(cohort.id)), .selected(chosen == String(cohort.id))) { cohort.label } }
                    + unknown(chosen, known: extra.map(\.value) + context.cohorts.map { String($0.id) }))),
            message(name, context),
        ])
    }

    /// A whole number of days (or steps), blank for the analysis' default.
    static func number(_ name: String, _ label: String, _ context: AnalysisFormContext, placeholder: String, min: Int? = nil) -> HTML {
        .joined([
            H.label(.for(name)) { label },
            H.void("input", [.type("number"), .id(name), .name(name), .value(context.query.text(name) ?? ""), .placeholder(placeholder),
                             min.map { .min(String($0)) } ?? .none, .step("1")] + invalid(name, context)),
            message(name, context),
        ])
    }

    /// One feature (a stratum), or none.
    static func feature(_ name: String, _ label: String, _ context: AnalysisFormContext, choices: [FeatureChoice], none: String) -> HTML {
        let chosen = context.query.text(name)
        return .joined([
            H.label(.for(name)) { label },
            H.element("select", [.id(name), .name(name)] + invalid(name, context), .joined(
                [H.option(.value(""), .selected(chosen == nil)) { none }]
                    + choices.map { choice in H.option(.value(choice.key), .selected(chosen == choice.key)) { choice.title } }
                    + unknown(chosen, known: choices.map(\.key)))),
            message(name, context),
        ])
    }

    /// Several features as checkboxes, `defaults` ticked on a fresh form; a blank field of the same name says
    /// "the form was sent", so none ticked means none.
    static func features(_ name: String, _ legend: String, _ context: AnalysisFormContext, choices: [FeatureChoice], defaults: [String]) -> HTML {
        let ticked = context.query.has(name) ? context.query.texts(name) : defaults
        let typed = ticked.filter { key in !choices.contains { $0.key == key } }
        return H.fieldset(invalidAttributes(name, context)) {
            H.legend { legend }
            H.input(.type("hidden"), .name(name), .value(""))
            for choice in choices {
                H.label(.class("check"), .for("\(name)-\(choice.key)")) {
                    H.input(.type("checkbox"), .id("\(name)-\(choice.key)"), .name(name), .value(choice.key), .checked(ticked.contains(choice.key)))
                    choice.title
                }
            }
            for spec in typed {
                H.label(.class("check"), .for("\(name)-\(spec)")) {
                    H.input(.type("checkbox"), .id("\(name)-\(spec)"), .name(name), .value(spec), .checked(true))
                    spec
                }
            }
            message(name, context)
        }
    }

    /// Several generated cohorts as checkboxes, in the order they are listed.
    static func cohorts(_ name: String, _ legend: String, _ context: AnalysisFormContext) -> HTML {
        let ticked = context.query.texts(name)
        return H.fieldset(invalidAttributes(name, context)) {
            H.legend { legend }
            for cohort in context.cohorts {
                H.label(.class("check"), .for("\(name)-\(cohort.id)")) {
                    H.input(.type("checkbox"), .id("\(name)-\(cohort.id)"), .name(name), .value(String(cohort.id)),
                            .checked(ticked.contains(String(cohort.id))))
                    cohort.label
                }
            }
            message(name, context)
        }
    }

    /// A yes/no setting.
    static func check(_ name: String, _ label: String, _ context: AnalysisFormContext) -> HTML {
        H.label(.class("check"), .for(name)) {
            H.input(.type("checkbox"), .id(name), .name(name), .value("true"), .checked(context.query.text(name) == "true"))
            label
        }
    }

    private static func invalidAttributes(_ name: String, _ context: AnalysisFormContext) -> Attribute {
        context.error?.field == name ? .aria("describedby", "\(name)-error") : .none
    }

    /// A submitted value the list does not hold (a typed feature spec, an ungenerated cohort) stays chosen, so
    /// the form shows what was asked next to the message about it.
    private static func unknown(_ chosen: String?, known: [String]) -> [HTML] {
        guard let chosen, !known.contains(chosen) else { return [] }
        return [H.option(.value(chosen), .selected(true)) { chosen }]
    }
}
