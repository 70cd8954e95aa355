/// Count, sum and sum of squares of one number over subjects: what a node sends for a mean and a standard
/// deviation, and what adds exactly across nodes.
public struct NumericSummary: Sendable, Codable, Equatable {
    public var n: Int
    public var sum: Double
    public var sumOfSquares: Double

    public init(n: Int, sum: Double, sumOfSquares: Double) {
        self.n = n
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    public init(_ values: [Double]) {
        self.init(n: values.count, sum: values.reduce(0, +), sumOfSquares: values.reduce(0) { $0 + $1 * $1 })
    }

    public static func + (a: NumericSummary, b: NumericSummary) -> NumericSummary {
        NumericSummary(n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares)
    }

    /// 0 when there is nothing.
    public var mean: Double { n > 0 ? sum / Double(n) : 0 }

    /// The sample standard deviation (n − 1), 0 for fewer than 2 values; rounding cannot make it imaginary.
    public var standardDeviation: Double {
        guard n > 1 else { return 0 }
        return (max(0, sumOfSquares - sum * sum / Double(n)) / Double(n - 1)).squareRoot()
    }
}
