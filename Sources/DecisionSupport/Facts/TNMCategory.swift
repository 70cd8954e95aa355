import Foundation

/// A TNM category, 8th edition (AJCC/UICC), as written on a pathology or staging report: `T1c`, `N2`, `M1b`.
/// One type for all three axes; the tools check which values their tables accept. A leading `c`, `p` or `yp`
/// (clinical, pathological, after neoadjuvant therapy) is read and kept apart from the category.
public struct TNMCategory: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Axis: String, Sendable, Codable {
        case t = "T", n = "N", m = "M"
    }

    public let axis: Axis
    /// The category without prefix, in canonical spelling: `T1mi`, `Tis`, `TX`, `N0`, `M1c`.
    public let code: String

    /// Every category Optima accepts, per axis, in order of extent.
    public static let accepted: [Axis: [String]] = [
        .t: ["TX", "T0", "Tis", "T1mi", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T2c",
             "T3", "T3a", "T3b", "T4", "T4a", "T4b", "T4c", "T4d"],
        .n: ["NX", "N0", "N1", "N1a", "N1b", "N1c", "N2", "N2a", "N2b", "N3", "N3a", "N3b", "N3c"],
        .m: ["M0", "M1", "M1a", "M1b", "M1c"],
    ]

    /// Reads `text` as a category of `axis`, or nil when it is not one.
    public init?(_ text: String, axis: Axis) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        for prefix in ["yp", "c", "p"] where body.lowercased().hasPrefix(prefix) && body.dropFirst(prefix.count).uppercased().hasPrefix(axis.rawValue) {
            body = body.dropFirst(prefix.count)
            break
        }
        guard let match = Self.accepted[axis]?.first(where: { $0.lowercased() == body.lowercased() }) else { return nil }
        self.axis = axis
        self.code = match
    }

    /// The number after the axis letter (T2b → 2), nil for X, is and mi-free zero-less codes such as `Tis`.
    public var number: Int? {
        code.dropFirst().first?.wholeNumberValue
    }

    /// The letters after the number (T2b → "b", T1mi → "mi"), empty when none.
    public var subcategory: String {
        String(code.dropFirst().drop(while: { !$0.isNumber }).dropFirst())
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let axis = text.uppercased().first(where: { "TNM".contains($0) }).flatMap({ Axis(rawValue: String($0)) }),
              let category = TNMCategory(text, axis: axis)
        else { throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a TNM category") }
        self = category
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
