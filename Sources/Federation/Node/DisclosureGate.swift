/// The one place that decides what may leave a node. Every reply passes through `release` just before it is
/// (masked,) signed and sent: counts are 0 or at least the minimum (smaller ones suppressed), labels are short
/// names, numbers are finite, and nothing else than `Aggregate` values can be in a reply.
public enum DisclosureGate {
    /// Labels longer than this are refused: a level name, not free text.
    public static let maximumLabelLength = 80
    /// A run of this many digits in a label could be an identifier (a record number, a date of birth).
    public static let identifierDigits = 6

    /// The aggregates as they may leave the node; throws `FederationError` "disclosure" naming the aggregate and
    /// the rule (never a value) when one may not leave at all.
    /// - Parameter masked: the reply will be masked for secure aggregation, so the coordinator sees only the sum
    ///   over nodes; counts are then left whole here (a suppressed cell cannot be masked), and the coordinator
    ///   suppresses small cells of the sum.
    public static func release(_ aggregates: [NamedAggregate], guards: DisclosureGuards, masked: Bool) throws -> [NamedAggregate] {
        try aggregates.map { NamedAggregate($0.name, try release($0.value, name: $0.name, guards: guards, masked: masked)) }
    }

    private static func release(_ value: Aggregate, name: String, guards: DisclosureGuards, masked: Bool) throws -> Aggregate {
        func refuse(_ rule: String) -> FederationError {
            FederationError("disclosure", "aggregate \(name.prefix(120).debugDescription) may not leave the node: \(rule)")
        }
        func count(_ cell: Int?) throws -> Int? {
            guard let cell else {
                if masked { throw refuse("a suppressed cell cannot be masked") }
                return nil
            }
            guard cell >= 0 else { throw refuse("a count is negative") }
            if masked || cell == 0 || cell >= guards.minimumCellCount { return cell }
            return nil
        }
        switch value {
        case .count(let cell):
            return .count(try count(cell))
        case .counts(let cells):
            return .counts(try cells.map(count))
        case .vector(let values):
            guard values.allSatisfy(\.isFinite) else { throw refuse("a number is not finite") }
            return value
        case .matrix(let rows, let values):
            guard rows >= 0, values.count == rows * rows else { throw refuse("a matrix of \(rows) rows holds \(values.count) numbers") }
            guard values.allSatisfy(\.isFinite) else { throw refuse("a number is not finite") }
            return value
        case .labels(let labels):
            guard labels.count <= guards.maximumLevels else { throw refuse("\(labels.count) labels, more than the \(guards.maximumLevels) allowed") }
            for label in labels {
                guard label.count <= maximumLabelLength else { throw refuse("a label is longer than \(maximumLabelLength) characters") }
                guard longestDigitRun(label) < identifierDigits else {
                    throw refuse("a label holds \(identifierDigits) or more digits in a row (could be an identifier)")
                }
            }
            return value
        case .masked:
            throw refuse("masking happens after the gate, never before")
        }
    }

    private static func longestDigitRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for character in text {
            run = character.isNumber ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
