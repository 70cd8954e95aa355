/// `{"count": 12}`, `{"counts": [0, 7, null]}`, `{"vector": […]}`, `{"matrix": {"rows": 3, "values": […]}}`,
/// `{"labels": […]}`, `{"masked": {"values": […], "layout": […]}}`: one key names the kind.
extension Aggregate: Codable {
    private enum Key: String, CodingKey { case count, counts, vector, matrix, labels, masked }
    private enum MatrixKey: String, CodingKey { case rows, values }
    private enum MaskedKey: String, CodingKey { case values, layout }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an aggregate has exactly one of count, counts, vector, matrix, labels, masked"))
        }
        switch key {
        case .count: self = .count(try c.decodeIfPresent(Int.self, forKey: .count))
        case .counts: self = .counts(try c.decode([Int?].self, forKey: .counts))
        case .vector: self = .vector(try c.decode([Double].self, forKey: .vector))
        case .labels: self = .labels(try c.decode([String].self, forKey: .labels))
        case .matrix:
            let m = try c.nestedContainer(keyedBy: MatrixKey.self, forKey: .matrix)
            let rows = try m.decode(Int.self, forKey: .rows)
            let values = try m.decode([Double].self, forKey: .values)
            guard rows >= 0, values.count == rows * rows else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a matrix of \(rows) rows needs \(rows * rows) values, not \(values.count)"))
            }
            self = .matrix(rows: rows, values: values)
        case .masked:
            let m = try c.nestedContainer(keyedBy: MaskedKey.self, forKey: .masked)
            self = .masked(values: try m.decode([UInt64].self, forKey: .values), layout: try m.decode([MaskedLayout].self, forKey: .layout))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .count(let value): try c.encode(value, forKey: .count)
        case .counts(let values): try c.encode(values, forKey: .counts)
        case .vector(let values): try c.encode(values, forKey: .vector)
        case .labels(let values): try c.encode(values, forKey: .labels)
        case .matrix(let rows, let values):
            var m = c.nestedContainer(keyedBy: MatrixKey.self, forKey: .matrix)
            try m.encode(rows, forKey: .rows)
            try m.encode(values, forKey: .values)
        case .masked(let values, let layout):
            var m = c.nestedContainer(keyedBy: MaskedKey.self, forKey: .masked)
            try m.encode(values, forKey: .values)
            try m.encode(layout, forKey: .layout)
        }
    }
}
