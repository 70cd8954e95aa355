import Foundation

/// The small Markdown our own libraries write (a study's `result.md`, a tool's detail table) as HTML: headings,
/// pipe tables, bullet lists, paragraphs, `**strong**`, `*emphasis*` and `` `code` ``. Everything is escaped text;
/// an image line (`![alt](file.svg)`) becomes whatever `image` makes of the file, or its alt text.
struct MarkdownView {
    let text: String
    /// The caption of every table, which the page's accessibility asks for.
    var tableCaption: String = "Table"
    var image: (_ file: String, _ alt: String) -> HTML? = { _, _ in nil }

    var html: HTML {
        var blocks: [HTML] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.first {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                lines.removeFirst()
            } else if trimmed.hasPrefix("|") {
                let rows = lines.prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("|") }
                lines.removeFirst(rows.count)
                blocks.append(table(Array(rows)))
            } else if trimmed.hasPrefix("- ") {
                let items = lines.prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
                lines.removeFirst(items.count)
                blocks.append(H.ul { for item in items { H.li { Self.inline(String(item.trimmingCharacters(in: .whitespaces).dropFirst(2))) } } })
            } else if trimmed.hasPrefix("#") {
                lines.removeFirst()
                let level = trimmed.prefix { $0 == "#" }.count
                let heading = Self.inline(trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces))
                blocks.append(level <= 1 ? H.h2 { heading } : H.h3 { heading })
            } else if trimmed.hasPrefix("!["), let (alt, file) = Self.imageReference(trimmed) {
                lines.removeFirst()
                blocks.append(image(file, alt) ?? H.p(.class("muted")) { alt })
            } else {
                let paragraph = lines.prefix { line in
                    let text = line.trimmingCharacters(in: .whitespaces)
                    return !text.isEmpty && !text.hasPrefix("|") && !text.hasPrefix("#") && !text.hasPrefix("- ") && !text.hasPrefix("![")
                }
                lines.removeFirst(paragraph.count)
                blocks.append(H.p { Self.inline(paragraph.joined(separator: " ")) })
            }
        }
        return .joined(blocks)
    }

    /// A pipe table: the first row is the header, the `|---|` row sets right alignment where it has `---:`.
    private func table(_ rows: [String]) -> HTML {
        let cells = rows.map(Self.cells)
        let isRule = { (row: [String]) in !row.isEmpty && row.allSatisfy { $0.allSatisfy { "-:".contains($0) } && $0.contains("-") } }
        let header = cells.first ?? []
        let rule = cells.dropFirst().first.flatMap { isRule($0) ? $0 : nil }
        let body = cells.dropFirst(rule == nil ? 1 : 2)
        let numeric = (rule ?? []).map { $0.hasSuffix(":") }
        func aligned(_ column: Int) -> Attribute { column < numeric.count && numeric[column] ? .class("num") : .none }
        return H.table(.class("data")) {
            H.caption { tableCaption }
            H.thead { H.tr { for (column, cell) in header.enumerated() { H.th(.attr("scope", "col"), aligned(column)) { Self.inline(cell) } } } }
            H.tbody {
                for row in body {
                    H.tr { for (column, cell) in row.enumerated() { H.td(aligned(column)) { Self.inline(cell) } } }
                }
            }
        }
    }

    private static func cells(_ row: String) -> [String] {
        var text = row.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") { text.removeLast() }
        return text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func imageReference(_ line: String) -> (alt: String, file: String)? {
        guard let close = line.range(of: "]("), line.hasSuffix(")") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
        return (alt, String(line[close.upperBound..<line.index(before: line.endIndex)]))
    }

    /// `**strong**`, `*emphasis*` and `` `code` `` in a line; any other character is text.
    static func inline(_ text: String) -> HTML {
        var parts: [HTML] = []
        var rest = Substring(text)
        var plain = ""
        func flush() {
            if !plain.isEmpty { parts.append(.text(plain)) }
            plain = ""
        }
        while let character = rest.first {
            let marker = rest.hasPrefix("**") ? "**" : (character == "`" || character == "*") ? String(character) : nil
            if let marker, let end = rest.dropFirst(marker.count).range(of: marker), !rest.dropFirst(marker.count)[..<end.lowerBound].isEmpty {
                flush()
                let inner = String(rest.dropFirst(marker.count)[..<end.lowerBound])
                parts.append(marker == "**" ? H.strong { inner } : marker == "`" ? H.code { inner } : H.em { inner })
                rest = rest[end.upperBound...]
            } else {
                plain.append(character)
                rest = rest.dropFirst()
            }
        }
        flush()
        return .joined(parts)
    }
}
