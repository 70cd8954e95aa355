extension SVGTree {
    /// What every chart promises screen readers and pages: a sized, scalable image with a title and a description.
    var isAccessibleImage: Bool {
        name == "svg" && attributes["role"] == "img" && attributes["viewBox"] != nil && number("width") != nil
            && number("height") != nil && children.first?.name == "title" && !(children.first?.text.isEmpty ?? true)
            && children.dropFirst().first?.name == "desc"
    }

    /// Every coordinate in the picture is a plain finite number: NaN or infinite input never leaks into geometry.
    var coordinatesAreFinite: Bool {
        let plain = ["x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r"]
        for element in all {
            for attribute in plain {
                if let value = element.attributes[attribute], value != "100%", !(Double(value)?.isFinite ?? false) {
                    return false
                }
            }
            for attribute in ["d", "points", "transform"] {
                guard let value = element.attributes[attribute] else { continue }
                for token in value.split(whereSeparator: { " ,()".contains($0) }) {
                    if ["translate", "rotate"].contains(token) || (token.count == 1 && "MLAHVZ".contains(token)) {
                        continue
                    }
                    let number = token.first.map { "MLAHVZ".contains($0) } == true ? token.dropFirst() : token
                    if !(Double(number)?.isFinite ?? false) { return false }
                }
            }
        }
        return true
    }

    /// The text of every `<text>` element of `className`, in document order, without tooltips.
    func texts(class className: String? = nil) -> [String] {
        elements("text", class: className).map(\.text)
    }
}
