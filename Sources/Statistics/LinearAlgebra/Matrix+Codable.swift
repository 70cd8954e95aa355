/// `{"rows": 2, "columns": 2, "values": [a, b, c, d]}` (row-major): how an information matrix or a covariance
/// travels between a federated node and the coordinator, and into a result document.
extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey { case rows, columns, values }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try c.decode(Int.self, forKey: .rows), columns = try c.decode(Int.self, forKey: .columns)
        let values = try c.decode([Double].self, forKey: .values)
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a \(rows) × \(columns) matrix needs \(max(0, rows * columns)) values, not \(values.count)"))
        }
        self.init(rows: rows, columns: columns)
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(values, forKey: .values)
    }
}
