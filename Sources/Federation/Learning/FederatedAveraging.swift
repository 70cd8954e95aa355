/// The server side of FedAvg and FedProx: the new global weights are the nodes' trained weights averaged with
/// weights n_k / n (McMahan et al. 2017; FedProx's server does the same).
public enum FederatedAveraging {
    /// Σ n_k w_k / Σ n_k; empty when no node sent anything or all counts are 0.
    public static func combine(_ updates: [(weights: [Double], count: Int)]) -> [Double] {
        let total = updates.reduce(0) { $0 + max(0, $1.count) }
        guard total > 0, let length = updates.first?.weights.count else { return [] }
        precondition(updates.allSatisfy { $0.weights.count == length }, "every node's update has the same number of weights")
        var sum = [Double](repeating: 0, count: length)
        for update in updates where update.count > 0 {
            let share = Double(update.count) / Double(total)
            for j in 0..<length { sum[j] += share * update.weights[j] }
        }
        return sum
    }
}
