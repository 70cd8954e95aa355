/// The ranks of values in ascending order, 1-based, tied values sharing the mean of their ranks.
struct Midranks {
    private let ranks: [Double]

    init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            // Positions start+1 … end share their mean rank.
            let rank = Double(start + 1 + end) / 2
            for k in start..<end { ranks[order[k]] = rank }
            start = end
        }
        self.ranks = ranks
    }

    subscript(index: Int) -> Double { ranks[index] }
}
