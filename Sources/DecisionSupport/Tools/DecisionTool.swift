/// A guideline rule set or prognostic model that reads patient facts. Tools are pure: no I/O once built, so
/// the CLI, the API and the CDS Hooks service give the same answer for the same facts.
public protocol DecisionTool: Sendable {
    var id: ToolID { get }
    /// Evaluates the facts. Missing facts are never an error: the evaluation says what they block.
    func evaluate(_ facts: PatientFacts) -> Evaluation
}
