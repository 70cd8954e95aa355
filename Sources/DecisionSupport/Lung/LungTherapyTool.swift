/// Biomarker-directed first-line therapy for advanced NSCLC (reference §4.2): the rows of `lung-therapy.json`
/// that match the patient's driver, or without an actionable driver their PD-L1 band.
public struct LungTherapyTool: DecisionTool {
    public let id = ToolID.lungTherapy
    let rules: LungTherapyRules

    static let title = "First-line therapy for advanced NSCLC"
    /// The genes whose results immunotherapy should wait for (ESMO 2023).
    static let waitFor: [LungGene] = [.egfr, .alk, .ros1]

    /// Loads the therapy table from the bundle; throws when it is missing or inconsistent.
    public init() throws {
        rules = try LungTherapyRules.load()
    }

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        let sources = [rules.source.ruleSource]
        switch match(facts) {
        case .outOfScope(let note):
            return Evaluation(tool: id, title: Self.title, status: .outOfScope, sources: sources, used: [], missing: [],
                              scopeNote: note, output: nil)
        case .blocked(let used, let missing):
            return Evaluation(tool: id, title: Self.title, status: .blocked, sources: sources, used: used, missing: missing, output: nil)
        case .matched(let match):
            let output = LungTherapyOutput(driver: match.driver, pdl1TPS: match.pdl1TPS,
                                           recommendations: match.rows.map { recommendation($0, histology: facts.histology) })
            var cited: [RuleSource] = []
            for source in match.rows.flatMap(rules.sources(of:)) where !cited.contains(source) { cited.append(source) }
            return Evaluation(tool: id, title: Self.title, status: .complete, sources: cited, used: match.used,
                              missing: match.missing, caveats: match.caveats, output: output)
        }
    }

    /// The rows for the patient, or why there are none.
    enum Match {
        case outOfScope(String)
        case blocked([UsedFact], [MissingFact])
        case matched(Matched)
    }

    struct Matched {
        var driver: String?
        var pdl1TPS: Double?
        var rows: [LungTherapyRule]
        var used: [UsedFact]
        var missing: [MissingFact]
        var caveats: [String]
    }

    func match(_ facts: PatientFacts) -> Match {
        if let cancer = facts.cancer, cancer != .lung { return .outOfScope("This table is for lung cancer; the patient's cancer is \(cancer.rawValue).") }
        if facts.histology == .smallCell { return .outOfScope("This table is for non-small-cell lung cancer; the histology is small-cell.") }
        var used: [UsedFact] = []
        if let m = facts.m { used.append(UsedFact("m", m.code)) }
        if let group = facts.stageGroup { used.append(UsedFact("stageGroup", group)) }
        if facts.m == nil && facts.stageGroup == nil {
            return .blocked(used, [MissingFact("m", .blocks, "the table is for advanced (stage IV) NSCLC: give m or stageGroup")])
        }
        guard facts.m?.number == 1 || facts.stageGroup?.hasPrefix("IV") == true else {
            let stage = facts.stageGroup.map { "stage \($0)" } ?? facts.m?.code ?? "not stage IV"
            return .outOfScope("The table is for advanced (stage IV, M1) NSCLC; this patient is \(stage). Earlier stages follow stage-specific guidance.")
        }
        let biomarkers = facts.lungBiomarkers ?? [:]
        var missing: [MissingFact] = []
        var caveats: [String] = []
        let untested = LungGene.allCases.filter { biomarkers[$0] == nil }
        if !untested.isEmpty {
            missing.append(MissingFact("lungBiomarkers", .widensUncertainty,
                                       "not tested: \(untested.map(\.rawValue).joined(separator: ", ")); broad molecular testing (ideally NGS) covers all ten genes"))
        }
        if !biomarkers.isEmpty {
            used.append(UsedFact("lungBiomarkers", biomarkers.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")))
        }
        var drivers: [String] = []
        var driverRows: [LungTherapyRule] = []
        for (gene, result) in biomarkers.sorted(by: { $0.key < $1.key }) where result != "negative" {
            let geneRows = rules.rows.filter { $0.condition.gene == gene }
            var rows = geneRows.filter { $0.condition.results?.contains(result) == true }
            if rows.isEmpty && result == "positive" {
                rows = geneRows
                caveats.append("\(gene.rawValue) is positive without the variant: the first line depends on it.")
            }
            guard !rows.isEmpty else { continue }
            drivers.append("\(gene.rawValue) \(result)")
            driverRows += rows
        }
        let driver = drivers.isEmpty ? nil : drivers.joined(separator: " + ")
        let targeted = driverRows.filter { $0.firstLine == .targeted }
        if !targeted.isEmpty {
            return .matched(Matched(driver: driver, rows: targeted, used: used, missing: missing, caveats: caveats))
        }
        let waiting = Self.waitFor.filter(untested.contains)
        if !waiting.isEmpty {
            caveats.append("Immunotherapy should wait for the \(waiting.map(\.rawValue).joined(separator: ", ")) results: a driver there makes a targeted drug the first line.")
        }
        guard let tps = facts.pdl1TPS else {
            return .blocked(used, missing + [MissingFact("pdl1TPS", .blocks, "without an actionable driver the first line depends on the PD-L1 tumour proportion score")])
        }
        used.append(UsedFact("pdl1TPS", "\(tps.factText) %"))
        let band = rules.rows.filter { $0.condition.matches(pdl1: tps) }
        return .matched(Matched(driver: driver, pdl1TPS: tps, rows: driverRows + band, used: used, missing: missing, caveats: caveats))
    }

    /// A row as output, with options for the other histology left out when the histology is known.
    func recommendation(_ row: LungTherapyRule, histology: Histology?) -> LungTherapyRecommendation {
        let kind: String? = switch histology {
        case .squamous: "squamous"
        case .adenocarcinoma, .largeCell: "non-squamous"
        default: nil
        }
        func names(_ options: [LungTherapyRule.Option]) -> [String] {
            options.filter { option in kind == nil || option.histology == nil || option.histology == kind }
                .map { option in option.histology.map { kind == nil ? "\(option.regimen) (\($0))" : option.regimen } ?? option.regimen }
        }
        let avoid = row.avoid.map { item in
            let name = item.drugClass.flatMap { rules.drugClasses[$0]?.label } ?? item.drug ?? ""
            return "\(name) (\(item.reason))"
        }
        return LungTherapyRecommendation(id: row.id, condition: row.label, firstLine: row.firstLine.rawValue,
                                         preferred: names(row.preferred), alternatives: names(row.alternatives),
                                         avoid: avoid, notes: row.notes, sources: rules.sources(of: row))
    }
}
