import Charts

extension IconArray {
    /// The icon array as an SVG picture (`Charts.IconArrayChart`), captioned with its question. Throws
    /// `IconArrayChart.Error` when the categories do not add up to 100 people, which the rounding of `init`
    /// guarantees unless there are no categories or no positive share.
    public var svg: String {
        get throws {
            try IconArrayChart(title: caption, groups: categories.map {
                IconArrayChart.Group(label: $0.label, count: $0.count, filled: $0.style == .filled, colour: $0.colour)
            }).svg
        }
    }
}
