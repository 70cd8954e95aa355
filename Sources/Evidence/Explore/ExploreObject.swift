import OMOP

/// One JSON object of a constraint being read, with the path it sits at, so each error names where it is.
struct ExploreObject {
    let fields: [String: ExploreJSON]
    let path: String

    init(_ json: ExploreJSON, path: String) throws {
        guard case .object(let fields) = json else {
            throw ExploreError(path: path, "expected a constraint object, found \(json.kind)")
        }
        self.fields = fields
        self.path = path
    }

    func path(_ key: String) -> String { ExploreError.join(path, key) }

    func error(_ key: String, _ reason: String) -> ExploreError { ExploreError(path: path(key), reason) }

    /// Refuses keys other than `type` and the allowed ones: a misspelt key must not be silently ignored.
    func allow(_ keys: [String]) throws {
        for key in fields.keys.sorted() where key != "type" && !keys.contains(key) {
            throw error(key, keys.isEmpty ? "unknown field; this constraint type takes none"
                                           : "unknown field; expected one of \(keys.joined(separator: ", "))")
        }
    }

    func required(_ key: String) throws -> ExploreJSON {
        guard let value = fields[key], !isNull(value) else { throw error(key, "is required") }
        return value
    }

    func string(_ key: String) throws -> String {
        try string(key, try required(key))
    }

    func string(_ key: String, _ value: ExploreJSON) throws -> String {
        guard case .string(let text) = value else { throw error(key, "expected a string, found \(value.kind)") }
        return text
    }

    func list(_ key: String) throws -> [ExploreJSON] {
        let value = try required(key)
        guard case .array(let items) = value else { throw error(key, "expected an array, found \(value.kind)") }
        return items
    }

    func integer(_ key: String) throws -> Int64 {
        try integer(key, try required(key))
    }

    func integer(_ key: String, _ value: ExploreJSON) throws -> Int64 {
        guard case .number(let number) = value, let integer = Int64(exactly: number) else {
            throw error(key, "expected a whole number, found \(value.kind)")
        }
        return integer
    }

    func valueType(_ key: String) throws -> ExploreValueType {
        let text = try string(key)
        guard let type = ExploreValueType(rawValue: text.uppercased()) else {
            throw error(key, "unknown value type \"\(text)\"; expected NUMERIC or STRING")
        }
        return type
    }

    func `operator`(_ key: String, allowed: [ExploreOperator]) throws -> ExploreOperator {
        let text = try string(key)
        guard let op = ExploreOperator(rawValue: text), allowed.contains(op) else {
            throw error(key, "operator \"\(text)\" is not allowed here; expected one of \(allowed.map(\.rawValue).joined(separator: " "))")
        }
        return op
    }

    /// A number or text, a list for `in`, a [low, high] pair for `<-->`.
    func operand(_ key: String, type: ExploreValueType, op: ExploreOperator) throws -> ExploreOperand {
        let value = try required(key)
        func number(_ item: ExploreJSON, _ at: String) throws -> Double {
            guard case .number(let number) = item else {
                throw ExploreError(path: path(at), "expected a number, found \(item.kind)")
            }
            return number
        }
        func text(_ item: ExploreJSON, _ at: String) throws -> String {
            guard case .string(let text) = item else {
                throw ExploreError(path: path(at), "expected a string, found \(item.kind)")
            }
            return text
        }
        switch op {
        case .in, .between:
            guard case .array(let items) = value else {
                throw error(key, op == .in ? "operator in takes an array of values" : "operator <--> takes [low, high]")
            }
            guard op == .in ? !items.isEmpty : items.count == 2 else {
                throw error(key, op == .in ? "operator in needs at least one value" : "operator <--> takes exactly two values [low, high]")
            }
            let keys = items.indices.map { ExploreError.join(key, index: $0) }
            if type == .numeric {
                let numbers = try zip(items, keys).map { try number($0, $1) }
                if op == .between, numbers[0] > numbers[1] { throw error(key, "the low bound is above the high bound") }
                return .numbers(numbers)
            }
            return .texts(try zip(items, keys).map { try text($0, $1) })
        default:
            return type == .numeric ? .number(try number(value, key)) : .text(try text(value, key))
        }
    }

    /// `count` dates, each `YYYY-MM-DD` or an ISO date-time whose date part is used.
    func dates(_ key: String, count: Int) throws -> [CDMDate] {
        let items = try list(key)
        guard items.count == count else {
            throw error(key, count == 2 ? "operator <--> takes exactly two dates" : "this operator takes exactly one date")
        }
        let dates = try items.enumerated().map { index, item in
            let at = ExploreError.join(key, index: index)
            let text = try string(at, item)
            guard text.count >= 10, let date = CDMDate(String(text.prefix(10))),
                  text.count == 10 || text.dropFirst(10).first == "T" else {
                throw ExploreError(path: path(at), "\"\(text)\" is not a date (YYYY-MM-DD or an ISO date-time)")
            }
            return date
        }
        if count == 2, dates[0] > dates[1] { throw error(key, "the first date is after the second") }
        return dates
    }

    private func isNull(_ value: ExploreJSON) -> Bool {
        if case .null = value { return true }
        return false
    }
}
