import Evidence

extension StudyRun {
    /// The agreed levels of each categorical covariate: the study's own where it fixes them, else the union of the
    /// labels the nodes release, sorted (the first is the reference). Kept in the state so a resumed fit uses the same.
    func agreedLevels(_ analysis: StudyAnalysis, features: [Feature]) async throws -> [String: [String]] {
        if let saved = state.running, saved.id == analysis.id, let levels = saved.levels { return levels }
        let categorical = features.filter { !$0.isNumeric }
        var levels: [String: [String]] = [:]
        let missing = categorical.filter { analysis.levels?[$0.description] == nil }
        for feature in categorical { if let fixed = analysis.levels?[feature.description] { levels[feature.description] = fixed } }
        if !missing.isEmpty {
            let gathered = try await exchange(analysis, .levels, round: 0, expect: missing.map { .labels("levels:\($0)") })
            for feature in missing {
                var union = Set<String>()
                for reply in gathered.replies.values {
                    if case .labels(let labels)? = reply["levels:\(feature)"] { union.formUnion(labels) }
                }
                levels[feature.description] = union.sorted()
            }
        }
        state.running = StudyState.RunningAnalysis(id: analysis.id, levels: levels)
        try saveState()
        return levels
    }
}
