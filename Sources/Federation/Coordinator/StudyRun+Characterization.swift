extension StudyRun {
    /// Per cohort and feature: n, mean and SD of numbers (from summed n, sums and sums of squares); counts and
    /// proportions per level of categories; standardised differences between the first two cohorts.
    func characterization(_ analysis: StudyAnalysis) async throws -> AnalysisResult {
        let features = analysis.covariates ?? []
        let levels = try await agreedLevels(analysis, features: features)
        let cohorts = (analysis.cohorts ?? study.cohorts.map(\.id)).compactMap { study.cohort($0) }
        var expect: [StepExpectation] = []
        for cohort in cohorts {
            expect.append(.count("cohort:\(cohort.id):persons"))
            for feature in features {
                let name = "cohort:\(cohort.id):\(feature)"
                expect += feature.isNumeric ? [.count(name + ":n"), .vector(name + ":sums", 2)]
                                            : [.counts(name, (levels[feature.description]?.count ?? 0) + 1)]
            }
        }
        let gathered = try await exchange(analysis, .characterization, round: 0, expect: expect) { $0.levels = levels }
        let minimum = study.privacy.minimumCellCount
        var summaries: [[NumericSummary?]] = [], shares: [[[(count: Int, n: Int)]]] = []
        let described = cohorts.map { cohort in
            let persons = gathered.pooled("cohort:\(cohort.id):persons", minimum: minimum)
            var numeric: [NumericSummary?] = [], proportions: [[(count: Int, n: Int)]] = []
            let rows = features.map { feature in
                let name = "cohort:\(cohort.id):\(feature)"
                if feature.isNumeric {
                    let n = gathered.pooled(name + ":n", minimum: minimum)
                    let sums = gathered.values(name + ":sums")
                    let summary = n.value.map { NumericSummary(n: $0, sum: sums.first ?? 0, sumOfSquares: sums.last ?? 0) }
                    numeric.append(summary)
                    proportions.append([])
                    return CharacterizationResult.Feature(feature: feature.description,
                        numeric: .init(n: n, mean: summary?.mean, standardDeviation: summary?.standardDeviation), levels: nil)
                }
                let names = (levels[feature.description] ?? []) + ["not recorded"]
                let counts = gathered.counts(name)
                let cells = gathered.pooledCells(name, minimum: minimum)
                let total = counts.reduce(0, +)
                numeric.append(nil)
                proportions.append(counts.map { ($0, total) })
                return CharacterizationResult.Feature(feature: feature.description, numeric: nil, levels: names.indices.map { index in
                    CharacterizationResult.Level(level: names[index], count: cells[index],
                                                 proportion: cells[index].value != nil && total > 0 ? Double(counts[index]) / Double(total) : nil)
                })
            }
            summaries.append(numeric)
            shares.append(proportions)
            return CharacterizationResult.Cohort(cohort: cohort.id, name: cohort.name, persons: persons, features: rows)
        }
        var differences: [CharacterizationResult.Difference] = []
        if cohorts.count >= 2 {
            for (index, feature) in features.enumerated() {
                if feature.isNumeric {
                    if let a = summaries[0][index], let b = summaries[1][index] {
                        differences.append(.init(feature: feature.description, level: nil,
                                                 standardizedDifference: FederatedComparison.standardizedDifference(a, b)))
                    }
                } else {
                    let names = (levels[feature.description] ?? []) + ["not recorded"]
                    for (level, (a, b)) in zip(names, zip(shares[0][index], shares[1][index])) where a.n > 0 && b.n > 0 {
                        differences.append(.init(feature: feature.description, level: level,
                                                 standardizedDifference: FederatedComparison.standardizedDifference(proportion: a, b)))
                    }
                }
            }
        }
        var result = AnalysisResult(id: analysis.id, type: analysis.type, nodes: gathered.nodes, noise: gathered.noise)
        result.characterization = CharacterizationResult(cohorts: described, differences: differences)
        return result
    }
}
