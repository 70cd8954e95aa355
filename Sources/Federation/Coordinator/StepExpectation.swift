/// One aggregate a step's reply must hold (the contract of `NodeComputation`): its name, kind and, when known, its
/// length. A reply without it, or with another kind or length, is garbage.
struct StepExpectation: Sendable, Equatable {
    enum Kind: String, Sendable { case count, counts, vector, matrix, labels }

    let name: String
    let kind: Kind
    /// Cells of `.counts`, numbers of `.vector`, rows of `.matrix`; nil when not fixed.
    let length: Int?

    static func count(_ name: String) -> StepExpectation { StepExpectation(name: name, kind: .count, length: 1) }
    static func counts(_ name: String, _ length: Int) -> StepExpectation { StepExpectation(name: name, kind: .counts, length: length) }
    static func vector(_ name: String, _ length: Int) -> StepExpectation { StepExpectation(name: name, kind: .vector, length: length) }
    static func matrix(_ name: String, rows: Int) -> StepExpectation { StepExpectation(name: name, kind: .matrix, length: rows) }
    static func labels(_ name: String) -> StepExpectation { StepExpectation(name: name, kind: .labels, length: nil) }

    /// Why `value` does not fit, or nil when it does.
    func mismatch(_ value: Aggregate?) -> String? {
        guard let value else { return "\(name) is missing" }
        switch (kind, value) {
        case (.count, .count): return nil
        case (.counts, .counts(let cells)): return fits(cells.count)
        case (.vector, .vector(let values)): return fits(values.count)
        case (.matrix, .matrix(let rows, let values)): return fits(rows) ?? (values.count == rows * rows ? nil : "\(name) is not square")
        case (.labels, .labels): return nil
        default: return "\(name) is not a \(kind.rawValue) aggregate"
        }
    }

    /// Why a masked layout entry does not fit, or nil.
    func mismatch(_ layout: MaskedLayout?) -> String? {
        guard let layout else { return "\(name) is missing from the masked layout" }
        switch (kind, layout.kind) {
        case (.count, .count): return layout.length == 1 ? nil : "\(name) has \(layout.length) values"
        case (.counts, .counts), (.vector, .vector): return fits(layout.length)
        case (.matrix, .matrix):
            guard let rows = layout.rows, rows * rows == layout.length else { return "\(name) is not square" }
            return fits(rows)
        default: return "\(name) is not a \(kind.rawValue) aggregate"
        }
    }

    private func fits(_ actual: Int) -> String? {
        guard let length, length != actual else { return nil }
        return "\(name) has \(actual) values, not \(length)"
    }
}
