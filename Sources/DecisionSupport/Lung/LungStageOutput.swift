/// A lung cancer's TNM 8 stage group, with the categories it came from (reference §4.1).
public struct LungStageOutput: ToolOutput, Equatable {
    /// `0`, `IA1` … `IIIC`, `IVA`, `IVB`, `occult carcinoma`, or `IV` when M1 has no subcategory.
    public let stageGroup: String
    /// The T category used; nil for M1 disease with T unknown (any T).
    public let t: String?
    /// The N category used; nil for M1 disease with N unknown (any N).
    public let n: String?
    public let m: String
    /// The facts T was derived from (`tumourSizeMM 25 mm`, `visceral-pleura`); nil when T was recorded.
    public let tDerivedFrom: [String]?
    /// The TNM edition of the table: stage groups differ between editions.
    public let edition: String
    /// What limits the group, e.g. that IVA vs IVB needs the M subcategory.
    public let note: String?

    public var summary: String {
        "Lung cancer stage \(stageGroup) (\(categories), TNM \(edition))"
    }

    public var detail: String {
        var lines = [
            "| Category | Value | From |", "|---|---|---|",
            "| T | \(t ?? "any") | \(tDerivedFrom?.joined(separator: "; ") ?? (t == nil ? "not needed for M1" : "recorded")) |",
            "| N | \(n ?? "any") | \(n == nil ? "not needed for M1" : "recorded") |",
            "| M | \(m) | recorded |",
            "", "**Stage group \(stageGroup)** (AJCC/UICC TNM \(edition), IASLC).",
        ]
        if let note { lines += ["", note] }
        return lines.joined(separator: "\n")
    }

    public var patientExplanation: String? {
        "The stage (\(stageGroup)) describes how far the cancer has grown and spread: the size and reach of the tumour (T), "
            + "cancer in nearby lymph nodes (N) and spread to other parts of the body (M)."
    }

    private var categories: String {
        [t ?? "any T", n ?? "any N", m].joined(separator: " ")
    }
}
