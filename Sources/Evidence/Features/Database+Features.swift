import CDMStore
import Cohorts

extension Database {
    /// The values of a feature for the subjects of a target cohort, by one set-based query.
    func featureValues(_ feature: Feature, subjects: IndexedSubjects, window: FeatureWindow) async throws -> FeatureValues {
        try window.validate()
        let d = dialect
        let inWindow = { (date: String) in
            "\(date) BETWEEN \(d.addDays("s.index_date", window.startDays)) AND \(d.addDays("s.index_date", window.endDays))"
        }
        let age = "\(d.year("s.index_date")) - p.year_of_birth"
        switch feature.kind {
        case .age:
            let rows = try await query("WITH \(subjects.commonTableExpression) SELECT s.person_id, \(age) AS v FROM subjects s JOIN person p ON p.person_id = s.person_id")
            return FeatureValues(feature: feature, title: feature.label ?? "age", levels: [], values: Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                row[1].doubleValue.map { (row[0].integerValue ?? 0, .number($0)) }
            }))
        case .ageGroup:
            let rows = try await query("WITH \(subjects.commonTableExpression) SELECT s.person_id, \(age) AS v FROM subjects s JOIN person p ON p.person_id = s.person_id")
            return categories(feature, title: "age group", rows.compactMap { row in
                row[1].integerValue.map { (row[0].integerValue ?? 0, Self.ageGroup(Int($0))) }
            })
        case .sex:
            let rows = try await query("""
                WITH \(subjects.commonTableExpression)
                SELECT s.person_id, COALESCE(c.concept_name, 'Unknown') AS v FROM subjects s JOIN person p ON p.person_id = s.person_id
                LEFT JOIN concept c ON c.concept_id = p.gender_concept_id AND p.gender_concept_id <> 0
                """)
            return categories(feature, title: "sex", rows.map { ($0[0].integerValue ?? 0, $0[1].textValue ?? "Unknown") })
        case .indexYear:
            let rows = try await query("WITH \(subjects.commonTableExpression) SELECT s.person_id, \(d.year("s.index_date")) AS v FROM subjects s")
            return categories(feature, title: "index year", rows.map { ($0[0].integerValue ?? 0, String($0[1].integerValue ?? 0)) })
        case .value(let concept):
            let rows = try await query("""
                WITH \(subjects.commonTableExpression),
                records AS (
                  SELECT s.person_id, m.measurement_date AS record_date, m.measurement_id AS record_id, m.value_as_concept_id AS value_concept
                  FROM subjects s JOIN measurement m ON m.person_id = s.person_id AND m.measurement_concept_id = \(concept)
                  WHERE m.value_as_concept_id IS NOT NULL AND m.value_as_concept_id <> 0 AND \(inWindow("m.measurement_date"))
                  UNION ALL
                  SELECT s.person_id, o.observation_date, o.observation_id, o.value_as_concept_id
                  FROM subjects s JOIN observation o ON o.person_id = s.person_id AND o.observation_concept_id = \(concept)
                  WHERE o.value_as_concept_id IS NOT NULL AND o.value_as_concept_id <> 0 AND \(inWindow("o.observation_date"))),
                latest AS (
                  SELECT person_id, value_concept,
                    ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY record_date DESC, record_id DESC) AS position
                  FROM records)
                SELECT l.person_id, COALESCE(c.concept_name, 'concept ' || CAST(l.value_concept AS VARCHAR(20))) AS v
                FROM latest l LEFT JOIN concept c ON c.concept_id = l.value_concept WHERE l.position = 1
                """)
            let name = try await conceptNames([concept])[concept] ?? "concept \(concept)"
            return categories(feature, title: name, rows.map { ($0[0].integerValue ?? 0, $0[1].textValue ?? "") })
        case .concepts(let ids):
            let list = ids.map(String.init).joined(separator: ", ")
            let domains = [("condition_occurrence", "condition_concept_id", "condition_start_date"),
                           ("measurement", "measurement_concept_id", "measurement_date"),
                           ("observation", "observation_concept_id", "observation_date"),
                           ("procedure_occurrence", "procedure_concept_id", "procedure_date"),
                           ("drug_exposure", "drug_concept_id", "drug_exposure_start_date")]
            let records = domains.map { table, concept, date in
                "SELECT s.person_id, w.listed FROM subjects s JOIN \(table) x ON x.person_id = s.person_id JOIN wanted w ON w.concept_id = x.\(concept) WHERE \(inWindow("x.\(date)"))"
            }.joined(separator: "\nUNION\n")
            let rows = try await query("""
                WITH \(subjects.commonTableExpression),
                wanted AS (
                  SELECT descendant_concept_id AS concept_id, ancestor_concept_id AS listed FROM concept_ancestor WHERE ancestor_concept_id IN (\(list))
                  UNION SELECT concept_id, concept_id FROM concept WHERE concept_id IN (\(list)))
                \(records)
                """)
            let names = try await conceptNames(ids)
            return firstListed(feature, ids: ids, names: ids.map { names[$0] ?? "concept \($0)" }, rows: rows)
        case .cohorts(let ids):
            let rows = try await query("""
                WITH \(subjects.commonTableExpression)
                SELECT DISTINCT s.person_id, c.cohort_definition_id FROM subjects s
                JOIN cohort c ON c.subject_id = s.person_id AND c.cohort_definition_id IN (\(ids.map(String.init).joined(separator: ", ")))
                WHERE \(inWindow("c.cohort_start_date"))
                """)
            var names: [String] = []
            for id in ids { names.append(try await cohortName(id)) }
            return firstListed(feature, ids: ids, names: names, rows: rows)
        }
    }

    /// Concept names by id, for labels.
    func conceptNames(_ ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await query("SELECT concept_id, concept_name FROM concept WHERE concept_id IN (\(ids.map(String.init).joined(separator: ", ")))")
        return Dictionary(rows.compactMap { row in row[0].integerValue.map { ($0, row[1].textValue ?? "") } }, uniquingKeysWith: { a, _ in a })
    }

    static func ageGroup(_ age: Int) -> String {
        let low = max(0, age / 10 * 10)
        return "\(low)-\(low + 9)"
    }

    /// Categories with levels sorted (numbers and bands in their natural order).
    private func categories(_ feature: Feature, title: String, _ pairs: [(Int64, String)]) -> FeatureValues {
        let title = feature.label ?? title
        let levels = Set(pairs.map(\.1)).sorted { a, b in
            let (x, y) = (Int(a.split(separator: "-").first ?? ""), Int(b.split(separator: "-").first ?? ""))
            if let x, let y, x != y { return x < y }
            return a < b
        }
        let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        return FeatureValues(feature: feature, title: title, levels: levels,
                             values: Dictionary(pairs.compactMap { person, label in index[label].map { (person, .level($0)) } },
                                                uniquingKeysWith: { a, _ in a }))
    }

    /// For list features: each subject's first listed id among those they have.
    private func firstListed(_ feature: Feature, ids: [Int64], names: [String], rows: [SQLRow]) -> FeatureValues {
        let rank = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var best: [Int64: Int] = [:]
        for row in rows {
            guard let person = row[0].integerValue, let listed = row[1].integerValue, let position = rank[listed] else { continue }
            best[person] = min(best[person] ?? position, position)
        }
        return FeatureValues(feature: feature, title: feature.label, levels: names, values: best.mapValues { .level($0) })
    }
}
