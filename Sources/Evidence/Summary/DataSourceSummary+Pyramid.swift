extension DataSourceSummary {
    /// The age/sex pyramid as a standalone SVG: the two most frequent sexes back to back, one bar per 10-year age
    /// group at the first observation (oldest on top). Suppressed cells get no bar, only their "<N", so no length
    /// can be read into them; persons of other sexes are named in a note rather than drawn.
    public func pyramid() -> String {
        let title = "Persons by age group and sex"
        let ages = persons.pyramid.reduce(into: [String]()) { if !$0.contains($1.ageGroup) { $0.append($1.ageGroup) } }
        let sexTotals = Dictionary(persons.pyramid.map { ($0.sex, $0.persons.value ?? 0) }, uniquingKeysWith: +)
        let drawn = sexTotals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(2).map(\.key).sorted()
        let others = persons.bySex.filter { !drawn.contains($0.label) }
        let largest = persons.pyramid.compactMap(\.persons.value).max() ?? 0

        let width = 640.0, center = 320.0, gap = 44.0, reach = 200.0, rowHeight = 20.0, top = 84.0
        let bottom = top + Double(ages.count) * rowHeight
        let notes = ["Age at the start of the first observation period; counts below \(settings.minimumCount) show as <\(settings.minimumCount), with no bar."]
            + (others.isEmpty ? [] : ["Not drawn: " + others.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + "."])
        var svg = SVGText(width: width, height: bottom + 16 + Double(notes.count) * 16)
        svg.text(title, x: 16, y: 28, attributes: [("font-size", "17"), ("font-weight", "600")])
        svg.text("\(persons.total) persons in the CDM", x: 16, y: 48, attributes: [("fill", "#555555")])
        guard !ages.isEmpty, largest > 0 else {
            svg.text("No data to show", x: center, y: top + 12, attributes: [("text-anchor", "middle"), ("fill", "#555555")])
            return svg.render(title: title, description: "Age/sex pyramid with no data to show.")
        }
        let colors = ["#0072B2", "#D55E00"]
        for (side, sex) in drawn.enumerated() {
            let direction = side == 0 ? -1.0 : 1.0
            svg.text(sex, x: center + direction * gap, y: top - 10,
                     attributes: [("text-anchor", side == 0 ? "end" : "start"), ("font-weight", "600"), ("fill", colors[side])])
        }
        for (row, age) in ages.reversed().enumerated() {
            let y = top + Double(row) * rowHeight
            svg.text(age, x: center, y: y + 14, attributes: [("text-anchor", "middle")])
            for (side, sex) in drawn.enumerated() {
                let direction = side == 0 ? -1.0 : 1.0
                let count = persons.pyramid.first { $0.sex == sex && $0.ageGroup == age }?.persons
                let length = count?.value.map { reach * Double($0) / Double(largest) } ?? 0
                let start = center + direction * gap
                if length > 0 {
                    svg.element("rect", [("x", SVGText.number(side == 0 ? start - length : start)), ("y", SVGText.number(y + 3)),
                                         ("width", SVGText.number(length)), ("height", "14"), ("fill", colors[side])],
                                tooltip: "\(sex), \(age): \(count?.description ?? "0")")
                }
                svg.text(count?.description ?? "0", x: start + direction * (length + 4), y: y + 14,
                         attributes: [("text-anchor", side == 0 ? "end" : "start"), ("fill", count?.value == nil ? "#555555" : "#1a1a1a")])
            }
        }
        svg.element("line", [("x1", SVGText.number(center - gap)), ("y1", SVGText.number(top)), ("x2", SVGText.number(center - gap)),
                             ("y2", SVGText.number(bottom)), ("stroke", "#333333")])
        svg.element("line", [("x1", SVGText.number(center + gap)), ("y1", SVGText.number(top)), ("x2", SVGText.number(center + gap)),
                             ("y2", SVGText.number(bottom)), ("stroke", "#333333")])
        for (index, note) in notes.enumerated() {
            svg.text(note, x: 16, y: bottom + 24 + Double(index) * 16, attributes: [("font-size", "11"), ("fill", "#555555")])
        }
        let description = "Back-to-back bars of persons per 10-year age group: " + drawn.joined(separator: " left, ") + " right."
        return svg.render(title: title, description: description)
    }
}
