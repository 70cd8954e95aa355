/// The surrogate intrinsic subtype of a breast cancer from ER, PR, HER2 and Ki-67 (St Gallen 2013, reference §3.3;
/// cut-offs in `breast-subtypes.json`).
///
/// It never guesses: when a missing fact leaves more than one subtype possible (Ki-67 for an HR+/HER2− tumour, say),
/// the evaluation is `blocked`, each fact that would decide is in `missing`, and `scopeNote` names the subtypes
/// that remain. A Ki-67 status without a percentage, or PR given only as positive, cannot be set against the 20 %
/// cut-offs and counts as missing where it matters.
public struct BreastSubtypeTool: DecisionTool {
    public let id = ToolID.breastSubtype
    let rules: BreastSubtypeRules

    /// Loads the bundled cut-offs.
    public init() throws {
        rules = try BreastSubtypeRules()
    }

    static let title = "Breast cancer surrogate subtype (St Gallen 2013)"

    public func evaluate(_ facts: PatientFacts) -> Evaluation {
        let scope = facts.breastScopeNotes(excludingMetastatic: false, excludingMen: false)
        guard scope.isEmpty else {
            return evaluation(.outOfScope, facts, missing: [], note: "Out of scope: " + scope.joined(separator: "; ") + ".")
        }
        let profile = BreastReceptorProfile(facts, cutOffs: rules.cutOffs)
        let candidates = profile.candidates
        guard candidates.count == 1, let subtype = candidates.first else {
            let remaining = Self.list(candidates.map(\.label))
            let missing = missingFacts(profile.decidingUnknowns, facts: facts, remaining: remaining)
            return evaluation(.blocked, facts, missing: missing, note: "Subtype not determined: \(remaining) remain possible.")
        }
        let output = BreastSubtypeOutput(subtype: subtype, label: subtype.label, definition: rules.definition(of: subtype),
                                         cutOffs: rules.cutOffs, markers: markers(facts))
        return evaluation(.complete, facts, missing: [], note: nil, output: output)
    }

    private func evaluation(_ status: Evaluation.Status, _ facts: PatientFacts, missing: [MissingFact], note: String?,
                            output: BreastSubtypeOutput? = nil) -> Evaluation {
        Evaluation(tool: id, title: Self.title, status: status, sources: [rules.source], used: used(facts), missing: missing,
                   scopeNote: note,
                   caveats: ["A surrogate for the intrinsic (PAM50) subtype; a multigene assay, where available, refines luminal A versus B."],
                   output: output)
    }

    /// One entry per deciding fact, in the order ER, PR, HER2, Ki-67.
    private func missingFacts(_ items: [BreastReceptorProfile.Item], facts: PatientFacts, remaining: String) -> [MissingFact] {
        var seen: Set<FactName> = []
        return items.compactMap { item in
            guard seen.insert(item.fact).inserted else { return nil }
            let need = switch item {
            case .er: "ER status (or ER %)"
            case .pr, .prHigh: "PR % (to compare with \(rules.cutOffs.prHighPercent.factText) %)"
            case .her2: "HER2 status"
            case .ki67High: "Ki-67 % (to compare with \(rules.cutOffs.ki67HighPercent.factText) %)"
                + (facts.ki67Status != nil ? "; a Ki-67 status without a percentage cannot be compared" : "")
            }
            return MissingFact(item.fact, .blocks, "\(need) is needed: \(remaining) remain possible")
        }
    }

    private func used(_ facts: PatientFacts) -> [UsedFact] {
        var used: [UsedFact] = []
        if let status = facts.effectiveERStatus { used.append(UsedFact("erStatus", Self.describe(status, facts.erPercent))) }
        if let status = facts.effectivePRStatus { used.append(UsedFact("prPercent", Self.describe(status, facts.prPercent))) }
        if let her2 = facts.her2Status { used.append(UsedFact("her2Status", her2.rawValue)) }
        if let ki67 = facts.ki67Percent { used.append(UsedFact("ki67Percent", "\(ki67.factText) %")) }
        return used
    }

    private func markers(_ facts: PatientFacts) -> [BreastSubtypeOutput.Marker] {
        let cut = rules.cutOffs
        let hr = "positive from \(cut.hormoneReceptorPositivePercent.factText) %"
        return [
            .init(marker: "ER", value: facts.effectiveERStatus.map { Self.describe($0, facts.erPercent) } ?? "not known", cutOff: hr),
            .init(marker: "PR", value: facts.effectivePRStatus.map { Self.describe($0, facts.prPercent) } ?? "not known",
                  cutOff: hr + "; high from \(cut.prHighPercent.factText) %"),
            .init(marker: "HER2", value: facts.her2Status?.rawValue ?? "not known", cutOff: "positive if IHC 3+ or ISH amplified"),
            .init(marker: "Ki-67", value: facts.ki67Percent.map { "\($0.factText) %" } ?? "not known",
                  cutOff: "high from \(cut.ki67HighPercent.factText) %"),
        ]
    }

    private static func describe(_ status: MarkerStatus, _ percent: Double?) -> String {
        percent.map { "\(status.rawValue) (\($0.factText) %)" } ?? status.rawValue
    }

    /// "A", "A or B", "A, B or C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }
}
