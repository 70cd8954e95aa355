/// Predictions from coefficients fitted on these columns: what prediction-model performance is measured on.
extension GLMData {
    /// xᵢβ (+ offset) for every row.
    public func linearPredictor(_ beta: [Double]) -> [Double] {
        precondition(beta.count == names.count, "one coefficient per column")
        return (0..<rows).map { i in zip(row(i), beta).reduce(offset?[i] ?? 0) { $0 + $1.0 * $1.1 } }
    }

    /// The fitted mean of every row: a probability for logistic, an expected count for Poisson.
    public func means(_ beta: [Double], family: GLMFamily) -> [Double] {
        linearPredictor(beta).map(family.mean)
    }
}
