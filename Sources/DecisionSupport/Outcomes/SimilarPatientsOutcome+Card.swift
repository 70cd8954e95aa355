import Governance

/// The CDS card texts: one sentence of absolute numbers, and a Markdown table of the groups (reference §6.1:
/// absolute risks, uncertainty shown, neutral wording).
extension SimilarPatientsOutcome {
    static func summary(matched: SmallCellCount, groups: [SimilarPatientsGroup]) -> String {
        guard let total = matched.value else {
            return "Fewer than \(matched.minimum) similar patients at this site: too few to show their outcomes."
        }
        let years = groups.flatMap(\.landmarks).filter { $0.survival != nil }.map(\.years).max()
        guard let years else {
            return "\(total) similar patients at this site; too few deaths or too short follow-up to show survival by treatment."
        }
        let readable = groups.compactMap { group in
            group.landmarks.first { $0.years == years }?.survival.map { (group.treatment, percent($0)) }
        }
        let lead = "\(total) similar patients at this site: \(years)-year survival "
        let tail = "; observational data."
        if readable.count == 1, let only = readable.first {
            let sentence = lead + "\(only.1)% with \(only.0)" + tail
            if sentence.count < 140 { return sentence }
        }
        let values = readable.map(\.1)
        let range = values.min() == values.max() ? "\(values[0])%" : "\(values.min() ?? 0)–\(values.max() ?? 0)%"
        return lead + range + " across \(readable.count) treatment " + (readable.count == 1 ? "group" : "groups") + tail
    }

    static func detail(criteria: [SimilarityCriterion], matched: SmallCellCount, groups: [SimilarPatientsGroup],
                       windowDays: Int, minimumCount: Int, caveat: String) -> String {
        var lines = ["**Outcomes of similar patients at this site** (\(matched) matched)", "", "Matched on:"]
        lines += criteria.map { "- " + $0.description }
        let years = groups.first?.landmarks.map(\.years) ?? []
        let header = ["Treatment in the first \(windowDays) days", "Patients"] + years.map { "\($0)-year survival" }
        lines += ["", "| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
        for group in groups {
            let cells = group.landmarks.map { landmark -> String in
                guard let survival = landmark.survival else { return "—" }
                let interval = landmark.lower.flatMap { lower in landmark.upper.map { " (\(percent(lower))–\(percent($0))%)" } } ?? ""
                return "\(percent(survival))%" + interval
            }
            lines.append("| \(group.treatment) | \(group.count) | " + cells.joined(separator: " | ") + " |")
        }
        lines += [
            "",
            "Survival is from diagnosis (Kaplan–Meier, 95 % intervals). Counts below \(minimumCount) are not shown and the curves are "
                + "coarsened so that no smaller count can be read; \"—\" means follow-up too short or too few deaths to read.",
            "Groups are set by the treatment recorded in the first \(windowDays) days, so patients who died before any treatment "
                + "fall in the last group.",
            "",
            "*Caveat: \(caveat).*",
        ]
        return lines.joined(separator: "\n")
    }

    /// A share as a whole percentage.
    static func percent(_ share: Double) -> Int {
        Int((share * 100).rounded())
    }
}
