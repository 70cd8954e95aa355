/// One feature's value for each subject who has it: a number, or a category from an ordered list of levels
/// (the first level is the reference of a model). Subjects absent from `values` do not have it recorded.
public struct FeatureValues: Sendable {
    public enum Value: Sendable, Hashable {
        case number(Double)
        case level(Int)
    }

    public let feature: Feature
    /// What a reader calls the feature ("age group", the measured concept's name); nil when the levels speak
    /// for themselves (a list of stages or treatments).
    public let title: String?
    public let levels: [String]
    public let values: [Int64: Value]

    /// The name of the indicator for one level in a model: "sex: Male", or the level alone for lists.
    func indicatorName(_ level: String) -> String {
        title.map { "\($0): \(level)" } ?? level
    }

    /// The category label of a subject, or nil when not recorded (or numeric).
    func label(of person: Int64) -> String? {
        if case .level(let index)? = values[person] { return levels[index] }
        return nil
    }
}
