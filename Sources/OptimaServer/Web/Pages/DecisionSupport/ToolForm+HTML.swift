extension ToolForm {
    /// The tool's form, filled with what was sent (`form`) and each field's problem beside it.
    func html(csrf: String, form: FormData?, reading: Reading?) -> HTML {
        H.postForm(action: "/decision-support/\(tool.rawValue)", csrf: csrf, .id("tool-form"), .class("card")) {
            H.h2 { "Patient facts" }
            if let reading, !reading.problems.isEmpty {
                H.div(.class("error"), .role("alert"), .id("form-problems")) {
                    H.p { "The form has \(reading.problems.count == 1 ? "a problem" : "\(reading.problems.count) problems"):" }
                    H.ul {
                        for problem in reading.problems {
                            H.li { H.a(.href("#\(fields.first { $0.fact == problem.fact }?.inputID ?? "tool-form")")) { problem.message } }
                        }
                    }
                }
            }
            H.div(.class("grid tool-fields")) {
                for field in fields { field.html(form, problem: reading?.problem(field.fact)) }
            }
            H.p(.class("muted")) { "Leave a field empty when it is not known: the result says what each missing fact changes." }
            H.div(.class("actions")) { H.button(.type("submit"), .class("primary")) { "Evaluate" } }
        }
    }
}

extension ToolFormField {
    /// The labelled input, its hint, and its problem (announced to screen readers through `aria-describedby`).
    func html(_ form: FormData?, problem: String?) -> HTML {
        let hintID = inputID + "-hint", errorID = inputID + "-error"
        let describedBy = [hint.map { _ in hintID }, problem.map { _ in errorID }].compactMap { $0 }.joined(separator: " ")
        let described: Attribute = describedBy.isEmpty ? .none : .aria("describedby", describedBy)
        let invalid: Attribute = problem == nil ? .none : .aria("invalid", "true")
        let current = form?.value(fact) ?? ""
        return H.div(.class("field")) {
            switch kind {
            case .number(let range, let step):
                H.label(.for(inputID)) { title }
                H.input(.type("number"), .id(inputID), .name(fact), .min(Self.text(range.lowerBound)), .max(Self.text(range.upperBound)),
                        .step(step), .attr("inputmode", "decimal"), .value(current), described, invalid)
            case .integer(let range):
                H.label(.for(inputID)) { title }
                H.input(.type("number"), .id(inputID), .name(fact), .min(String(range.lowerBound)), .max(String(range.upperBound)),
                        .step("1"), .attr("inputmode", "numeric"), .value(current), described, invalid)
            case .choice(let options):
                H.label(.for(inputID)) { title }
                select(options, current: current, described, invalid)
            case .yesNo:
                H.label(.for(inputID)) { title }
                select([("yes", "yes"), ("no", "no")], current: current, described, invalid)
            case .several(let options):
                let chosen = Set(form?.values(fact) ?? [])
                H.fieldset(.id(inputID), described, invalid) {
                    H.legend { title }
                    for (index, option) in options.enumerated() {
                        H.label(.class("check"), .for("\(inputID)-\(index)")) {
                            H.input(.type("checkbox"), .id("\(inputID)-\(index)"), .name(fact), .value(option.value), .checked(chosen.contains(option.value)))
                            " \(option.label)"
                        }
                    }
                }
            }
            if let hint { H.small(.id(hintID), .class("muted")) { hint } }
            if let problem { H.p(.id(errorID), .class("error")) { problem } }
        }
    }

    private func select(_ options: [(value: String, label: String)], current: String, _ described: Attribute, _ invalid: Attribute) -> HTML {
        H.select(.id(inputID), .name(fact), described, invalid) {
            H.option(.value(""), .selected(current.isEmpty)) { "unknown" }
            for option in options { H.option(.value(option.value), .selected(option.value == current)) { option.label } }
        }
    }

    private static func text(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
