/// The three prostate risk stratifications of one patient; a part is nil when its facts were missing or the
/// patient is outside its population (the evaluation's `missing` and `caveats` say which).
public struct ProstateRiskOutput: ToolOutput, Equatable {
    public let eau: EAURiskGroup?
    /// The EAU guideline edition the group was classified with.
    public let eauEdition: String?
    public let nccn: NCCNRiskGroup?
    /// The NCCN version whose criteria were used.
    public let nccnVersion: String?
    public let capra: CAPRAScore?

    public init(eau: EAURiskGroup?, eauEdition: String?, nccn: NCCNRiskGroup?, nccnVersion: String?, capra: CAPRAScore?) {
        self.eau = eau
        self.eauEdition = eauEdition
        self.nccn = nccn
        self.nccnVersion = nccnVersion
        self.capra = capra
    }

    /// "EAU intermediate risk · NCCN unfavourable intermediate · CAPRA 4 (intermediate)".
    public var summary: String {
        var parts: [String] = []
        if let eau { parts.append("EAU \(eau.label)") }
        if let nccn { parts.append("NCCN \(nccn.label)") }
        if let capra { parts.append("CAPRA \(capra.score) (\(capra.group.label))") }
        return parts.isEmpty ? "No prostate risk group could be classified" : parts.joined(separator: " · ")
    }

    public var detail: String {
        var lines = ["| Classification | Result |", "|---|---|"]
        lines.append("| EAU risk group for biochemical recurrence (\(eauEdition ?? "–")) | \(eau?.label ?? "not classified") |")
        lines.append("| NCCN initial risk group (\(nccnVersion ?? "–")) | \(nccn?.label ?? "not classified") |")
        if let capra {
            let p = capra.points
            lines.append("| UCSF-CAPRA score | \(capra.score) of 10, \(capra.group.label) risk |")
            lines.append("")
            lines.append("CAPRA points: PSA \(p.psa), Gleason \(p.gleason), clinical T \(p.t), positive cores \(p.percentPositiveCores), age \(p.age).")
        } else {
            lines.append("| UCSF-CAPRA score | not scored |")
        }
        return lines.joined(separator: "\n")
    }
}
