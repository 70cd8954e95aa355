/// The Markdown of `CohortDescription.text` as HTML: paragraphs, `- ` and `1. ` lists nested by two-space
/// indents, and `**bold**`. Only that subset is written there, and every piece of text is escaped.
enum CohortDescriptionHTML {
    private final class List {
        let ordered: Bool
        var items: [Item] = []
        init(ordered: Bool) { self.ordered = ordered }
    }

    private final class Item {
        let text: String
        var lists: [List] = []
        init(text: String) { self.text = text }
    }

    private enum Block {
        case paragraph([String])
        case list(List)
    }

    static func render(_ markdown: String) -> HTML {
        var blocks: [Block] = []
        var openList: List?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.isEmpty {
                openList = nil
                blocks.append(.paragraph([]))
            } else if let (ordered, text) = listItem(body) {
                let level = indent / 2
                var list: List
                if let top = openList, level > 0 || top.ordered == ordered {
                    list = top
                } else {
                    list = List(ordered: ordered)
                    openList = list
                    blocks.append(.list(list))
                }
                for _ in 0..<level {
                    let parent = list.items.last ?? { let item = Item(text: ""); list.items.append(item); return item }()
                    if let nested = parent.lists.last, nested.ordered == ordered { list = nested } else {
                        let nested = List(ordered: ordered)
                        parent.lists.append(nested)
                        list = nested
                    }
                }
                list.items.append(Item(text: text))
            } else if openList == nil, case .paragraph(let lines) = blocks.last {
                blocks[blocks.count - 1] = .paragraph(lines + [String(body)])
            } else {
                openList = nil
                blocks.append(.paragraph([String(body)]))
            }
        }
        return .joined(blocks.map { block in
            switch block {
            case .paragraph(let lines): lines.isEmpty ? .empty : H.p { inline(lines.joined(separator: " ")) }
            case .list(let list): html(list)
            }
        })
    }

    private static func listItem(_ body: Substring) -> (Bool, String)? {
        if body.hasPrefix("- ") { return (false, String(body.dropFirst(2))) }
        let digits = body.prefix { $0.isNumber }
        if !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(". ") { return (true, String(body.dropFirst(digits.count + 2))) }
        return nil
    }

    private static func html(_ list: List) -> HTML {
        let items = HTML.joined(list.items.map { item in
            H.li { inline(item.text); for nested in item.lists { html(nested) } }
        })
        return list.ordered ? H.ol { items } : H.ul { items }
    }

    /// Text with `**bold**` spans.
    private static func inline(_ text: String) -> HTML {
        .joined(text.components(separatedBy: "**").enumerated().map { index, part in
            index % 2 == 1 ? H.strong { part } : .text(part)
        })
    }
}
