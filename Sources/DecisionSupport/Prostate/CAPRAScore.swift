/// The UCSF-CAPRA score (reference §2.3): 0–10 points from PSA, biopsy Gleason, clinical T, percent positive
/// cores and age, with the points of each item kept so that a reader can check the sum.
public struct CAPRAScore: Sendable, Equatable, Encodable {
    /// The CAPRA risk group: 0–2 low, 3–5 intermediate, 6–10 high.
    public enum Group: String, Sendable, Codable, CaseIterable {
        case low, intermediate, high

        public var label: String { rawValue }
    }

    /// Points per item.
    public struct Points: Sendable, Equatable, Encodable {
        public let psa: Int
        public let gleason: Int
        public let t: Int
        public let percentPositiveCores: Int
        public let age: Int

        public var total: Int { psa + gleason + t + percentPositiveCores + age }
    }

    public let score: Int
    public let group: Group
    public let points: Points

    /// Scores one patient, or nil when the clinical T is outside the table (cT3b–cT4: CAPRA was built on
    /// localised disease).
    /// - Parameters:
    ///   - psa: PSA at diagnosis, ng/mL.
    ///   - gleasonPrimary: primary biopsy Gleason pattern 1–5.
    ///   - gleasonSecondary: secondary biopsy Gleason pattern 1–5.
    ///   - t: the clinical T code as `TNMCategory.prostateCode` spells it.
    ///   - percentPositiveCores: 100 × positive / taken biopsy cores.
    ///   - age: years at diagnosis.
    ///   - table: the point table of the rule file.
    public init?(psa: Double, gleasonPrimary: Int, gleasonSecondary: Int, t: String, percentPositiveCores: Double,
                 age: Double, table: CAPRATable) {
        guard let tPoints = table.t[t] else { return nil }
        let psaPoints = table.psa.first { band in band.atMost.map { psa <= $0 } ?? true }?.points ?? 0
        let gleasonPoints = gleasonPrimary >= 4 ? table.gleason.primary4or5
            : gleasonSecondary >= 4 ? table.gleason.secondary4or5Only : table.gleason.no4or5
        points = Points(
            psa: psaPoints, gleason: gleasonPoints, t: tPoints,
            percentPositiveCores: percentPositiveCores >= table.percentPositiveCores.atLeast ? table.percentPositiveCores.points : 0,
            age: age >= table.age.atLeast ? table.age.points : 0)
        score = points.total
        let total = points.total
        group = table.groups.first { total <= $0.maxScore }?.group ?? .high
    }
}
