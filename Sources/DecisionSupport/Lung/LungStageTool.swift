/// The TNM 8th edition stage group of a non-small-cell lung cancer (reference §4.1): T from the record or derived
/// from size and invasion features, N and M from the record, the group from `lung-tnm8-stage.tsv`.
public struct LungStageTool: DecisionTool {
    public let id = ToolID.lungStage
    let table: LungStageTable
    let tRules: LungTCategoryRules

    static let title = "Lung cancer TNM stage group (8th edition)"

    /// Loads the stage table and T rules from the bundle; throws when a rule file is missing or malformed.
    public init() throws {
        table = try LungStageTable()
        tRules = try LungTCategoryRules.load()
    }

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        if let note = scopeNote(facts) {
            return Evaluation(tool: id, title: Self.title, status: .outOfScope, sources: [source], used: [], missing: [],
                              scopeNote: note, output: nil)
        }
        var used: [UsedFact] = []
        var missing: [MissingFact] = []
        var caveats: [String] = []
        guard let m = facts.m else {
            return blocked(used, [MissingFact("m", .blocks, "the M category (M0, M1a, M1b, M1c) sets stage IV or not")])
        }
        used.append(UsedFact("m", m.code))
        let n = nodes(facts.n, caveats: &caveats)
        let t = tumour(facts, used: &used, missing: &missing, caveats: &caveats)
        if let n { used.append(UsedFact("n", n)) }

        if m.number == 1 {
            // Any T, any N: the row of the known T and N, or of TX N0, which has the same group.
            let group = m.subcategory.isEmpty ? "IV" : table.group(t: t.category ?? "TX", n: n ?? "N0", m: m.code).flatMap { $0 } ?? "IV"
            let note = m.subcategory.isEmpty ? "M1 without a subcategory: IVA (M1a, M1b) or IVB (M1c) needs the M subcategory." : nil
            let output = LungStageOutput(stageGroup: group, t: t.category, n: n, m: m.code, tDerivedFrom: t.derivedFrom,
                                         edition: source.edition, note: note)
            return Evaluation(tool: id, title: Self.title, status: .complete, sources: [source], used: used,
                              missing: missing.filter { $0.effect != .blocks }, caveats: caveats, output: output)
        }
        guard let n else {
            let note = facts.n.map { "\($0.code) cannot be staged: N0–N3 is needed for M0 disease" } ?? "the N category (N0–N3) is needed for M0 disease"
            return blocked(used, missing + [MissingFact("n", .blocks, note)])
        }
        guard let category = t.category, !missing.contains(where: { $0.effect == .blocks }) else { return blocked(used, missing) }
        guard let entry = table.group(t: category, n: n, m: m.code), let group = entry else {
            let why = category == "TX"
                ? "TX with \(n) M0 has no stage group in TNM 8: the group depends on T (IIB to IIIC)"
                : "\(category) with \(n) M0 is not in the TNM 8 table: nodal disease means an invasive component, so restage T"
            return blocked(used, missing + [MissingFact("t", .blocks, why)])
        }
        let note = missing.isEmpty ? nil : "T \(category) is the lowest category the features allow; with the size unknown the stage may be higher."
        let output = LungStageOutput(stageGroup: group, t: category, n: n, m: m.code, tDerivedFrom: t.derivedFrom,
                                     edition: source.edition, note: note)
        return Evaluation(tool: id, title: Self.title, status: .complete, sources: [source], used: used, missing: missing,
                          caveats: caveats, output: output)
    }

    var source: RuleSource { tRules.source.ruleSource }

    private func blocked(_ used: [UsedFact], _ missing: [MissingFact]) -> Evaluation {
        Evaluation(tool: id, title: Self.title, status: .blocked, sources: [source], used: used, missing: missing, output: nil)
    }

    private func scopeNote(_ facts: PatientFacts) -> String? {
        if let cancer = facts.cancer, cancer != .lung {
            return "This tool stages lung cancer; the patient's cancer is \(cancer.rawValue)."
        }
        if facts.histology == .smallCell {
            return "TNM 8 also applies to small-cell lung cancer, but this tool is for non-small-cell lung cancer; "
                + "small-cell treatment follows limited versus extensive stage."
        }
        return nil
    }

    /// N0–N3 from the record; TNM 9's N2a/N2b read as N2. Nil for NX or no N.
    private func nodes(_ n: TNMCategory?, caveats: inout [String]) -> String? {
        guard let n, let number = n.number, (0...3).contains(number) else { return nil }
        if !n.subcategory.isEmpty { caveats.append("\(n.code) is not a TNM 8 lung category; read as N\(number).") }
        return "N\(number)"
    }
}
