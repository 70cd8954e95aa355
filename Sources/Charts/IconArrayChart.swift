/// A 10×10 icon array (reference §6.1–6.2): 100 person icons filled row by row in the order of the groups, filled
/// icons for one kind of outcome (alive) and open outlines for the other (died), with a legend giving each
/// group's count out of 100. The counts must add up to exactly 100, so the init throws otherwise: a picture of
/// "out of 100" that shows 99 or 101 people would mislead, and a caller with bad input should hear of it rather
/// than crash a server.
public struct IconArrayChart: Sendable {
    /// People of one kind: how many out of 100, whether their icons are filled or open, and their colour.
    public struct Group: Sendable {
        /// What the people have in common, read after the count: "alive with surgery only".
        public var label: String
        public var count: Int
        /// Filled icons (alive) or open outlines (died).
        public var filled: Bool
        /// A CSS colour for the icon's fill or outline.
        public var colour: String

        public init(label: String, count: Int, filled: Bool, colour: String) {
            self.label = label
            self.count = count
            self.filled = filled
            self.colour = colour
        }
    }

    /// Why the groups cannot be drawn as 100 people.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// A group has a negative count.
        case negativeCount(label: String, count: Int)
        /// The counts add up to this total instead of 100.
        case totalIsNot100(Int)

        public var description: String {
            switch self {
            case .negativeCount(let label, let count): "icon array group \"\(label)\" has a negative count (\(count))"
            case .totalIsNot100(let total): "icon array counts add up to \(total), not 100"
            }
        }
    }

    /// The people the picture shows, in the order icons are filled.
    public static let people = 100

    let title: String
    let groups: [Group]

    /// Throws when a count is negative or the counts do not add up to 100.
    public init(title: String, groups: [Group]) throws {
        if let bad = groups.first(where: { $0.count < 0 }) {
            throw Error.negativeCount(label: bad.label, count: bad.count)
        }
        let total = groups.reduce(0) { $0 + $1.count }
        guard total == Self.people else { throw Error.totalIsNot100(total) }
        self.title = title
        self.groups = groups
    }

    /// The picture: grid on the left, legend on the right, and a description stating every count in words.
    public var svg: String {
        let legendHeight = Double(groups.count) * Layout.legendRow
        let height = max(Layout.top + 10 * Layout.cell, Layout.top + legendHeight) + 16
        var document = SVGDocument(width: Layout.width, height: height,
                                   identifier: SVG.identifier("icons", content: String(describing: self)))
        document.heading(title)
        drawGrid(into: &document)
        drawLegend(into: &document)
        return document.render(title: title, description: description())
    }

    enum Layout {
        static let width = 720.0
        static let top = 48.0
        static let left = 16.0
        /// The square each person icon takes in the grid.
        static let cell = 26.0
        static let legendLeft = 16.0 + 10 * cell + 24
        static let legendRow = 30.0
    }
}
