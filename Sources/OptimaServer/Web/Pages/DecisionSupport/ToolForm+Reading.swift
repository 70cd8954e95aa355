import Foundation
import DecisionSupport
import Ingest

extension ToolForm {
    /// What a submitted form says: the facts, or one message per field that names it ("PSA (ng/mL): …").
    struct Reading {
        var facts: PatientFacts?
        /// Messages by fact name, in the order of the form.
        var problems: [(fact: String, message: String)] = []

        func problem(_ fact: String) -> String? { problems.first { $0.fact == fact }?.message }
    }

    /// Reads the fields into the patient-facts document and lets the facts reader check it, so a value is judged
    /// by the one rule the API and CDS Hooks use too (ranges, TNM codes, positive cores not above cores taken).
    /// An empty field is an unknown fact.
    func read(_ form: FormData) -> Reading {
        var reading = Reading()
        var document = JSONObject()
        var biomarkers = JSONObject()
        document["cancer"] = .string(tool.cancer.rawValue)
        for field in fields {
            let value: JSONValue
            switch field.value(in: form) {
            case .success(nil): continue
            case .success(let given?): value = given
            case .failure(let invalid):
                reading.problems.append((field.fact, "\(field.title): \(invalid.message)"))
                continue
            }
            if field.fact.hasPrefix("lungBiomarkers.") {
                biomarkers[String(field.fact.dropFirst("lungBiomarkers.".count))] = value
            } else {
                document[field.fact] = value
            }
        }
        if !biomarkers.members.isEmpty { document["lungBiomarkers"] = .object(biomarkers) }
        guard reading.problems.isEmpty else { return reading }
        do throws(PatientFactsError) {
            reading.facts = try PatientFacts(json: .object(document))
        } catch {
            reading.problems = error.issues.map { issue in
                // `lungTumourFeatures[2]` belongs to the field `lungTumourFeatures`.
                let fact = String(issue.field.prefix { $0 != "[" })
                return (fact, "\(Self.label(of: fact)): \(issue.message)")
            }
        }
        return reading
    }
}

private extension ToolFormField {
    struct Invalid: Error {
        let message: String
    }

    /// The field's value as the facts document spells it; nil when left empty.
    func value(in form: FormData) -> Result<JSONValue?, Invalid> {
        if case .several(let options) = kind {
            let chosen = form.values(fact).filter { !$0.isEmpty }
            if let unknown = chosen.first(where: { value in !options.contains { $0.value == value } }) {
                return .failure(Invalid(message: "\"\(unknown.prefix(40))\" is not one of the choices"))
            }
            return .success(chosen.isEmpty ? nil : .array(chosen.map(JSONValue.string)))
        }
        guard let text = form.text(fact) else { return .success(nil) }
        let shown = "(got \"\(text.prefix(40))\")"
        switch kind {
        case .number:
            guard let number = Double(text), number.isFinite else { return .failure(Invalid(message: "must be a number \(shown)")) }
            return .success(.number(number))
        case .integer:
            guard let number = Int(text) else { return .failure(Invalid(message: "must be a whole number \(shown)")) }
            return .success(.number(Double(number)))
        case .choice(let options):
            guard options.contains(where: { $0.value == text }) else {
                return .failure(Invalid(message: "must be one of \(options.map(\.value).joined(separator: ", ")) \(shown)"))
            }
            // The chemotherapy generation is a number in the facts; every other choice is a code.
            return .success(Double(text).map(JSONValue.number) ?? .string(text))
        case .yesNo:
            switch text {
            case "yes": return .success(.bool(true))
            case "no": return .success(.bool(false))
            default: return .failure(Invalid(message: "must be yes or no \(shown)"))
            }
        case .several:
            return .success(nil)
        }
    }
}
