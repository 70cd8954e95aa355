/// Builds a fragment from the statements of a closure: `HTML` values as they are, `String`s as escaped text,
/// with `if`, `switch` and `for` as in ordinary Swift.
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ fragment: HTML) -> HTML { fragment }
    static func buildExpression(_ text: String) -> HTML { .text(text) }
    static func buildBlock(_ parts: HTML...) -> HTML { .joined(parts) }
    static func buildOptional(_ fragment: HTML?) -> HTML { fragment ?? .empty }
    static func buildEither(first fragment: HTML) -> HTML { fragment }
    static func buildEither(second fragment: HTML) -> HTML { fragment }
    static func buildArray(_ parts: [HTML]) -> HTML { .joined(parts) }
    static func buildLimitedAvailability(_ fragment: HTML) -> HTML { fragment }
}
