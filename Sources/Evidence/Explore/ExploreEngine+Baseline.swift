import CDMStore
import Governance
import OMOP

/// The same count as one SQL statement over `person`, without the patient-set caches: the baseline the
/// benchmark measures the engine against (`optima bench explore`).
extension ExploreEngine {
    public func countInOneQuery(_ constraint: ExploreConstraint) async throws -> ExploreCounts {
        let started = ContinuousClock.now
        try await database.createCohortTables()
        let (condition, binds) = try await personCondition(constraint, path: "")
        let dialect = database.dialect
        let deathNumber = dialect == .sqlite ? "CAST(REPLACE(d.death_date, '-', '') AS INTEGER)"
                                             : "CAST(TO_CHAR(d.death_date, 'YYYYMMDD') AS INTEGER)"
        let count = try await database.query("""
            SELECT COUNT(*) AS n FROM (SELECT p.person_id, p.gender_concept_id,
              (CASE WHEN \(deathNumber) < \(Self.todayNumber(today())) THEN \(deathNumber) ELSE \(Self.todayNumber(today())) END
               - (p.year_of_birth * 10000 + COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1))) / 10000 AS age
              FROM person p LEFT JOIN (SELECT person_id, MIN(death_date) AS death_date FROM death GROUP BY person_id) d
                ON d.person_id = p.person_id) p
            WHERE p.person_id NOT IN (\(Self.objectors)) AND \(condition)
            """, binds).first?[0].integerValue ?? 0
        let minimum = max(minimumCount, try await database.siteMinimumCellCount())
        return ExploreCounts(patientCount: SmallCellCount(Int(count), minimum: minimum), minimumCount: minimum,
                             milliseconds: (ContinuousClock.now - started).milliseconds)
    }

    private static func todayNumber(_ date: CDMDate) -> Int {
        let (year, month, day) = date.components
        return year * 10_000 + month * 100 + day
    }

    /// A condition on the row `p` (person_id, gender_concept_id, age) equal to what `evaluate` computes.
    private func personCondition(_ constraint: ExploreConstraint, path: String) async throws -> (String, [SQLValue]) {
        switch constraint {
        case .concept, .value, .time:
            return try await leafCondition(constraint, path: path)
        case .all:
            return ("1 = 1", [])
        case .field(let field):
            if field.field == .age { return Self.comparison("p.age", field.op, field.operand).rendered }
            let ids = Self.valueNames(field.operand).map { $0 == "male" ? ConceptID.Gender.male : ConceptID.Gender.female }
            let list = ids.map(String.init).joined(separator: ", ")
            return (field.op == .notEqual ? "p.gender_concept_id IN (\(ConceptID.Gender.male), \(ConceptID.Gender.female)) AND p.gender_concept_id NOT IN (\(list))"
                                          : "p.gender_concept_id IN (\(list))", [])
        case .patientSet(let id):
            return ("p.person_id IN (SELECT subject_id FROM cohort WHERE cohort_definition_id = ?)", [.integer(id)])
        case .subselection(let inner):
            return try await personCondition(inner, path: ExploreError.join(path, "constraint"))
        case .negation(let arg):
            guard Self.level(arg) == .patient else { throw ExploreError(path: ExploreError.join(path, "arg"), "wrap it in a subselection") }
            let (sql, binds) = try await personCondition(arg, path: ExploreError.join(path, "arg"))
            return ("NOT (\(sql))", binds)
        case .or(let args):
            if Self.level(constraint) == .observation { return try await leafCondition(constraint, path: path) }
            var parts: [(String, [SQLValue])] = []
            for (index, arg) in args.enumerated() { parts.append(try await personCondition(arg, path: Self.argPath(path, index))) }
            return ("(" + parts.map(\.0).joined(separator: " OR ") + ")", parts.flatMap(\.1))
        case .and:
            if Self.level(constraint) == .observation { return try await leafCondition(constraint, path: path) }
            let args = Self.flatten(constraint, path: path)
            let observation = args.filter { Self.level($0.0) == .observation }
            var parts: [(String, [SQLValue])] = []
            for (arg, argPath) in args where Self.level(arg) != .observation { parts.append(try await personCondition(arg, path: argPath)) }
            if !observation.isEmpty {
                parts.append(try await leafCondition(observation.count == 1 ? observation[0].0 : .and(observation.map(\.0)), path: observation[0].1))
            }
            return ("(" + parts.map(\.0).joined(separator: " AND ") + ")", parts.flatMap(\.1))
        }
    }

    private func leafCondition(_ constraint: ExploreConstraint, path: String) async throws -> (String, [SQLValue]) {
        let parts = try await predicates(constraint, path: path).map { table, predicate in
            let (sql, binds) = predicate.rendered
            return ("SELECT person_id FROM \(database.dialect.quote(table.name)) WHERE \(sql)", binds)
        }
        guard !parts.isEmpty else { return ("1 = 0", []) }
        return ("p.person_id IN (" + parts.map(\.0).joined(separator: " UNION ") + ")", parts.flatMap(\.1))
    }
}
