/// A PREDICT-style icon array: 100 people, each in one category (alive with surgery only, extra alive with
/// hormone therapy, …, died of the cancer, died of other causes). Shares are rounded to whole people summing to
/// exactly 100 by giving the leftover units to the largest remainders (reference §6.2, `minimise-abs-error`).
public struct IconArray: Sendable, Equatable, Encodable {
    public enum Style: String, Sendable, Encodable {
        /// A filled icon: alive.
        case filled
        /// An open icon: died.
        case open
    }

    public struct Category: Sendable, Equatable, Encodable {
        public let label: String
        /// People out of 100, after rounding.
        public let count: Int
        /// The share before rounding, percent.
        public let percent: Double
        public let style: Style
        /// A CSS colour.
        public let colour: String
    }

    /// The question the picture answers: "Out of 100 women like you, 10 years after surgery".
    public let caption: String
    public let categories: [Category]

    /// Rounds `shares` (percent, summing to 100 within rounding) to whole people summing to 100; ties go to
    /// the earlier category.
    public init(caption: String, shares: [(label: String, percent: Double, style: Style, colour: String)]) {
        let floors = shares.map { Int(max(0, $0.percent).rounded(.down)) }
        var counts = floors
        let leftover = 100 - floors.reduce(0, +)
        let order = shares.indices.sorted { a, b in
            let ra = shares[a].percent - Double(floors[a]), rb = shares[b].percent - Double(floors[b])
            return ra == rb ? a < b : ra > rb
        }
        if leftover > 0 {
            for index in order.prefix(leftover) { counts[index] += 1 }
        } else if leftover < 0 {
            for index in order.reversed().filter({ counts[$0] > 0 }).prefix(-leftover) { counts[index] -= 1 }
        }
        self.caption = caption
        categories = shares.indices.map {
            Category(label: shares[$0].label, count: counts[$0], percent: shares[$0].percent, style: shares[$0].style, colour: shares[$0].colour)
        }
    }
}
