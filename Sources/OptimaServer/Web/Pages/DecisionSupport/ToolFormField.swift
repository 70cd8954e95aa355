/// One input of a decision-support form: the patient fact it sets (its `PatientFacts` JSON name), how a person
/// reads it (label, unit, hint) and what it accepts. An empty field leaves the fact unknown, which the tool then
/// names as missing, so no field is required by the form itself.
struct ToolFormField: Sendable {
    enum Kind: Sendable {
        /// A number; `range` and `step` are hints for the browser (the facts reader checks the range).
        case number(ClosedRange<Double>, step: String)
        case integer(ClosedRange<Int>)
        /// One of these (value, label) pairs.
        case choice([(value: String, label: String)])
        /// Yes or no.
        case yesNo
        /// Any of these (value, label) pairs, as checkboxes.
        case several([(value: String, label: String)])
    }

    /// The fact's JSON name: `psa`, `lungBiomarkers.EGFR`.
    let fact: String
    let label: String
    let unit: String?
    let kind: Kind
    let hint: String?

    init(_ fact: String, _ label: String, unit: String? = nil, _ kind: Kind, hint: String? = nil) {
        self.fact = fact
        self.label = label
        self.unit = unit
        self.kind = kind
        self.hint = hint
    }

    /// The label with its unit, as errors name the field: "PSA (ng/mL)".
    var title: String { unit.map { "\(label) (\($0))" } ?? label }

    /// The element id of the input (a fact name may hold a dot).
    var inputID: String { "f-" + fact.replacingOccurrences(of: ".", with: "-") }

    /// Choices as the facts use them, from an enumeration's raw values.
    static func options<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, label: (Choice) -> String = { "\($0.rawValue)" })
        -> [(value: String, label: String)] where Choice.RawValue == String {
        Choice.allCases.map { ($0.rawValue, label($0)) }
    }

    /// Plain codes as their own labels.
    static func codes(_ codes: [String]) -> [(value: String, label: String)] {
        codes.map { ($0, $0) }
    }
}
