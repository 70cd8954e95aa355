/// One attribute of an element; its value is escaped when rendered. A boolean attribute has no value, and
/// `Attribute.none` renders nothing, so `.checked(false)` can sit in a list like any other.
struct Attribute: Sendable {
    let name: String
    let value: String?

    static let none = Attribute(name: "", value: nil)

    static func attr(_ name: String, _ value: String) -> Attribute { Attribute(name: name, value: value) }
    static func flag(_ name: String) -> Attribute { Attribute(name: name, value: nil) }
    static func flag(_ name: String, _ on: Bool) -> Attribute { on ? flag(name) : .none }

    static func id(_ value: String) -> Attribute { attr("id", value) }
    static func `class`(_ value: String) -> Attribute { attr("class", value) }
    static func href(_ value: String) -> Attribute { attr("href", value) }
    static func src(_ value: String) -> Attribute { attr("src", value) }
    static func alt(_ value: String) -> Attribute { attr("alt", value) }
    static func name(_ value: String) -> Attribute { attr("name", value) }
    static func type(_ value: String) -> Attribute { attr("type", value) }
    static func value(_ value: String) -> Attribute { attr("value", value) }
    static func `for`(_ value: String) -> Attribute { attr("for", value) }
    static func action(_ value: String) -> Attribute { attr("action", value) }
    static func method(_ value: String) -> Attribute { attr("method", value) }
    static func title(_ value: String) -> Attribute { attr("title", value) }
    static func placeholder(_ value: String) -> Attribute { attr("placeholder", value) }
    static func role(_ value: String) -> Attribute { attr("role", value) }
    static func min(_ value: String) -> Attribute { attr("min", value) }
    static func max(_ value: String) -> Attribute { attr("max", value) }
    static func step(_ value: String) -> Attribute { attr("step", value) }
    static func data(_ key: String, _ value: String) -> Attribute { attr("data-\(key)", value) }
    static func aria(_ key: String, _ value: String) -> Attribute { attr("aria-\(key)", value) }
    static func checked(_ on: Bool) -> Attribute { flag("checked", on) }
    static func selected(_ on: Bool) -> Attribute { flag("selected", on) }
    static func disabled(_ on: Bool) -> Attribute { flag("disabled", on) }
    static var required: Attribute { flag("required") }

    var rendered: String {
        guard !name.isEmpty else { return "" }
        guard let value else { return " \(name)" }
        return " \(name)=\"\(HTML.escape(value))\""
    }
}
