/// The Nottingham Prognostic Index (Galea 1992, reference §3.4; constants and bands in `npi.json`):
/// `0.2 × size (cm) + node score + grade`, with its band and the band's 5-year survival. Needs tumour size, positive
/// nodes and grade; each missing one blocks and is named.
public struct NPITool: DecisionTool {
    public let id = ToolID.npi
    let rules: NPIRules

    /// Loads the bundled constants and bands.
    public init() throws {
        rules = try NPIRules()
    }

    static let title = "Nottingham Prognostic Index"

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        let scope = facts.breastScopeNotes(excludingMetastatic: true, excludingMen: false)
        guard scope.isEmpty else {
            return evaluation(.outOfScope, used: [], missing: [], note: "Out of scope: " + scope.joined(separator: "; ") + ".")
        }
        var missing: [MissingFact] = []
        if facts.tumourSizeMM == nil { missing.append(MissingFact("tumourSizeMM", .blocks, "invasive tumour size (mm) is part of the index")) }
        let nodeScore = facts.positiveNodes.flatMap { $0 >= 0 ? rules.nodeScore(positiveNodes: $0) : nil }
        if nodeScore == nil { missing.append(MissingFact("positiveNodes", .blocks, "the number of positive lymph nodes is part of the index")) }
        let grade = facts.grade.flatMap { rules.grades.contains($0) ? $0 : nil }
        if grade == nil { missing.append(MissingFact("grade", .blocks, "histological grade 1–3 is part of the index")) }
        let used = used(facts)
        guard let sizeMM = facts.tumourSizeMM, let nodeScore, let grade else {
            return evaluation(.blocked, used: used, missing: missing, note: nil)
        }
        let sizeCM = sizeMM / 10
        let sizePoints = rules.sizeCoefficientPerCM * sizeCM
        let npi = sizePoints + Double(nodeScore + grade)
        let band = rules.band(of: npi)
        // Rounded to 3 decimals (size to 0.1 mm), which drops binary noise such as 0.4400000000000004.
        let output = NPIOutput(npi: Self.rounded(npi), band: band.band, fiveYearSurvivalPercent: band.fiveYearSurvivalPercent,
                               sizeCM: sizeCM, sizePoints: Self.rounded(sizePoints), nodeScore: nodeScore, grade: grade)
        return evaluation(.complete, used: used, missing: [], note: nil, output: output)
    }

    private func evaluation(_ status: Evaluation.Status, used: [UsedFact], missing: [MissingFact], note: String?,
                            output: NPIOutput? = nil) -> Evaluation {
        Evaluation(tool: id, title: Self.title, status: status, sources: [rules.source], used: used, missing: missing,
                   scopeNote: note,
                   caveats: ["The bands' 5-year survival comes from the Nottingham series of the 1980s; outcomes with current treatment are better."],
                   output: output)
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private func used(_ facts: PatientFacts) -> [UsedFact] {
        var used: [UsedFact] = []
        if let size = facts.tumourSizeMM { used.append(UsedFact("tumourSizeMM", "\(size.factText) mm")) }
        if let nodes = facts.positiveNodes { used.append(UsedFact("positiveNodes", "\(nodes)")) }
        if let grade = facts.grade { used.append(UsedFact("grade", "\(grade)")) }
        return used
    }
}
