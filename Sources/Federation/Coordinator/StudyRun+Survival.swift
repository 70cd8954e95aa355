import Governance

extension StudyRun {
    /// Kaplan–Meier from the event and censoring histograms summed over nodes, on the study's fixed grid (every
    /// day when exact survival times are allowed). The curve uses the whole sums; the counts shown beside it pass
    /// the minimum cell rule.
    func kaplanMeier(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        let width = study.privacy.exactSurvivalTimes ? 1 : analysis.resolvedGridDays
        let horizon = analysis.maximumDays ?? 3650
        let intervals = (horizon + width - 1) / width
        let gathered = try await exchange(analysis, .survivalHistogram, round: 0,
                                          expect: [.count("at-risk"), .counts("events", intervals), .counts("censored", intervals)])
        let histogram = SurvivalHistogram(gridDays: width, atRisk: gathered.count("at-risk"),
                                          events: gathered.counts("events"), censored: gathered.counts("censored"))
        let curve = FederatedKaplanMeier(histogram)
        let minimum = study.privacy.minimumCellCount
        func shown(_ count: Int) -> Int? { count == 0 ? 0 : SmallCellCount(count, minimum: minimum).value }
        var result = AnalysisResult(id: analysis.id, type: analysis.type, nodes: gathered.nodes, noise: gathered.noise)
        result.survival = SurvivalResult(
            gridDays: width, subjects: gathered.pooled("at-risk", minimum: minimum),
            withheldCells: ["events", "censored"].reduce(0) { $0 + (gathered.sums[$1]?.suppressed.count { $0 } ?? 0) },
            points: curve.points.map { point in
                SurvivalResult.Point(day: point.day, atRisk: shown(point.atRisk), events: shown(point.events), censored: shown(point.censored),
                                     survival: point.survival, standardError: point.standardError, lower: point.lower, upper: point.upper)
            },
            medianDays: curve.points.first { $0.survival <= 0.5 }?.day)
        return result
    }
}
