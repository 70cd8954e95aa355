/// EAU and NCCN risk groups and the UCSF-CAPRA score for a newly diagnosed prostate cancer (reference §2.1–2.3).
/// Each part is classified when its facts are present; the evaluation is complete when at least one part is.
public struct ProstateRiskTool: DecisionTool {
    public let id = ToolID.prostateRisk
    public let rules: ProstateRiskRules

    /// Loads the criteria of `prostate-risk-groups.json`.
    public init() throws {
        rules = try ProstateRiskRules()
    }

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        let sources = [rules.eau.source, rules.nccn.source, rules.capra.source]
        let title = "Prostate cancer risk groups (EAU, NCCN, CAPRA)"
        if let scopeNote = scopeNote(facts) {
            return Evaluation(tool: id, title: title, status: .outOfScope, sources: sources, used: [], missing: [],
                              scopeNote: scopeNote, output: nil)
        }
        var report = Report()
        let t = facts.t?.prostateCode
        let nodePositive = facts.n?.isNodeOrMetastasisPositive ?? false
        let metastatic = facts.m?.isNodeOrMetastasisPositive ?? false

        let eau = classifyEAU(facts, t: t, nodePositive: nodePositive, metastatic: metastatic, report: &report)
        let nccn = classifyNCCN(facts, t: t, nodePositive: nodePositive, metastatic: metastatic, report: &report)
        let capra = scoreCAPRA(facts, t: t, localised: !nodePositive && !metastatic, report: &report)
        report.noteStaging(facts, t: t, eau: eau, nccn: nccn)

        let output = ProstateRiskOutput(eau: eau, eauEdition: eau.map { _ in rules.eau.source.edition },
                                        nccn: nccn, nccnVersion: nccn.map { _ in rules.nccn.source.edition }, capra: capra)
        let classified = eau != nil || nccn != nil || capra != nil
        return Evaluation(tool: id, title: title, status: classified ? .complete : .blocked, sources: sources,
                          used: report.used(facts), missing: report.missing, caveats: report.caveats,
                          output: classified ? output : nil)
    }

    private func scopeNote(_ facts: PatientFacts) -> String? {
        if let cancer = facts.cancer, cancer != .prostate { return "These risk groups are for prostate cancer; the cancer is \(cancer.rawValue)." }
        if facts.sex == .female { return "These risk groups are for prostate cancer in men." }
        return nil
    }

    private func classifyEAU(_ facts: PatientFacts, t: String?, nodePositive: Bool, metastatic: Bool, report: inout Report) -> EAURiskGroup? {
        if metastatic {
            report.caveats.append("EAU risk groups for biochemical recurrence are for non-metastatic disease (M1): not classified.")
            return nil
        }
        if nodePositive || (t.map(rules.eau.locallyAdvanced.t.contains) ?? false) { return .locallyAdvanced }
        guard let psa = facts.psa, let gradeGroup = facts.effectiveGradeGroup, let t else {
            report.block(facts, t: t, part: "EAU risk group")
            return nil
        }
        return EAURiskGroup.classify(psa: psa, gradeGroup: gradeGroup, t: t, nodePositive: nodePositive, criteria: rules.eau)
    }

    private func classifyNCCN(_ facts: PatientFacts, t: String?, nodePositive: Bool, metastatic: Bool, report: inout Report) -> NCCNRiskGroup? {
        if metastatic { return .metastatic }
        if nodePositive { return .regional }
        guard let psa = facts.psa, let gradeGroup = facts.effectiveGradeGroup, let t else {
            report.block(facts, t: t, part: "NCCN risk group")
            return nil
        }
        var inputs = NCCNRiskGroup.Inputs(psa: psa, gradeGroup: gradeGroup, t: t)
        inputs.gleasonPrimary = facts.gleasonPrimary
        inputs.positiveCores = facts.biopsyCoresPositive
        inputs.coresTaken = facts.biopsyCoresTaken
        inputs.maxCoreInvolvementPercent = facts.maxCoreInvolvementPercent
        inputs.psaDensity = facts.psaDensity
        inputs.coresGradeGroup4OrMore = facts.coresGradeGroup4OrMore
        let result = NCCNRiskGroup.classify(inputs, criteria: rules.nccn)
        let criteria: [FactName: String] = [
            "gleasonPrimary": "primary Gleason pattern 5 (very high)", "coresGradeGroup4OrMore": "more than 4 cores of grade group 4–5 (very high)",
            "psaDensity": "PSA density (very low)", "maxCoreInvolvementPercent": "cancer in each core (very low)",
        ]
        for fact in result.skipped {
            let criterion = criteria[fact] ?? (result.group == .intermediate ? "share of positive cores (favourable or unfavourable)" : "positive cores (very low)")
            report.missing.append(MissingFact(fact, .skipsCriterion, "NCCN: \(criterion) not checked without \(fact); the group (\(result.group.label)) may be less specific"))
        }
        return result.group
    }

    private func scoreCAPRA(_ facts: PatientFacts, t: String?, localised: Bool, report: inout Report) -> CAPRAScore? {
        guard localised else {
            report.caveats.append("UCSF-CAPRA was developed for localised disease (N0 M0): not scored.")
            return nil
        }
        let patterns = gleasonPatterns(facts)
        guard let psa = facts.psa, let patterns, let t, let percent = facts.percentPositiveCores, let age = facts.age else {
            report.block(facts, t: t, part: "CAPRA score", extra: [
                ("gleasonPrimary", patterns == nil), ("biopsyCoresTaken", facts.biopsyCoresTaken == nil),
                ("biopsyCoresPositive", facts.biopsyCoresPositive == nil), ("age", facts.age == nil),
            ])
            return nil
        }
        guard let score = CAPRAScore(psa: psa, gleasonPrimary: patterns.primary, gleasonSecondary: patterns.secondary, t: t,
                                     percentPositiveCores: percent, age: age, table: rules.capra) else {
            report.caveats.append("UCSF-CAPRA was developed for cT1–cT3a: not scored for c\(t).")
            return nil
        }
        return score
    }

    /// The Gleason patterns, given or read from a grade group whose patterns give one CAPRA level (grade group 4
    /// holds both 4+4 and 3+5, which score differently, so it needs the patterns).
    private func gleasonPatterns(_ facts: PatientFacts) -> (primary: Int, secondary: Int)? {
        if let primary = facts.gleasonPrimary, let secondary = facts.gleasonSecondary { return (primary, secondary) }
        switch facts.gradeGroup {
        case 1: return (3, 3)
        case 2: return (3, 4)
        case 3: return (4, 3)
        case 5: return (4, 5)
        default: return nil
        }
    }
}
