extension LungTherapyTool {
    /// Checks a selected systemic therapy against the patient's actionable driver, for CDS Hooks `order-select`:
    /// a warning when an ordered drug is of a class (or is a drug) the driver's row says to avoid, e.g.
    /// chemo-immunotherapy for EGFR L858R. `orderedDrugs` are drug or regimen names as written in the
    /// MedicationRequests. Nil when there is no conflict, no actionable driver, or the patient is out of scope.
    public func check(orderedDrugs: [String], facts: PatientFacts) -> LungOrderCheck? {
        guard case .matched(let match) = match(facts), let driver = match.driver else { return nil }
        let ordered = Set(orderedDrugs.flatMap(rules.ingredients(in:))).sorted()
        for row in match.rows where row.firstLine == .targeted {
            let conflicts = ordered.compactMap { drug in
                row.avoid.first { $0.drug == drug || ($0.drugClass != nil && $0.drugClass == rules.drugClass(of: drug)) }.map { (drug, $0) }
            }
            guard !conflicts.isEmpty else { continue }
            return orderCheck(row: row, driver: driver, ordered: ordered, conflicts: conflicts)
        }
        return nil
    }

    private func orderCheck(row: LungTherapyRule, driver: String, ordered: [String],
                            conflicts: [(drug: String, avoid: LungTherapyRule.Avoid)]) -> LungOrderCheck {
        var keys: [String] = []
        for (drug, avoid) in conflicts where !keys.contains(avoid.drugClass ?? drug) { keys.append(avoid.drugClass ?? drug) }
        let withChemotherapy = ordered.contains { rules.drugClass(of: $0) == "chemotherapy" }
        let orderedClass = LungTherapyRecommendation.list(keys.map { key in
            key == "immunotherapy" && withChemotherapy ? "chemo-immunotherapy" : rules.drugClasses[key]?.label ?? key
        })
        let preferred = row.preferred.map(\.regimen)
        let full = "Actionable \(driver): guideline-preferred first line is \(LungTherapyRecommendation.list(preferred)), not \(orderedClass)"
        let summary = full.count < 140 ? full : String("Actionable \(driver): a targeted first line is guideline-preferred, not \(orderedClass)".prefix(139))
        let reasons = conflicts.map { "\($0.drug): \($0.avoid.reason)" }
        let sources = rules.sources(of: row)
        var detail = ["**\(row.label)** — the ordered \(orderedClass) conflicts with the driver.", ""]
        detail += reasons.map { "- \($0)" }
        detail += ["", "Preferred first line: \(preferred.joined(separator: "; "))."]
        if !row.alternatives.isEmpty { detail.append("Alternatives: \(row.alternatives.map(\.regimen).joined(separator: "; ")).") }
        detail += ["", "Source: " + sources.map { "\($0.label) \($0.edition)" }.joined(separator: "; ")]
        return LungOrderCheck(summary: summary, detail: detail.joined(separator: "\n"), indicator: "warning",
                              conflict: .init(orderedClass: orderedClass, orderedDrugs: conflicts.map(\.drug), driver: driver, reasons: reasons),
                              preferred: preferred, source: sources.first ?? rules.source.ruleSource)
    }
}
