/// A Nottingham Prognostic Index, its parts and its prognostic group.
public struct NPIOutput: ToolOutput, Equatable {
    /// `0.2 × size (cm) + node score + grade`.
    public let npi: Double
    public let band: NPIBand
    /// The 5-year survival of the band in the Nottingham series, percent.
    public let fiveYearSurvivalPercent: Double
    public let sizeCM: Double
    /// `0.2 × size (cm)`, the size's share of the index.
    public let sizePoints: Double
    /// 1 for no positive node, 2 for 1–3, 3 for 4 or more.
    public let nodeScore: Int
    public let grade: Int

    public var summary: String {
        "NPI \(npi.factText): \(band.rawValue) prognostic group, 5-year survival about "
            + "\(fiveYearSurvivalPercent.factText) % in the Nottingham series."
    }

    public var detail: String {
        """
        | Part | Value | Points |
        |---|---|---|
        | Tumour size | \(sizeCM.factText) cm | \(sizePoints.factText) |
        | Positive nodes | score \(nodeScore) | \(nodeScore) |
        | Grade | \(grade) | \(grade) |
        | **NPI** | | **\(npi.factText)** |

        Group: **\(band.rawValue)** (5-year survival \(fiveYearSurvivalPercent.factText) %).
        """
    }
}
