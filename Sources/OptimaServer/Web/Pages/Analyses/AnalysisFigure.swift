/// A chart on a page: the SVG inline, named for screen readers by a sentence with its numbers, which the
/// caption also shows.
enum AnalysisFigure {
    static func figure(id: String, svg: String, caption: String) -> HTML {
        H.figure(.class("chart"), .id(id), .role("img"), .aria("label", caption)) {
            HTML.trusted(svg: svg)
            H.figcaption { caption }
        }
    }
}
