import CDMStore

/// Criteria about one observation (`concept`, `value`, `time` and their `and`/`or`): one SQL query per clinical
/// table their concepts reach, read as the sorted set of matching persons and cached by the criterion's JSON.
extension ExploreEngine {
    /// What a criterion's SQL needs from the vocabulary: each concept selection's ids by table (subtrees expanded),
    /// and each value name's concept ids.
    struct LeafInputs {
        var concepts: [String: [ExploreTable: [Int64]]] = [:]
        var values: [String: [Int64]] = [:]
    }

    /// The persons with an observation matching an observation-level constraint.
    func leafSet(_ constraint: ExploreConstraint, path: String) async throws -> PatientSet {
        let key = constraint.canonicalJSON
        if let cached = await cache.leaf(key) { return cached }
        var ids: [Int64] = []
        for (table, predicate) in try await predicates(constraint, path: path) {
            let (sql, binds) = predicate.rendered
            try await database.forEachRow("SELECT DISTINCT person_id FROM \(database.dialect.quote(table.name)) WHERE \(sql)", binds) { row in
                if let id = row[0].integerValue { ids.append(id) }
            }
        }
        let set = PatientSet(unsorted: ids)
        await cache.store(key, set)
        return set
    }

    /// The row condition of a criterion on each table it can match.
    func predicates(_ constraint: ExploreConstraint, path: String) async throws -> [(ExploreTable, ExploreRowPredicate)] {
        var inputs = LeafInputs()
        try await resolve(constraint, path: path, into: &inputs)
        return ExploreTable.all.compactMap { table in
            let predicate = rowPredicate(constraint, table: table, inputs: inputs)
            return predicate.isFalse ? nil : (table, predicate)
        }
    }

    private func resolve(_ constraint: ExploreConstraint, path: String, into inputs: inout LeafInputs) async throws {
        switch constraint {
        case .concept(let selection):
            let key = constraint.canonicalJSON
            if inputs.concepts[key] == nil { inputs.concepts[key] = try await concepts(selection, path: path) }
        case .value(let value) where value.valueType == .string:
            let names = Self.valueNames(value.operand)
            let key = names.joined(separator: "\u{1F}")
            if inputs.values[key] == nil { inputs.values[key] = try await valueConcepts(names) }
        case .and(let args), .or(let args):
            for (index, arg) in args.enumerated() {
                try await resolve(arg, path: ExploreError.join(ExploreError.join(path, "args"), index: index), into: &inputs)
            }
        default:
            break
        }
    }

    private func rowPredicate(_ constraint: ExploreConstraint, table: ExploreTable, inputs: LeafInputs) -> ExploreRowPredicate {
        switch constraint {
        case .concept:
            let ids = inputs.concepts[constraint.canonicalJSON]?[table] ?? []
            return ids.isEmpty ? .constant(false) : .sql("\(table.conceptColumn) IN (\(ids.map(String.init).joined(separator: ", ")))", [])
        case .value(let value):
            guard table.hasValues else { return .constant(false) }
            if value.valueType == .numeric { return Self.comparison("value_as_number", value.op, value.operand) }
            let ids = inputs.values[Self.valueNames(value.operand).joined(separator: "\u{1F}")] ?? []
            let list = ids.map(String.init).joined(separator: ", ")
            if value.op == .notEqual {
                return .sql("value_as_concept_id IS NOT NULL" + (ids.isEmpty ? "" : " AND value_as_concept_id NOT IN (\(list))"), [])
            }
            return ids.isEmpty ? .constant(false) : .sql("value_as_concept_id IN (\(list))", [])
        case .time(let time):
            let column = table.dateColumn
            let dates = time.dates.map(SQLValue.date)
            switch time.op {
            case .before: return .sql("\(column) < ?", dates)
            case .after: return .sql("\(column) > ?", dates)
            case .lessOrEqual: return .sql("\(column) <= ?", dates)
            case .greaterOrEqual: return .sql("\(column) >= ?", dates)
            default: return .sql("\(column) BETWEEN ? AND ?", dates)
            }
        case .and(let args):
            return .conjunction(args.map { rowPredicate($0, table: table, inputs: inputs) })
        case .or(let args):
            return .disjunction(args.map { rowPredicate($0, table: table, inputs: inputs) })
        default:
            // Patient-level constraints never reach a leaf (see `level`); matching nothing keeps that safe.
            return .constant(false)
        }
    }

    /// A numeric comparison of a column, as a row condition.
    static func comparison(_ column: String, _ op: ExploreOperator, _ operand: ExploreOperand) -> ExploreRowPredicate {
        switch (op, operand) {
        case (.in, .numbers(let xs)):
            return .sql("\(column) IN (\(xs.map { _ in "?" }.joined(separator: ", ")))", xs.map(SQLValue.double))
        case (.between, .numbers(let xs)) where xs.count == 2:
            return .sql("\(column) BETWEEN ? AND ?", xs.map(SQLValue.double))
        case (_, .number(let x)):
            let sqlOperator = op == .notEqual ? "<>" : op.rawValue
            return .sql("\(column) \(sqlOperator) ?", [.double(x)])
        default:
            return .constant(false)
        }
    }

    static func valueNames(_ operand: ExploreOperand) -> [String] {
        switch operand {
        case .text(let text): [text.lowercased()]
        case .texts(let texts): Set(texts.map { $0.lowercased() }).sorted()
        default: []
        }
    }

    /// The value concepts (domain Meas Value) with one of these names, any case.
    private func valueConcepts(_ names: [String]) async throws -> [Int64] {
        let key = names.joined(separator: "\u{1F}")
        if let cached = await cache.valueConcepts(key) { return cached }
        let marks = names.map { _ in "?" }.joined(separator: ", ")
        let ids = try await database.query("SELECT concept_id FROM concept WHERE domain_id = 'Meas Value' AND LOWER(concept_name) IN (\(marks))",
                                           names.map(SQLValue.text)).compactMap { $0[0].integerValue }.sorted()
        await cache.store(valueConcepts: ids, for: key)
        return ids
    }

    /// The concept ids a selection means, subtrees included unless it says otherwise, grouped by the table of their domain.
    func concepts(_ selection: ExploreConceptSelection, path: String) async throws -> [ExploreTable: [Int64]] {
        let key = ExploreConstraint.concept(selection).canonicalJSON
        if let cached = await cache.concepts(key) { return cached }
        var roots: [(id: Int64, path: String)] = selection.ids.enumerated().map { index, id in
            (id, ExploreError.join(path, selection.ids.count == 1 ? "conceptId" : "conceptIds[\(index)]"))
        }
        for (index, code) in selection.codes.enumerated() {
            let at = ExploreError.join(path, selection.codes.count == 1 ? "conceptCode" : "conceptCodes[\(index)]")
            let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
            if parts[0].uppercased() == "OMOP" {
                guard let id = Int64(parts[1]) else { throw ExploreError(path: at, "OMOP:<concept_id> needs a number (got \"\(code)\")") }
                roots.append((id, at))
                continue
            }
            let rows = try await database.query("SELECT concept_id FROM concept WHERE vocabulary_id = ? AND concept_code = ?",
                                                [.text(parts[0]), .text(parts[1])])
            guard let id = rows.first?[0].integerValue else { throw ExploreError(path: at, "no concept \(code) in the vocabulary") }
            roots.append((id, at))
        }
        let list = roots.map { String($0.id) }.joined(separator: ", ")
        var domains: [Int64: String] = [:]
        for row in try await database.query("SELECT concept_id, domain_id FROM concept WHERE concept_id IN (\(list))") {
            if let id = row[0].integerValue { domains[id] = row[1].textValue ?? "" }
        }
        if let missing = roots.first(where: { domains[$0.id] == nil }) {
            throw ExploreError(path: missing.path, "no concept with id \(missing.id) in the vocabulary")
        }
        if selection.includeDescendants {
            for row in try await database.query("""
                SELECT c.concept_id, c.domain_id FROM concept_ancestor ca JOIN concept c ON c.concept_id = ca.descendant_concept_id
                WHERE ca.ancestor_concept_id IN (\(list))
                """) {
                if let id = row[0].integerValue { domains[id] = row[1].textValue ?? "" }
            }
        }
        var byTable: [ExploreTable: [Int64]] = [:]
        for (id, domain) in domains {
            if let table = ExploreTable.forDomain(domain) { byTable[table, default: []].append(id) }
        }
        let resolved = byTable.mapValues { $0.sorted() }
        await cache.store(concepts: resolved, for: key)
        return resolved
    }
}
