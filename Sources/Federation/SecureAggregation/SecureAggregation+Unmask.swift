extension SecureAggregation {
    /// Coordinator side: Σ y_u over the survivors' masked vectors − Σ c_u over their corrections (wrapping), decoded
    /// and split back by `layout` into `.count` / `.counts` (rounded to Int) / `.vector` / `.matrix`. Every masked
    /// vector and every correction must have the layout's length.
    public static func unmask(masked: [[UInt64]], corrections: [[UInt64]], layout: [MaskedLayout], fractionalBits: Int) throws -> [NamedAggregate] {
        try checkLayout(layout)
        guard !masked.isEmpty else {
            throw FederationError("secure-aggregation", "no masked reply to unmask")
        }
        guard (0...FixedPoint.maximumFractionalBits).contains(fractionalBits) else {
            throw FederationError("secure-aggregation", "\(fractionalBits) fractional bits; use 0 to \(FixedPoint.maximumFractionalBits)")
        }
        let length = layout.reduce(0) { $0 + $1.length }
        var sum = [UInt64](repeating: 0, count: length)
        for (index, vector) in masked.enumerated() {
            guard vector.count == length else {
                throw FederationError("secure-aggregation", "masked reply \(index + 1) has \(vector.count) values; its layout needs \(length)")
            }
            accumulate(&sum, vector, subtract: false)
        }
        for (index, correction) in corrections.enumerated() {
            guard correction.count == length else {
                throw FederationError("secure-aggregation", "mask correction \(index + 1) has \(correction.count) values; the layout needs \(length)")
            }
            accumulate(&sum, correction, subtract: true)
        }
        var start = 0
        return layout.map { part in
            let values = sum[start..<start + part.length].map { FixedPoint.decode($0, fractionalBits: fractionalBits) }
            start += part.length
            switch part.kind {
            case .count: return NamedAggregate(part.name, .count(Int(values[0].rounded())))
            case .counts: return NamedAggregate(part.name, .counts(values.map { Int($0.rounded()) }))
            case .vector: return NamedAggregate(part.name, .vector(values))
            case .matrix: return NamedAggregate(part.name, .matrix(rows: part.rows ?? 0, values: values))
            }
        }
    }

    /// Coordinator side, from the survivors' masked aggregates as received: checks that every node sent the same
    /// layout (same names, kinds and lengths, in the same order), then unmasks.
    public static func unmask(replies: [NamedAggregate], corrections: [[UInt64]], fractionalBits: Int) throws -> [NamedAggregate] {
        var vectors: [[UInt64]] = []
        var layouts: [[MaskedLayout]] = []
        for reply in replies {
            guard case .masked(let values, let layout) = reply.value else {
                throw FederationError("secure-aggregation", "aggregate \(reply.name) is not masked; a masked round takes masked replies only")
            }
            vectors.append(values)
            layouts.append(layout)
        }
        guard let layout = layouts.first else {
            throw FederationError("secure-aggregation", "no masked reply to unmask")
        }
        if let index = layouts.firstIndex(where: { $0 != layout }) {
            throw FederationError("secure-aggregation", "masked reply \(index + 1) has another layout than reply 1 "
                + "(\(describe(layouts[index])) vs \(describe(layout))): the nodes did not compute the same step")
        }
        return try unmask(masked: vectors, corrections: corrections, layout: layout, fractionalBits: fractionalBits)
    }

    /// Lengths are non-negative, a count has one value, a matrix is square.
    private static func checkLayout(_ layout: [MaskedLayout]) throws {
        for part in layout {
            let valid = switch part.kind {
            case .count: part.length == 1
            case .counts, .vector: part.length >= 0
            case .matrix: part.rows.map { $0 >= 0 && $0 * $0 == part.length } ?? false
            }
            guard valid else {
                throw FederationError("secure-aggregation", "masked layout part \(part.name) (\(part.kind.rawValue)) cannot have \(part.length) values"
                    + (part.rows.map { " in \($0) rows" } ?? ""))
            }
        }
        guard layout.reduce(0, { $0 + $1.length }) <= maximumLength else {
            throw FederationError("secure-aggregation", "a masked layout may describe at most \(maximumLength) values")
        }
    }

    private static func describe(_ layout: [MaskedLayout]) -> String {
        layout.map { "\($0.name):\($0.kind.rawValue)[\($0.length)]" }.joined(separator: ", ")
    }
}
