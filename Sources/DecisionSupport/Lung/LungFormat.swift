/// Number formatting shared by the lung tools' outputs.
enum LungFormat {
    /// `25` for 25.0, `25.5` otherwise.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
