/// Every tool, built once (each loads its rule file), so that a request only evaluates.
public struct DecisionTools: Sendable {
    public let prostateRisk: ProstateRiskTool
    public let predictProstate: PredictProstateTool
    public let breastSubtype: BreastSubtypeTool
    public let npi: NPITool
    public let predictBreast: PredictBreastTool
    public let lungStage: LungStageTool
    public let lungTherapy: LungTherapyTool

    /// Loads every rule file; throws `RuleFileError` naming a file that is missing or does not read.
    public init() throws {
        prostateRisk = try ProstateRiskTool()
        predictProstate = try PredictProstateTool()
        breastSubtype = try BreastSubtypeTool()
        npi = try NPITool()
        predictBreast = try PredictBreastTool()
        lungStage = try LungStageTool()
        lungTherapy = try LungTherapyTool()
    }

    public func tool(_ id: ToolID) -> any DecisionTool {
        switch id {
        case .prostateRisk: prostateRisk
        case .predictProstate: predictProstate
        case .breastSubtype: breastSubtype
        case .npi: npi
        case .predictBreast: predictBreast
        case .lungStage: lungStage
        case .lungTherapy: lungTherapy
        }
    }

    public func evaluate(_ id: ToolID, _ facts: PatientFacts) -> Evaluation {
        tool(id).evaluate(facts)
    }

    /// The tools for the patient's cancer, in `ToolID` order; none when the facts name no cancer.
    public func evaluateAll(_ facts: PatientFacts) -> [Evaluation] {
        guard let cancer = facts.cancer else { return [] }
        return ToolID.allCases.filter { $0.cancer == cancer }.map { evaluate($0, facts) }
    }
}
