import CDMStore

/// A condition on one row of one clinical table, folded as it is built: a concept of another domain, or a value on a
/// table without values, is `false`, so whole tables drop out of a criterion's query.
indirect enum ExploreRowPredicate {
    case constant(Bool)
    case sql(String, [SQLValue])
    case and([ExploreRowPredicate])
    case or([ExploreRowPredicate])

    static func conjunction(_ parts: [ExploreRowPredicate]) -> ExploreRowPredicate {
        var kept: [ExploreRowPredicate] = []
        for part in parts {
            if case .constant(let value) = part {
                if !value { return .constant(false) }
            } else {
                kept.append(part)
            }
        }
        return kept.isEmpty ? .constant(true) : kept.count == 1 ? kept[0] : .and(kept)
    }

    static func disjunction(_ parts: [ExploreRowPredicate]) -> ExploreRowPredicate {
        var kept: [ExploreRowPredicate] = []
        for part in parts {
            if case .constant(let value) = part {
                if value { return .constant(true) }
            } else {
                kept.append(part)
            }
        }
        return kept.isEmpty ? .constant(false) : kept.count == 1 ? kept[0] : .or(kept)
    }

    var isFalse: Bool {
        if case .constant(false) = self { return true }
        return false
    }

    /// The SQL condition and its binds, in order.
    var rendered: (sql: String, binds: [SQLValue]) {
        switch self {
        case .constant(let value): return (value ? "1 = 1" : "1 = 0", [])
        case .sql(let sql, let binds): return ("(\(sql))", binds)
        case .and(let parts), .or(let parts):
            let pieces = parts.map(\.rendered)
            let joiner: String
            if case .and = self { joiner = " AND " } else { joiner = " OR " }
            return ("(" + pieces.map(\.sql).joined(separator: joiner) + ")", pieces.flatMap(\.binds))
        }
    }
}
