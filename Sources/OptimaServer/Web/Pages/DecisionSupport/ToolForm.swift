import DecisionSupport

/// The form of each decision-support tool: the facts the tool reads, as labelled inputs with units, ranges and
/// choices. The cancer is fixed by the tool, so it is not asked.
struct ToolForm: Sendable {
    let tool: ToolID
    let title: String
    /// What the tool gives, in a line.
    let purpose: String
    let fields: [ToolFormField]

    static func of(_ tool: ToolID) -> ToolForm {
        switch tool {
        case .prostateRisk:
            ToolForm(tool: tool, title: "Prostate cancer risk groups", purpose: "EAU and NCCN risk groups and the UCSF-CAPRA score at diagnosis.",
                     fields: [age, psa, prostateT, n, m, gleasonPrimary, gleasonSecondary, gradeGroup, coresTaken, coresPositive,
                              maxCoreInvolvement, coresGradeGroup4, psaDensity])
        case .predictProstate:
            ToolForm(tool: tool, title: "PREDICT Prostate", purpose: "Survival at 5, 10 and 15 years with conservative management and with radical treatment.",
                     fields: [age, psa, prostateT, n, m, gleasonPrimary, gleasonSecondary, gradeGroup, coresTaken, coresPositive,
                              ToolFormField("comorbidity", "Serious comorbidity", .yesNo, hint: "Charlson comorbidity; the model needs it"),
                              ToolFormField("brcaCarrier", "BRCA carrier", .yesNo, hint: "Leave unknown when not tested")])
        case .breastSubtype:
            ToolForm(tool: tool, title: "Breast cancer surrogate subtype", purpose: "The St Gallen 2013 surrogate intrinsic subtype from ER, PR, HER2 and Ki-67.",
                     fields: [erStatus, erPercent, prStatus, prPercent, her2Status, ki67Percent])
        case .npi:
            ToolForm(tool: tool, title: "Nottingham Prognostic Index", purpose: "The index, its band and the band's 5-year survival.",
                     fields: [tumourSize, positiveNodes, grade])
        case .predictBreast:
            ToolForm(tool: tool, title: "PREDICT Breast", purpose: "Survival at 5, 10 and 15 years after surgery, and the benefit of each adjuvant treatment.",
                     fields: [age, tumourSize, positiveNodes, grade, erStatus, erPercent, her2Status, ki67Percent,
                              ToolFormField("detection", "Mode of detection", .choice(ToolFormField.options(Detection.self) { $0 == .screen ? "screen-detected" : "symptomatic" })),
                              ToolFormField("postmenopausal", "Postmenopausal", .yesNo, hint: "Bisphosphonate benefit is shown for postmenopausal women"),
                              ToolFormField("chemotherapyGeneration", "Chemotherapy regimen", .choice([("2", "second generation"), ("3", "third generation")]),
                                            hint: "Third generation when not given"),
                              m])
        case .lungStage:
            ToolForm(tool: tool, title: "Lung cancer stage", purpose: "The TNM 8th edition stage group of a non-small-cell lung cancer.",
                     fields: [histology, lungT, tumourSize,
                              ToolFormField("lungTumourFeatures", "Tumour features", .several(ToolFormField.options(LungTumourFeature.self) {
                                  $0.rawValue.replacingOccurrences(of: "-", with: " ") }), hint: "Invasion and nodules that set T besides the size"),
                              n, m])
        case .lungTherapy:
            ToolForm(tool: tool, title: "First-line therapy for advanced NSCLC", purpose: "Biomarker-directed first-line options for stage IV non-small-cell lung cancer.",
                     fields: [histology, m,
                              ToolFormField("stageGroup", "Stage group", .choice(ToolFormField.codes(["I", "IA", "IB", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB"])))]
                        + LungGene.allCases.map { gene in
                            ToolFormField("lungBiomarkers.\(gene.rawValue)", "\(gene.rawValue) result", .choice(ToolFormField.codes(["negative"] + gene.acceptedResults)))
                        }
                        + [ToolFormField("pdl1TPS", "PD-L1 tumour proportion score", unit: "%", .number(0...100, step: "any"))])
        }
    }

    /// Every field of every tool, for naming a fact wherever it appears (missing facts, errors).
    static let labels: [String: String] = {
        var labels: [String: String] = ["lungBiomarkers": "Lung biomarkers", "ki67Status": "Ki-67 status", "t": "T category", "sex": "Sex", "cancer": "Cancer"]
        for tool in ToolID.allCases { for field in of(tool).fields { labels[field.fact] = field.title } }
        return labels
    }()

    /// A fact's label for people: "PSA (ng/mL)" for `psa`; the name itself when no form asks it.
    static func label(of fact: String) -> String { labels[fact] ?? fact }

    // MARK: Fields shared by several tools

    static let age = ToolFormField("age", "Age at diagnosis", unit: "years", .number(0...120, step: "any"))
    static let psa = ToolFormField("psa", "PSA", unit: "ng/mL", .number(0...10_000, step: "any"), hint: "The latest PSA before diagnosis")
    static let prostateT = ToolFormField("t", "Clinical T category", .choice(ToolFormField.codes(["TX", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T2c", "T3", "T3a", "T3b", "T4"])))
    static let lungT = ToolFormField("t", "T category", .choice(ToolFormField.codes(["TX", "T0", "Tis", "T1mi", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T3", "T4"])),
                                     hint: "Leave unknown to derive it from size and features")
    static let n = ToolFormField("n", "N category", .choice(ToolFormField.codes(["NX", "N0", "N1", "N2", "N3"])))
    static let m = ToolFormField("m", "M category", .choice(ToolFormField.codes(["M0", "M1", "M1a", "M1b", "M1c"])))
    static let gleasonPrimary = ToolFormField("gleasonPrimary", "Primary Gleason pattern", .integer(1...5))
    static let gleasonSecondary = ToolFormField("gleasonSecondary", "Secondary Gleason pattern", .integer(1...5))
    static let gradeGroup = ToolFormField("gradeGroup", "ISUP grade group", .integer(1...5), hint: "Or give the Gleason patterns")
    static let coresTaken = ToolFormField("biopsyCoresTaken", "Biopsy cores taken", .integer(1...100))
    static let coresPositive = ToolFormField("biopsyCoresPositive", "Positive biopsy cores", .integer(0...100))
    static let maxCoreInvolvement = ToolFormField("maxCoreInvolvementPercent", "Highest cancer share in one core", unit: "%", .number(0...100, step: "any"))
    static let coresGradeGroup4 = ToolFormField("coresGradeGroup4OrMore", "Cores of grade group 4–5", .integer(0...100))
    static let psaDensity = ToolFormField("psaDensity", "PSA density", unit: "ng/mL/g", .number(0...100, step: "any"))
    static let erStatus = ToolFormField("erStatus", "ER status", .choice(ToolFormField.options(MarkerStatus.self)))
    static let erPercent = ToolFormField("erPercent", "ER-stained nuclei", unit: "%", .number(0...100, step: "any"), hint: "Sets the status when the status is not given")
    static let prStatus = ToolFormField("prStatus", "PR status", .choice(ToolFormField.options(MarkerStatus.self)))
    static let prPercent = ToolFormField("prPercent", "PR-stained nuclei", unit: "%", .number(0...100, step: "any"))
    static let her2Status = ToolFormField("her2Status", "HER2 status", .choice(ToolFormField.options(MarkerStatus.self)), hint: "Positive if IHC 3+ or ISH amplified")
    static let ki67Percent = ToolFormField("ki67Percent", "Ki-67", unit: "%", .number(0...100, step: "any"))
    static let tumourSize = ToolFormField("tumourSizeMM", "Invasive tumour size", unit: "mm", .number(0...500, step: "any"))
    static let positiveNodes = ToolFormField("positiveNodes", "Positive lymph nodes", .integer(0...100))
    static let grade = ToolFormField("grade", "Histological grade", .integer(1...3))
    static let histology = ToolFormField("histology", "Histology", .choice(ToolFormField.codes(
        [Histology.adenocarcinoma, .squamous, .largeCell, .nonSmallCell, .smallCell].map(\.rawValue))))
}
