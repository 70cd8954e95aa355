/// PREDICT Breast v2.1 as a decision tool (reference §3.1, §6.2): overall survival after surgery for early invasive
/// breast cancer and the benefit of each applicable adjuvant treatment at 5, 10 and 15 years.
///
/// - Blocks without age, tumour size, positive nodes or ER status.
/// - Unknown grade, detection, HER2 or Ki-67 (ER+ only) take the model's unknown codes and widen uncertainty.
/// - Hormone therapy is shown for ER-positive, trastuzumab for HER2-positive, bisphosphonates for postmenopausal
///   women (not shown when menopausal status is missing); chemotherapy always, of `chemotherapyGeneration` or else
///   the third generation.
/// - Out of scope: metastatic (M1) disease, men, other cancers, age above 85, tumours above 500 mm.
public struct PredictBreastTool: DecisionTool {
    public let id = ToolID.predictBreast
    public let model: PredictBreastModel

    /// Loads the bundled v2.1 coefficients.
    public init() throws {
        model = try PredictBreastModel()
    }

    static let title = "PREDICT Breast v2.1: survival and treatment benefit"
    static let horizons = [5, 10, 15]

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        let scope = scopeNotes(facts)
        guard scope.isEmpty else {
            return evaluation(.outOfScope, used: [], missing: [], note: "Out of scope: " + scope.joined(separator: "; ") + ".")
        }
        let reading = PredictBreastFactsReading(facts, model: model)
        guard let input = reading.input else {
            return evaluation(.blocked, used: reading.used, missing: reading.missing, note: nil)
        }
        let output = predict(input, options: reading.options(for: input), generation: reading.generation)
        var caveats = ["Estimates for a population of women with the same characteristics, not a certainty for one woman; v2.1 does not model radiotherapy or extended hormone therapy."]
        if !input.erPositive && input.grade == .unknown {
            caveats.append("For ER-negative tumours v2.1 counts an unknown grade as low grade (its grade term is set for grade 2 or 3 only).")
        }
        return evaluation(.complete, used: reading.used, missing: reading.missing, note: nil, caveats: caveats, output: output)
    }

    /// Surgery only, then each applicable treatment added in PREDICT's order.
    func predict(_ input: PredictBreastInput, options: [PredictBreastOutput.Option],
                 generation: PredictBreastTreatments.ChemotherapyGeneration) -> PredictBreastOutput {
        var treatments = PredictBreastTreatments.surgeryOnly
        var lines = [model.survival(input, treatments: treatments)]
        for option in options {
            if option.applicable { treatments = option.treatment.adding(to: treatments, generation: generation) }
            lines.append(option.applicable ? model.survival(input, treatments: treatments) : lines[lines.count - 1])
        }
        let horizons = Self.horizons.map { years in
            let row = lines.map { $0[years - 1] }
            let benefits = options.enumerated().map { index, option in
                PredictBreastOutput.Benefit(treatment: option.treatment, applicable: option.applicable,
                                            extra: option.applicable ? row[index + 1].overallSurvival - row[index].overallSurvival : 0,
                                            overallSurvival: row[index + 1].overallSurvival)
            }
            let all = row[row.count - 1]
            return PredictBreastOutput.Horizon(years: years, surgeryOnly: row[0].overallSurvival, benefits: benefits,
                                               overallSurvival: all.overallSurvival, breastCancerDeaths: all.breastCancerDeaths,
                                               otherDeaths: all.otherDeaths)
        }
        return PredictBreastOutput(model: model.name, input: input, chemotherapyGeneration: generation.rawValue,
                                   options: options, horizons: horizons)
    }

    private func scopeNotes(_ facts: PatientFacts) -> [String] {
        var notes = facts.breastScopeNotes(excludingMetastatic: true, excludingMen: true)
        let scope = model.coefficients.scope
        if let age = facts.age, age > scope.maxAge {
            notes.append("age \(age.factText) is above \(scope.maxAge.factText), the oldest age the model covers")
        }
        if let size = facts.tumourSizeMM, size > scope.maxSizeMM {
            notes.append("a \(size.factText) mm tumour is above \(scope.maxSizeMM.factText) mm, the largest the model covers")
        }
        return notes
    }

    private func evaluation(_ status: Evaluation.Status, used: [UsedFact], missing: [MissingFact], note: String?,
                            caveats: [String] = [], output: PredictBreastOutput? = nil) -> Evaluation {
        Evaluation(tool: id, title: Self.title, status: status, sources: [model.source], used: used, missing: missing,
                   scopeNote: note, caveats: caveats, output: output)
    }
}
