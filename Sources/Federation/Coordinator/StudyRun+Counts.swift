import Governance

extension StudyRun {
    /// Persons, records and attrition per cohort, summed over nodes. The attrition chain is governed as a chain
    /// (`CellSuppression.chain`): a step fewer than the minimum below the last shown one is hidden too.
    func counts(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        let cohorts = (analysis.cohorts ?? study.cohorts.map(\.id)).compactMap { study.cohort($0) }
        var expect: [StepExpectation] = []
        for cohort in cohorts {
            let prefix = "cohort:\(cohort.id):"
            expect += [.count(prefix + "persons"), .count(prefix + "records"), .count(prefix + "base")]
            expect += cohort.expression.inclusionRules.indices.map { .count(prefix + "rule:\($0)") }
            expect.append(.count(prefix + "final"))
        }
        let gathered = try await exchange(analysis, .counts, round: 0, expect: expect)
        let minimum = study.privacy.minimumCellCount
        var result = AnalysisResult(id: analysis.id, type: analysis.type, nodes: gathered.nodes, noise: gathered.noise)
        result.counts = cohorts.map { cohort in
            let prefix = "cohort:\(cohort.id):"
            let rules = cohort.expression.inclusionRules
            let names = ["base"] + rules.indices.map { "rule:\($0)" } + ["final"]
            let labels = ["Qualifying persons"] + rules.enumerated().map { $1.name.isEmpty ? "Rule \($0 + 1)" : $1.name } + ["Final cohort"]
            let chain = CellSuppression.chain(names.map { gathered.count(prefix + $0) }, minimum: minimum)
            let steps = names.indices.map { index in
                CohortCounts.Step(name: labels[index], count: PooledCount(cell: chain[index],
                                                                          nodeSuppressed: gathered.sums[prefix + names[index]]?.suppressed.first ?? false))
            }
            return CohortCounts(cohort: cohort.id, name: cohort.name, persons: gathered.pooled(prefix + "persons", minimum: minimum),
                                records: gathered.pooled(prefix + "records", minimum: minimum), attrition: steps)
        }
        return result
    }
}
