/// One cohort's Table 1 pieces before disclosure: persons per binary covariate and n, Σx, Σx² per continuous one.
struct CohortProfile {
    struct Key: Hashable {
        let domain: String
        let covariate: String
        let conceptID: Int64?
    }

    struct Moments {
        var count = 0
        var sum = 0.0
        var sumOfSquares = 0.0

        mutating func add(_ x: Double) {
            count += 1
            sum += x
            sumOfSquares += x * x
        }
    }

    var total = 0
    var binary: [Key: Int] = [:]
    var continuous: [Key: Moments] = [:]
}
