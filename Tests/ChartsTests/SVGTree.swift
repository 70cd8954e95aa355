import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document read back with XMLParser: proves it is well-formed XML and lets tests ask about structure.
final class SVGTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [SVGTree] = []
    /// Character data directly inside this element.
    private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The root `<svg>` element, or `nil` with the parser's error when the text is not well-formed.
    static func parse(_ svg: String) -> SVGTree? {
        let parser = XMLParser(data: Data(svg.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    /// This element and all below it, in document order.
    var all: [SVGTree] {
        [self] + children.flatMap(\.all)
    }

    /// Elements of `name` (and, when given, carrying `className` among their classes), in document order.
    func elements(_ name: String, class className: String? = nil) -> [SVGTree] {
        all.filter { element in
            element.name == name
                && (className.map { (element.attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) } ?? true)
        }
    }

    /// A numeric attribute.
    func number(_ attribute: String) -> Double? {
        attributes[attribute].flatMap(Double.init)
    }

    /// The tooltip (`<title>` child), if any.
    var tooltip: String? {
        children.first { $0.name == "title" }?.text
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: SVGTree?
        private var stack: [SVGTree] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = SVGTree(name: elementName, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
