/// How PREDICT Breast results are said and drawn (reference §6.1–6.2): absolute numbers out of 100 women, the
/// benefit of each treatment layered on the ones before, competing deaths named, at 10 years.
extension PredictBreastOutput {
    /// The time the summary, the patient text and the icon array speak of.
    static let presentedYears = 10

    static let surgeryColour = "#1f5f99"
    static let treatmentColours: [PredictBreastTreatment: String] = [
        .hormone: "#4a9fd8", .chemotherapy: "#2a9d8f", .trastuzumab: "#e0a526", .bisphosphonates: "#8e6bbf",
    ]
    static let breastDeathColour = "#e377a8"
    static let otherDeathColour = "#9e9e9e"

    /// The applicable treatments, in PREDICT's order.
    var applicableTreatments: [PredictBreastTreatment] {
        options.filter(\.applicable).map(\.treatment)
    }

    public var summary: String {
        guard let array = iconArray else { return "PREDICT Breast v2.1 gave no \(Self.presentedYears)-year prediction." }
        let counts = array.categories.map(\.count)
        let treated = counts.prefix(1 + applicableTreatments.count).reduce(0, +)
        return "PREDICT v2.1, \(Self.presentedYears) years: \(counts[0]) of 100 alive with surgery only, \(treated) with "
            + Self.and(applicableTreatments.map(\.label)) + "."
    }

    public var detail: String {
        let columns = horizons.map { "\($0.years) years" }
        var lines = ["| | " + columns.joined(separator: " | ") + " |", "|---|" + String(repeating: "---|", count: columns.count)]
        func row(_ label: String, _ value: (Horizon) -> String) {
            lines.append("| \(label) | " + horizons.map(value).joined(separator: " | ") + " |")
        }
        row("Surgery only") { $0.surgeryOnly.fixed(1) + " %" }
        for (index, treatment) in PredictBreastTreatment.allCases.enumerated() where applicableTreatments.contains(treatment) {
            let label = treatment == .chemotherapy ? "chemotherapy (generation \(chemotherapyGeneration))" : treatment.label
            row("+ \(label)") { "+" + $0.benefits[index].extra.fixed(1) }
        }
        row("**Alive with these treatments**") { "**" + $0.overallSurvival.fixed(1) + " %**" }
        row("Died of breast cancer") { $0.breastCancerDeaths.fixed(1) + " %" }
        row("Died of other causes") { $0.otherDeaths.fixed(1) + " %" }
        let notShown = options.filter { !$0.applicable }.map { "\($0.treatment.label) (\($0.reason ?? "not applicable"))" }
        if !notShown.isEmpty { lines += ["", "Not shown: " + notShown.joined(separator: "; ") + "."] }
        lines += ["", "Source: \(model). Benefits are percentage points of overall survival added by each treatment."]
        return lines.joined(separator: "\n")
    }

    public var patientExplanation: String? {
        guard let array = iconArray else { return nil }
        let counts = array.categories.map(\.count)
        let years = Self.presentedYears
        var sentences = ["\(counts[0]) out of 100 women treated with surgery only live at least \(years) years from surgery."]
        var alive = counts[0]
        var given = ["surgery"]
        for (offset, treatment) in applicableTreatments.enumerated() {
            let extra = counts[offset + 1]
            alive += extra
            given.append(treatment.label)
            sentences.append("\(alive) out of 100 women treated with \(Self.and(given)) are alive (an extra \(extra)).")
        }
        let otherDeaths = counts[counts.count - 1]
        sentences.append("Of the women who would not survive, \(otherDeaths) would die due to causes not related to breast cancer.")
        return sentences.joined(separator: " ")
    }

    /// 100 women at 10 years: alive with surgery only, extra alive per applicable treatment (filled, one colour
    /// each), died of breast cancer (open, pink), died of other causes (open, grey).
    public var iconArray: IconArray? {
        guard let horizon = horizon(Self.presentedYears) else { return nil }
        var shares: [(label: String, percent: Double, style: IconArray.Style, colour: String)] = [
            ("Alive with surgery only", horizon.surgeryOnly, .filled, Self.surgeryColour),
        ]
        for benefit in horizon.benefits where benefit.applicable {
            shares.append(("Extra alive with \(benefit.treatment.label)", benefit.extra, .filled,
                           Self.treatmentColours[benefit.treatment] ?? Self.surgeryColour))
        }
        shares.append(("Died of breast cancer", horizon.breastCancerDeaths, .open, Self.breastDeathColour))
        shares.append(("Died of other causes", horizon.otherDeaths, .open, Self.otherDeathColour))
        return IconArray(caption: "Out of 100 women like you, \(Self.presentedYears) years after surgery", shares: shares)
    }

    /// "a", "a and b", "a, b and c".
    static func and(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
