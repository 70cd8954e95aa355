/// Why the reference side of `optima bench stats` gave no figures, in one line; Optima's own figures are
/// still reported.
struct StatisticsBenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
