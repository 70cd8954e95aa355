/// tranSMART semantics over patient sets: observation-level parts of an `and` are one criterion (same row),
/// patient-level parts are intersected, `or` is a union, and a negation is the complement within all persons.
extension ExploreEngine {
    /// Whether a constraint is about one observation, about patients, or mixes both inside an `and`/`or`.
    enum Level { case observation, patient, mixed }

    static func level(_ constraint: ExploreConstraint) -> Level {
        switch constraint {
        case .concept, .value, .time: return .observation
        case .all, .field, .patientSet, .subselection, .negation: return .patient
        case .and(let args), .or(let args):
            let levels = Set(args.map { level($0) })
            return levels.count == 1 ? levels.first! : .mixed
        }
    }

    /// The persons a constraint selects (before the universe is applied).
    func evaluate(_ constraint: ExploreConstraint, path: String, persons: ExplorePersons) async throws -> PatientSet {
        switch constraint {
        case .concept, .value, .time:
            return try await leafSet(constraint, path: path)
        case .all:
            return persons.all
        case .field(let field):
            let today = today()
            let key = constraint.canonicalJSON + "@" + today.description  // ages move at midnight
            if let cached = await cache.leaf(key) { return cached }
            let set = persons.select(field, today: today)
            await cache.store(key, set)
            return set
        case .patientSet(let id):
            return try await patientSet(id)
        case .subselection(let inner):
            return try await evaluate(inner, path: ExploreError.join(path, "constraint"), persons: persons)
        case .negation(let arg):
            guard Self.level(arg) == .patient else {
                throw ExploreError(path: ExploreError.join(path, "arg"),
                                   "a negation of an observation-level constraint is not a patient selection: wrap it in "
                                   + "{\"type\": \"subselection\", \"dimension\": \"patient\", \"constraint\": …} to exclude patients")
            }
            return persons.all.subtracting(try await evaluate(arg, path: ExploreError.join(path, "arg"), persons: persons))
        case .or(let args):
            if Self.level(constraint) == .observation { return try await leafSet(constraint, path: path) }
            var result = PatientSet.empty
            for (index, arg) in args.enumerated() {
                result = result.union(try await evaluate(arg, path: Self.argPath(path, index), persons: persons))
            }
            return result
        case .and:
            if Self.level(constraint) == .observation { return try await leafSet(constraint, path: path) }
            return try await evaluateAnd(Self.flatten(constraint, path: path), persons: persons)
        }
    }

    /// An `and` with patient-level parts: its observation-level parts form one criterion on the same row.
    private func evaluateAnd(_ args: [(ExploreConstraint, String)], persons: ExplorePersons) async throws -> PatientSet {
        var observation: [(ExploreConstraint, String)] = []
        var sets: [PatientSet] = []
        for (arg, path) in args {
            switch Self.level(arg) {
            case .observation: observation.append((arg, path))
            case .patient: sets.append(try await evaluate(arg, path: path, persons: persons))
            case .mixed:
                throw ExploreError(path: path, "this or mixes observation-level and patient-level constraints inside an and, "
                                   + "which cannot be applied per observation: wrap its observation-level parts in a subselection")
            }
        }
        if observation.count == 1 {
            sets.append(try await leafSet(observation[0].0, path: observation[0].1))
        } else if !observation.isEmpty {
            sets.append(try await leafSet(.and(observation.map(\.0)), path: observation[0].1))
        }
        guard var result = sets.min(by: { $0.count < $1.count }) else { return persons.all }
        for set in sets { result = result.intersection(set) }
        return result
    }

    /// The arguments of nested `and`s as one list, each with its path.
    static func flatten(_ constraint: ExploreConstraint, path: String) -> [(ExploreConstraint, String)] {
        guard case .and(let args) = constraint else { return [(constraint, path)] }
        return args.enumerated().flatMap { index, arg in flatten(arg, path: argPath(path, index)) }
    }

    static func argPath(_ path: String, _ index: Int) -> String {
        ExploreError.join(ExploreError.join(path, "args"), index: index)
    }

    /// The persons of a generated cohort; re-read when its row count changed.
    private func patientSet(_ id: Int64) async throws -> PatientSet {
        let key = "patient_set:\(id):"
        let count = try await database.query("SELECT COUNT(*) AS n FROM cohort WHERE cohort_definition_id = ?", [.integer(id)]).first?[0].integerValue ?? 0
        if let cached = await cache.leaf(key + String(count)) { return cached }
        var ids: [Int64] = []
        try await database.forEachRow("SELECT subject_id FROM cohort WHERE cohort_definition_id = ?", [.integer(id)]) { row in
            if let id = row[0].integerValue { ids.append(id) }
        }
        let set = PatientSet(unsorted: ids)
        await cache.store(key + String(count), set)
        return set
    }
}
