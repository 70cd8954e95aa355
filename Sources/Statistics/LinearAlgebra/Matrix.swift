/// A small dense matrix of doubles, row-major: the information matrices and covariances of regression fits.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        values = Array(repeating: value, count: rows * columns)
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    public var diagonal: [Double] { (0..<min(rows, columns)).map { self[$0, $0] } }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        var sum = a
        for index in sum.values.indices { sum.values[index] += b.values[index] }
        return sum
    }
}
