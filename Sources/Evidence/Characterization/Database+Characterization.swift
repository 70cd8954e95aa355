import CDMStore
import Cohorts
import Governance

extension Database {
    /// Characterizes a generated target cohort, and a comparator when named (see `CharacterizationSettings`).
    /// The levels of a demographic feature add up to the cohort, so they are governed as a group and always listed.
    public func characterization(_ settings: CharacterizationSettings) async throws -> Characterization {
        try settings.validate()
        var settings = settings
        settings.minimumCount = try await effectiveMinimumCellCount(requested: settings.minimumCount)
        try await requireGeneratedCohort(settings.target, role: "target")
        if let comparator = settings.comparator { try await requireGeneratedCohort(comparator, role: "comparator") }
        let target = try await profile(settings.target, settings)
        let comparator = try await settings.comparator.asyncMap { try await profile($0, settings) }

        var keys = Set(target.binary.keys).union(target.continuous.keys)
        if let comparator { keys.formUnion(comparator.binary.keys); keys.formUnion(comparator.continuous.keys) }
        let names = try await conceptNames(Array(Set(keys.compactMap(\.conceptID))))
        let minimum = settings.minimumCount
        let categories = target.categories.merging(comparator?.categories ?? [:]) { $0.union($1) }
        let governed = (target: target.governed(categories, minimum: minimum), comparator: comparator?.governed(categories, minimum: minimum))
        func summary(_ profile: CohortProfile, _ key: CohortProfile.Key, _ demographics: [CohortProfile.Key: SmallCellCount]) -> CharacterizationRow.Summary {
            if let moments = profile.continuous[key] {
                return .continuous(count: moments.count, sum: moments.sum, sumOfSquares: moments.sumOfSquares, minimum: minimum)
            }
            if let cell = demographics[key] { return .binary(cell, of: profile.total) }
            return .binary(profile.binary[key] ?? 0, of: profile.total, minimum: minimum)
        }
        let domainOrder = ["demographics"] + settings.domains.flatMap { [$0.rawValue, "\($0.rawValue) group"] } + ["measurement value"]
        let sorted = keys.sorted { a, b in
            let (x, y) = (domainOrder.firstIndex(of: a.domain) ?? 0, domainOrder.firstIndex(of: b.domain) ?? 0)
            if x != y { return x < y }
            let (m, n) = (target.binary[a] ?? target.continuous[a]?.count ?? 0, target.binary[b] ?? target.continuous[b]?.count ?? 0)
            if a.domain != "demographics", m != n { return m > n }
            return (a.covariate, a.conceptID ?? 0) < (b.covariate, b.conceptID ?? 0)
        }
        var rows: [CharacterizationRow] = [], suppressed = 0
        for key in sorted {
            let ours = summary(target, key, governed.target), theirs = comparator.map { summary($0, key, governed.comparator ?? [:]) }
            guard ours.persons.value != nil || theirs?.persons.value != nil || governed.target[key] != nil else { suppressed += 1; continue }
            let name = key.conceptID.map { names[$0] ?? "concept \($0)" } ?? key.covariate
            rows.append(CharacterizationRow(domain: key.domain, covariate: name, conceptID: key.conceptID, target: ours, comparator: theirs))
        }
        return Characterization(settings: settings, target: try await cohortName(settings.target),
                                comparator: try await settings.comparator.asyncMap { try await cohortName($0) },
                                targetPersons: SmallCellCount(target.total, minimum: minimum),
                                comparatorPersons: comparator.map { SmallCellCount($0.total, minimum: minimum) },
                                rows: rows, suppressedRows: suppressed)
    }

    /// The Table 1 pieces of one cohort: demographics from the shared features, domains by set-based SQL.
    private func profile(_ cohortID: Int64, _ settings: CharacterizationSettings) async throws -> CohortProfile {
        let subjects = IndexedSubjects(cohortID: cohortID, dialect: dialect)
        var profile = CohortProfile()
        let age = try await featureValues(.age, subjects: subjects, window: settings.window)
        profile.total = age.values.count
        for value in age.values.values { if case .number(let x) = value { profile.continuous[.init(domain: "demographics", covariate: "age", conceptID: nil), default: .init()].add(x) } }
        for (feature, title) in [(Feature.ageGroup, "age group"), (.sex, "sex"), (.indexYear, "index year")] {
            let values = try await featureValues(feature, subjects: subjects, window: settings.window)
            for person in values.values.keys {
                guard let label = values.label(of: person) else { continue }
                let key = CohortProfile.Key(domain: "demographics", covariate: "\(title) \(label)", conceptID: nil)
                profile.binary[key, default: 0] += 1
                profile.categories[title, default: []].insert(key)
            }
        }
        let d = dialect
        let inWindow = { (date: String) in
            "\(date) BETWEEN \(d.addDays("s.index_date", settings.window.startDays)) AND \(d.addDays("s.index_date", settings.window.endDays))"
        }
        for domain in settings.domains {
            let (table, concept, date) = domain.table
            let records = "subjects s JOIN \(table) x ON x.person_id = s.person_id WHERE x.\(concept) <> 0 AND \(inWindow("x.\(date)"))"
            for row in try await query("WITH \(subjects.commonTableExpression) SELECT x.\(concept) AS c, COUNT(DISTINCT s.person_id) AS n FROM \(records) GROUP BY x.\(concept)") {
                profile.binary[.init(domain: domain.rawValue, covariate: "", conceptID: row[0].integerValue), default: 0] += Int(row[1].integerValue ?? 0)
            }
            if settings.groups {
                for row in try await query("""
                    WITH \(subjects.commonTableExpression)
                    SELECT ca.ancestor_concept_id AS c, COUNT(DISTINCT s.person_id) AS n FROM \(records.replacingOccurrences(of: " WHERE ", with: " JOIN concept_ancestor ca ON ca.descendant_concept_id = x.\(concept) AND ca.min_levels_of_separation > 0 WHERE "))
                    GROUP BY ca.ancestor_concept_id
                    """) {
                    profile.binary[.init(domain: "\(domain.rawValue) group", covariate: "", conceptID: row[0].integerValue), default: 0] += Int(row[1].integerValue ?? 0)
                }
            }
            if domain == .measurement {
                for row in try await query("""
                    WITH \(subjects.commonTableExpression),
                    latest AS (
                      SELECT x.measurement_concept_id AS c, x.value_as_number AS v,
                        ROW_NUMBER() OVER (PARTITION BY s.person_id, x.measurement_concept_id ORDER BY x.measurement_date DESC, x.measurement_id DESC) AS position
                      FROM \(records) AND x.value_as_number IS NOT NULL)
                    SELECT c, COUNT(*) AS n, SUM(v) AS s1, SUM(v * v) AS s2 FROM latest WHERE position = 1 GROUP BY c
                    """) {
                    profile.continuous[.init(domain: "measurement value", covariate: "", conceptID: row[0].integerValue)] =
                        .init(count: Int(row[1].integerValue ?? 0), sum: row[2].doubleValue ?? 0, sumOfSquares: row[3].doubleValue ?? 0)
                }
            }
        }
        return profile
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
