import Foundation

/// The Cholesky factor L (A = L Lᵀ) of a symmetric positive-definite matrix: how every fit solves its Newton
/// step and inverts its information matrix. A matrix that is not positive definite (collinear covariates,
/// separated data) is refused, naming the first column that depends on the ones before it.
public struct Cholesky: Sendable {
    public let factor: Matrix

    public init(_ a: Matrix, names: [String]? = nil) throws {
        precondition(a.rows == a.columns, "a square matrix")
        let n = a.rows
        var l = Matrix(rows: n, columns: n)
        let scale = max(1, a.diagonal.map(abs).max() ?? 1)
        for j in 0..<n {
            var pivot = a[j, j]
            for k in 0..<j { pivot -= l[j, k] * l[j, k] }
            guard pivot > 1e-12 * scale, pivot.isFinite else {
                let name = names.map { $0[j] } ?? "column \(j + 1)"
                throw StatisticsError("\(name) is a linear combination of the columns before it (or carries no information): the information matrix is singular")
            }
            let root = pivot.squareRoot()
            l[j, j] = root
            for i in (j + 1)..<max(n, j + 1) {
                var value = a[i, j]
                for k in 0..<j { value -= l[i, k] * l[j, k] }
                l[i, j] = value / root
            }
        }
        factor = l
    }

    /// x with A x = b.
    public func solve(_ b: [Double]) -> [Double] {
        let n = factor.rows
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= factor[i, k] * y[k] }
            y[i] /= factor[i, i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(n, i + 1) { y[i] -= factor[k, i] * y[k] }
            y[i] /= factor[i, i]
        }
        return y
    }

    /// A⁻¹, column by column.
    public func inverse() -> Matrix {
        let n = factor.rows
        var inverse = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[j] = 1
            for (i, value) in solve(unit).enumerated() { inverse[i, j] = value }
        }
        return inverse
    }
}
