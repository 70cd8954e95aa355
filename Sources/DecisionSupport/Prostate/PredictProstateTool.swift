/// PREDICT Prostate (reference §2.4, presentation §6): survival at 5, 10 and 15 years after diagnosis of
/// non-metastatic prostate cancer, with conservative management and with radical treatment.
public struct PredictProstateTool: DecisionTool {
    public let id = ToolID.predictProstate
    public let model: PredictProstateModel

    /// The horizons shown, years.
    public static let horizons = [5, 10, 15]

    /// Loads the model coefficients.
    public init() throws {
        model = try PredictProstateModel()
    }

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        let coefficients = model.coefficients
        func result(_ status: Evaluation.Status, used: [UsedFact] = [], missing: [MissingFact] = [], scopeNote: String? = nil,
                    caveats: [String] = [], output: PredictProstateOutput? = nil) -> Evaluation {
            Evaluation(tool: id, title: coefficients.modelName, status: status, sources: [coefficients.source], used: used,
                       missing: missing, scopeNote: scopeNote, caveats: caveats, output: output)
        }
        if let note = scopeNote(facts) { return result(.outOfScope, scopeNote: note) }

        let tStage = facts.t?.number.flatMap { (1...4).contains($0) ? $0 : nil }
        var missing: [MissingFact] = []
        let required: [(FactName, Bool, String)] = [
            ("age", facts.age == nil, "age at diagnosis"), ("psa", facts.psa == nil, "PSA at diagnosis"),
            ("t", tStage == nil, "a clinical T stage cT1–cT4"), ("gradeGroup", facts.effectiveGradeGroup == nil, "the ISUP grade group or Gleason patterns"),
            ("comorbidity", facts.comorbidity == nil, "whether the man has a serious comorbidity"),
        ]
        for (fact, absent, what) in required where absent {
            missing.append(MissingFact(fact, .blocks, "PREDICT Prostate needs \(what)"))
        }
        guard let age = facts.age, let psa = facts.psa, let tStage, let gradeGroup = facts.effectiveGradeGroup,
              let comorbidity = facts.comorbidity else {
            return result(.blocked, missing: missing)
        }

        let inputs = PredictProstateModel.Inputs(age: age, psa: psa, tStage: tStage, gradeGroup: gradeGroup,
                                                 percentPositiveCores: facts.percentPositiveCores,
                                                 brcaCarrier: facts.brcaCarrier ?? false, comorbidity: comorbidity)
        if inputs.percentPositiveCores == nil {
            missing.append(MissingFact(facts.biopsyCoresTaken == nil ? "biopsyCoresTaken" : "biopsyCoresPositive", .widensUncertainty,
                                       "PPC \(coefficients.unknownPPC.factText) %, the model's value for unknown biopsy core counts"))
        }
        if facts.brcaCarrier == nil {
            missing.append(MissingFact("brcaCarrier", .widensUncertainty,
                                       "BRCA status not given: treated as negative or untested, as the model does"))
        }
        let output = makeOutput(inputs)
        return result(.complete, used: used(facts, inputs: inputs), missing: missing, caveats: [
            "Estimates for a population of men with the same inputs, not a certainty for one man.",
            "The effect of radical treatment is uncertain (hazard ratio 0.35–0.67); the benefit is shown with that range.",
            "The harms of radical treatment are not part of this model.",
        ], output: output)
    }

    private func makeOutput(_ inputs: PredictProstateModel.Inputs) -> PredictProstateOutput {
        let last = Self.horizons.max() ?? 15
        let conservative = model.years(inputs, treatment: .conservative, through: last)
        let radical = model.years(inputs, treatment: .radical, through: last)
        let weakest = model.years(inputs, treatment: .radicalWeakestEffect, through: last)
        let strongest = model.years(inputs, treatment: .radicalStrongestEffect, through: last)
        let horizons = Self.horizons.map { years in
            let i = years - 1
            return PredictProstateOutput.Horizon(
                years: years, conservative: .init(conservative[i]), radical: .init(radical[i]),
                benefit: 100 * (radical[i].overallSurvival - conservative[i].overallSurvival),
                benefitLow: 100 * (weakest[i].overallSurvival - conservative[i].overallSurvival),
                benefitHigh: 100 * (strongest[i].overallSurvival - conservative[i].overallSurvival))
        }
        return PredictProstateOutput(modelName: model.coefficients.modelName, horizons: horizons,
                                     conservativeYears: conservative, radicalYears: radical)
    }

    private func scopeNote(_ facts: PatientFacts) -> String? {
        let scope = model.coefficients.scope
        if let cancer = facts.cancer, cancer != .prostate { return "PREDICT Prostate is a model of prostate cancer; the cancer is \(cancer.rawValue)." }
        if facts.sex == .female { return "PREDICT Prostate is a model of men with prostate cancer." }
        if let age = facts.age, age < scope.minAge || age > scope.maxAge {
            return "PREDICT Prostate was built for men aged \(scope.minAge.factText)–\(scope.maxAge.factText); the age is \(age.factText)."
        }
        if let psa = facts.psa, psa > scope.maxPSA {
            return "PREDICT Prostate was built for PSA up to \(scope.maxPSA.factText) ng/mL; the PSA is \(psa.factText) ng/mL."
        }
        if let m = facts.m, m.isNodeOrMetastasisPositive { return "PREDICT Prostate is not for metastatic disease (\(m.code))." }
        if let n = facts.n, n.isNodeOrMetastasisPositive { return "PREDICT Prostate is not for node-positive disease (\(n.code))." }
        return nil
    }

    private func used(_ facts: PatientFacts, inputs: PredictProstateModel.Inputs) -> [UsedFact] {
        var used = [
            UsedFact("age", "\(inputs.age.factText) years"), UsedFact("psa", "\(inputs.psa.factText) ng/mL"),
            UsedFact("t", "cT\(inputs.tStage)"), UsedFact("gradeGroup", "ISUP grade group \(inputs.gradeGroup)"),
            UsedFact("comorbidity", inputs.comorbidity ? "yes" : "no"),
        ]
        if let ppc = inputs.percentPositiveCores, let positive = facts.biopsyCoresPositive, let taken = facts.biopsyCoresTaken {
            used.append(UsedFact("biopsyCoresPositive", "\(positive) of \(taken) cores (PPC \(ppc.factText) %)"))
        }
        if let brca = facts.brcaCarrier { used.append(UsedFact("brcaCarrier", brca ? "carrier" : "not a carrier")) }
        return used
    }
}
