/// The elements pages use, as functions: `H.div(.class("card")) { … }`. Void elements take no content.
enum H {
    static func element(_ tag: String, _ attributes: [Attribute], _ content: HTML) -> HTML {
        HTML(rendered: "<\(tag)\(attributes.map(\.rendered).joined())>\(content.rendered)</\(tag)>")
    }

    static func void(_ tag: String, _ attributes: [Attribute]) -> HTML {
        HTML(rendered: "<\(tag)\(attributes.map(\.rendered).joined())>")
    }

    static func div(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("div", attributes, content()) }
    static func span(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("span", attributes, content()) }
    static func p(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("p", attributes, content()) }
    static func a(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("a", attributes, content()) }
    static func h1(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("h1", attributes, content()) }
    static func h2(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("h2", attributes, content()) }
    static func h3(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("h3", attributes, content()) }
    static func ul(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("ul", attributes, content()) }
    static func ol(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("ol", attributes, content()) }
    static func li(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("li", attributes, content()) }
    static func dl(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("dl", attributes, content()) }
    static func dt(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("dt", attributes, content()) }
    static func dd(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("dd", attributes, content()) }
    static func table(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("table", attributes, content()) }
    static func caption(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("caption", attributes, content()) }
    static func thead(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("thead", attributes, content()) }
    static func tbody(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("tbody", attributes, content()) }
    static func tfoot(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("tfoot", attributes, content()) }
    static func tr(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("tr", attributes, content()) }
    static func th(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("th", attributes, content()) }
    static func td(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("td", attributes, content()) }
    static func form(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("form", attributes, content()) }
    static func fieldset(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("fieldset", attributes, content()) }
    static func legend(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("legend", attributes, content()) }
    static func label(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("label", attributes, content()) }
    static func select(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("select", attributes, content()) }
    static func option(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("option", attributes, content()) }
    static func optgroup(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("optgroup", attributes, content()) }
    static func textarea(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("textarea", attributes, content()) }
    static func button(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("button", attributes, content()) }
    static func nav(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("nav", attributes, content()) }
    static func main(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("main", attributes, content()) }
    static func section(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("section", attributes, content()) }
    static func article(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("article", attributes, content()) }
    static func header(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("header", attributes, content()) }
    static func footer(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("footer", attributes, content()) }
    static func aside(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("aside", attributes, content()) }
    static func details(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("details", attributes, content()) }
    static func summary(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("summary", attributes, content()) }
    static func figure(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("figure", attributes, content()) }
    static func figcaption(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("figcaption", attributes, content()) }
    static func strong(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("strong", attributes, content()) }
    static func em(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("em", attributes, content()) }
    static func small(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("small", attributes, content()) }
    static func code(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("code", attributes, content()) }
    static func pre(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("pre", attributes, content()) }
    static func output(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("output", attributes, content()) }
    static func meter(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("meter", attributes, content()) }
    static func progress(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("progress", attributes, content()) }
    static func title(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("title", attributes, content()) }
    static func head(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("head", attributes, content()) }
    static func body(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("body", attributes, content()) }
    static func abbr(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("abbr", attributes, content()) }
    static func time(_ attributes: Attribute..., @HTMLBuilder content: () -> HTML = { .empty }) -> HTML { element("time", attributes, content()) }
    static func input(_ attributes: Attribute...) -> HTML { void("input", attributes) }
    static func img(_ attributes: Attribute...) -> HTML { void("img", attributes) }
    static func br(_ attributes: Attribute...) -> HTML { void("br", attributes) }
    static func meta(_ attributes: Attribute...) -> HTML { void("meta", attributes) }
    static func link(_ attributes: Attribute...) -> HTML { void("link", attributes) }
    static func hr(_ attributes: Attribute...) -> HTML { void("hr", attributes) }

    /// An external script of our own, run after the page is parsed (the CSP allows no inline script).
    static func script(src: String) -> HTML { element("script", [.src(src), .flag("defer")], .empty) }

    /// A POST form carrying the session's CSRF token, which the server checks before any handler runs.
    static func postForm(action: String, csrf: String, _ attributes: Attribute..., @HTMLBuilder content: () -> HTML) -> HTML {
        element("form", [.method("post"), .action(action)] + attributes,
                .joined([input(.type("hidden"), .name(WebSession.csrfField), .value(csrf)), content()]))
    }
}
