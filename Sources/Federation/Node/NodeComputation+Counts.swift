import CDMStore
import Cohorts
import Evidence

/// Counts, agreed levels and characterization: what a node tells about its cohorts without a model.
extension NodeComputation {
    /// Per cohort: persons, records, and the by-person attrition (base, after each inclusion rule, final).
    func counts(_ context: Context) async throws -> [NamedAggregate] {
        var result: [NamedAggregate] = []
        for cohort in context.described(in: study) {
            try await checkSubset(cohort, context)
            let local = try context.localID(cohort)
            let size = try await database.query("SELECT COUNT(*) AS n, COUNT(DISTINCT subject_id) AS persons FROM cohort WHERE cohort_definition_id = ?",
                                                [.integer(local)]).first
            let rules = study.cohort(cohort)?.expression.inclusionRules.map(\.name) ?? []
            let attrition = try await database.attrition(cohortID: local, mode: 1, rules: rules)
            result.append(NamedAggregate("cohort:\(cohort):persons", .count(Int(size?["persons"].integerValue ?? 0))))
            result.append(NamedAggregate("cohort:\(cohort):records", .count(Int(size?["n"].integerValue ?? 0))))
            result.append(NamedAggregate("cohort:\(cohort):base", .count(attrition.base)))
            for (index, rule) in attrition.rules.enumerated() {
                result.append(NamedAggregate("cohort:\(cohort):rule:\(index)", .count(rule.remaining)))
            }
            result.append(NamedAggregate("cohort:\(cohort):final", .count(attrition.final)))
        }
        return result
    }

    /// The labels of each categorical covariate held by enough subjects of the target cohort(s) to be released:
    /// the coordinator unions them across nodes into the levels every node then uses.
    func levels(_ context: Context) async throws -> [NamedAggregate] {
        let cohorts = context.analysis.type == .characterization ? context.described(in: study) : [try context.target().study]
        let threshold = max(guards.minimumCellCount, guards.minimumLevelCount)
        var subjects: [Int: Int] = [:]
        for cohort in cohorts {
            try await checkSubset(cohort, context)
            subjects[cohort] = try await database.cohortSubjectIDs(target: try context.localID(cohort)).count
            try guards.checkRows(subjects[cohort] ?? 0, analysis: context.analysis.id)
        }
        var result: [NamedAggregate] = []
        for feature in context.covariates where !feature.isNumeric {
            var released = Set<String>()
            for cohort in cohorts {
                let values = try await featureValues(try context.localFeature(feature), target: try context.localID(cohort))
                let held = Self.levelCounts(values)
                try guards.checkLevels(held.count, rows: subjects[cohort] ?? 0, feature: feature.description, analysis: context.analysis.id)
                released.formUnion(held.filter { $0.value >= threshold }.keys)
            }
            result.append(NamedAggregate("levels:\(feature)", .labels(released.sorted())))
        }
        return result
    }

    /// Per cohort: persons; per numeric feature n and [Σx, Σx²]; per categorical feature the count at each agreed
    /// level, in the agreed order, then one cell for subjects with no agreed level recorded.
    func characterization(_ context: Context) async throws -> [NamedAggregate] {
        var result: [NamedAggregate] = []
        for cohort in context.described(in: study) {
            try await checkSubset(cohort, context)
            let local = try context.localID(cohort)
            let subjects = try await database.cohortSubjectIDs(target: local)
            try guards.checkRows(subjects.count, analysis: context.analysis.id)
            result.append(NamedAggregate("cohort:\(cohort):persons", .count(subjects.count)))
            for feature in context.covariates {
                let values = try await featureValues(try context.localFeature(feature), target: local)
                if feature.isNumeric {
                    var n = 0, sum = 0.0, squares = 0.0
                    for person in subjects {
                        guard case .number(let x)? = values.values[person] else { continue }
                        n += 1
                        sum += x
                        squares += x * x
                    }
                    result.append(NamedAggregate("cohort:\(cohort):\(feature):n", .count(n)))
                    result.append(NamedAggregate("cohort:\(cohort):\(feature):sums", .vector([sum, squares])))
                } else {
                    let agreed = try context.agreedLevels(feature)
                    try guards.checkLevels(agreed.count, rows: subjects.count, feature: feature.description, analysis: context.analysis.id)
                    let index = Dictionary(agreed.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                    var cells = [Int](repeating: 0, count: agreed.count + 1)
                    for person in subjects {
                        cells[Self.label(values, person).flatMap { index[$0] } ?? agreed.count] += 1
                    }
                    result.append(NamedAggregate("cohort:\(cohort):\(feature)", .counts(cells)))
                }
            }
        }
        return result
    }

    /// Subjects per label of a categorical feature.
    static func levelCounts(_ values: FeatureValues) -> [String: Int] {
        var counts: [String: Int] = [:]
        for value in values.values.values {
            if case .level(let index) = value { counts[values.levels[index], default: 0] += 1 }
        }
        return counts
    }

    static func label(_ values: FeatureValues, _ person: Int64) -> String? {
        if case .level(let index)? = values.values[person] { return values.levels[index] }
        return nil
    }
}
