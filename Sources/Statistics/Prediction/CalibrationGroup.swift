/// One risk group of a calibration table: how many rows, the observed event rate and the mean prediction.
public struct CalibrationGroup: Sendable, Equatable, Codable {
    /// 1 for the lowest-risk group.
    public let group: Int
    public let count: Int
    public let observed: Double
    public let predicted: Double
}
