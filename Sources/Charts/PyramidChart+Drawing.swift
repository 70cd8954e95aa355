extension PyramidChart {
    /// The sides as drawn: (side, -1 for leftwards or 1 for rightwards, colour, class).
    var sides: [(side: Side, direction: Double, color: String, name: String)] {
        [(left, -1, Layout.colors[0], "left"), (right, 1, Layout.colors[1], "right")]
    }

    func drawSideNames(top: Double, into document: inout SVGDocument) {
        for (side, direction, color, name) in sides where !side.name.isEmpty {
            document.text(side.name, x: Layout.center + direction * Layout.gap, y: top - 10,
                          anchor: direction < 0 ? "end" : "start", bold: true, fill: color,
                          maxWidth: Layout.center - Layout.gap - 16, extra: [("class", "side " + name)])
        }
    }

    /// One age group: its label in the middle, a bar and a label per side (a suppressed count: the label only).
    func drawRow(_ index: Int, top: Double, largest: Int, into document: inout SVGDocument) {
        let group = groups[index]
        document.open("g", [("class", "group")])
        document.text(group, x: Layout.center, y: top + 14, anchor: "middle", maxWidth: 2 * Layout.gap - 6,
                      extra: [("class", "age")])
        for (side, direction, color, name) in sides {
            let count = side.count(index)
            let label = side.label(index)
            let length = count.map { largest > 0 ? Layout.reach * Double($0) / Double(largest) : 0 } ?? 0
            let start = Layout.center + direction * Layout.gap
            if length > 0 {
                document.add("rect", [
                    ("x", SVG.number(direction < 0 ? start - length : start)),
                    ("y", SVG.number(top + (Layout.rowHeight - Layout.barHeight) / 2)),
                    ("width", SVG.number(length)), ("height", SVG.number(Layout.barHeight)),
                    ("fill", color), ("class", "bar " + name),
                ], tooltip: side.name + ", " + group + ": " + label)
            }
            guard !label.isEmpty else { continue }
            document.text(label, x: start + direction * (length + 4), y: top + 14,
                          anchor: direction < 0 ? "end" : "start", fill: count == nil ? Palette.muted : Palette.text,
                          extra: [("class", count == nil ? "count suppressed " + name : "count " + name)])
        }
        document.close("g")
    }

    /// The note split at its line breaks and wrapped by words to the width of the picture.
    func noteLines() -> [String] {
        guard let note else { return [] }
        let room = Layout.width - 32
        var lines: [String] = []
        for paragraph in note.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if !line.isEmpty && SVG.estimatedWidth(candidate, fontSize: 11) > room {
                    lines.append(line)
                    line = String(word)
                } else {
                    line = candidate
                }
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    /// For screen readers: which side is which, then each age group's two labels, oldest first.
    func description() -> String {
        let names = sides.filter { !$0.side.name.isEmpty }.map { $0.side.name + " on the " + $0.name }
        let rows = groups.indices.reversed().map { index -> String in
            let labels = sides.filter { !$0.side.label(index).isEmpty }.map { $0.side.label(index) + " " + $0.side.name }
            return groups[index] + ": " + (labels.isEmpty ? "none" : labels.joined(separator: ", "))
        }
        return "Population pyramid over \(groups.count) " + (groups.count == 1 ? "group" : "groups")
            + ", oldest on top" + (names.isEmpty ? "" : ", " + names.joined(separator: " and ")) + ". "
            + rows.joined(separator: "; ") + "."
    }
}
