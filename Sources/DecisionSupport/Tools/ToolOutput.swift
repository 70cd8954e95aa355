/// The tool-specific part of an evaluation: the numbers or groups, and how to say them on a CDS Hooks card.
public protocol ToolOutput: Encodable, Sendable {
    /// One sentence for a card's `summary`, under 140 characters.
    var summary: String { get }
    /// Markdown for a card's `detail`: the table behind the summary.
    var detail: String { get }
    /// Plain language for the patient, or nil when the tool's output is meant for clinicians only.
    var patientExplanation: String? { get }
    /// A 10×10 icon array of the output, for PREDICT-style prognoses; nil for rules.
    var iconArray: IconArray? { get }
}

extension ToolOutput {
    public var patientExplanation: String? { nil }
    public var iconArray: IconArray? { nil }
}
