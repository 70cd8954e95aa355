/// Patient facts read as PREDICT Breast v2.1 inputs: the codes used, the facts used in words, and what is missing
/// with its effect (reference §3.1 "Inputs", §7 "Model unknowns explicitly").
struct PredictBreastFactsReading {
    private(set) var used: [UsedFact] = []
    private(set) var missing: [MissingFact] = []
    /// The model's input, nil when a required fact is missing.
    private(set) var input: PredictBreastInput?
    let generation: PredictBreastTreatments.ChemotherapyGeneration
    private let postmenopausal: Bool?

    init(_ facts: PatientFacts, model: PredictBreastModel) {
        postmenopausal = facts.postmenopausal
        let given = facts.chemotherapyGeneration.flatMap(PredictBreastTreatments.ChemotherapyGeneration.init(rawValue:))
        generation = given.flatMap { $0 == .none ? nil : $0 } ?? .third
        let age = facts.age.flatMap { $0 >= 0 ? $0 : nil }
        let size = facts.tumourSizeMM.flatMap { $0 >= 0 ? $0 : nil }
        let nodes = facts.positiveNodes.flatMap { $0 >= 0 ? $0 : nil }
        let er = facts.effectiveERStatus
        let minimumAge = model.coefficients.minimumAge
        if let age {
            used.append(UsedFact("age", age < minimumAge
                ? "\(age.factText) years (the model uses \(minimumAge.factText), its youngest age)"
                : "\(age.factText) years"))
        } else { missing.append(MissingFact("age", .blocks, "age at diagnosis is a model input")) }
        if let size { used.append(UsedFact("tumourSizeMM", "\(size.factText) mm")) }
        else { missing.append(MissingFact("tumourSizeMM", .blocks, "invasive tumour size (mm) is a model input")) }
        if let nodes { used.append(UsedFact("positiveNodes", "\(nodes)")) }
        else { missing.append(MissingFact("positiveNodes", .blocks, "the number of positive lymph nodes is a model input")) }
        if let er { used.append(UsedFact("erStatus", er.rawValue)) }
        else { missing.append(MissingFact("erStatus", .blocks, "ER status (or ER %) chooses the model's equations")) }
        guard let age, let size, let nodes, let er else { return }
        let erPositive = er == .positive
        let input = PredictBreastInput(age: age, sizeMM: size, nodes: nodes, erPositive: erPositive,
                                       grade: grade(facts, erPositive: erPositive, model: model),
                                       detection: detection(facts, erPositive: erPositive, model: model),
                                       her2: her2(facts), ki67: erPositive ? ki67(facts, model: model) : .unknown)
        self.input = input
        used.append(UsedFact("chemotherapyGeneration", given != nil
            ? "\(generation.rawValue)" : "\(generation.rawValue) (not given: a third-generation regimen is assumed)"))
        if let postmenopausal { used.append(UsedFact("postmenopausal", postmenopausal ? "yes" : "no")) }
        else { missing.append(MissingFact("postmenopausal", .skipsCriterion, "bisphosphonate benefit not shown: it applies to postmenopausal women")) }
    }

    /// Every treatment in PREDICT's order, with whether it applies to this patient.
    func options(for input: PredictBreastInput) -> [PredictBreastOutput.Option] {
        PredictBreastTreatment.allCases.map { treatment in
            let reason: String? = switch treatment {
            case .hormone: input.erPositive ? nil : "ER-negative"
            case .chemotherapy: nil
            case .trastuzumab: input.her2 == .positive ? nil : input.her2 == .negative ? "HER2-negative" : "HER2 status not known"
            case .bisphosphonates: postmenopausal == true ? nil : postmenopausal == false ? "premenopausal" : "menopausal status not known"
            }
            return PredictBreastOutput.Option(treatment: treatment, applicable: reason == nil, reason: reason)
        }
    }

    private mutating func grade(_ facts: PatientFacts, erPositive: Bool, model: PredictBreastModel) -> PredictBreastInput.GradeCode {
        if let grade = facts.grade.flatMap(PredictBreastInput.GradeCode.init(rawValue:)), grade != .unknown {
            used.append(UsedFact("grade", "\(grade.rawValue)"))
            return grade
        }
        let value = model.coefficients.unknownValues.grade.factText
        missing.append(MissingFact("grade", .widensUncertainty, erPositive
            ? "grade \(value), the model's value for unknown grade"
            : "no grade term: for ER-negative tumours v2.1 counts unknown grade (\(value)) as low grade"))
        return .unknown
    }

    private mutating func detection(_ facts: PatientFacts, erPositive: Bool, model: PredictBreastModel) -> PredictBreastInput.DetectionCode {
        switch facts.detection {
        case .screen:
            used.append(UsedFact("detection", "screen-detected"))
            return .screen
        case .symptomatic:
            used.append(UsedFact("detection", "symptomatic"))
            return .clinical
        case nil:
            // Detection enters the ER-positive equation only.
            if erPositive {
                let value = model.coefficients.unknownValues.screen.factText
                missing.append(MissingFact("detection", .widensUncertainty, "\(value), the model's value for unknown mode of detection"))
            }
            return .unknown
        }
    }

    private mutating func her2(_ facts: PatientFacts) -> PredictBreastInput.MarkerCode {
        guard let status = facts.her2Status else {
            missing.append(MissingFact("her2Status", .widensUncertainty, "no HER2 term (unknown); trastuzumab benefit not shown"))
            return .unknown
        }
        used.append(UsedFact("her2Status", status.rawValue))
        return status == .positive ? .positive : .negative
    }

    /// Ki-67 status as given, or from the percentage against the website's threshold.
    private mutating func ki67(_ facts: PatientFacts, model: PredictBreastModel) -> PredictBreastInput.MarkerCode {
        let threshold = model.coefficients.ki67PositiveAbovePercent
        if let status = facts.ki67Status {
            used.append(UsedFact("ki67Status", status.rawValue))
            return status == .positive ? .positive : .negative
        }
        if let percent = facts.ki67Percent {
            let positive = percent > threshold
            used.append(UsedFact("ki67Percent", "\(percent.factText) %: \(positive ? "positive" : "negative") (positive above \(threshold.factText) %, the PREDICT website's threshold)"))
            return positive ? .positive : .negative
        }
        missing.append(MissingFact("ki67Status", .widensUncertainty, "no Ki-67 term (unknown); give ki67Status or ki67Percent"))
        return .unknown
    }
}
