/// One patient as PREDICT Breast v2.1 codes her (reference §3.1, "Inputs"): the codes are the R model's, so an
/// input reads the same here as in `benefits21()`. Unknown grade, detection, HER2 and Ki-67 are values of their
/// own, which the model replaces by its documented stand-ins.
public struct PredictBreastInput: Sendable, Equatable, Codable {
    /// Histological grade; `unknown` (9) is modelled as grade 2.13.
    public enum GradeCode: Int, Sendable, Codable, CaseIterable {
        case one = 1, two = 2, three = 3, unknown = 9
    }

    /// Mode of detection (`screen`); `unknown` (2) is modelled as 0.204, the screened share of the development data.
    public enum DetectionCode: Int, Sendable, Codable, CaseIterable {
        case clinical = 0, screen = 1, unknown = 2
    }

    /// HER2 or Ki-67 status; `unknown` (9) adds no term.
    public enum MarkerCode: Int, Sendable, Codable, CaseIterable {
        case negative = 0, positive = 1, unknown = 9
    }

    /// Age at diagnosis, years; the model uses 25 for younger women, as the PREDICT website does.
    public var age: Double
    /// Invasive tumour size, mm.
    public var sizeMM: Double
    /// Positive lymph nodes.
    public var nodes: Int
    public var erPositive: Bool
    public var grade: GradeCode
    public var detection: DetectionCode
    public var her2: MarkerCode
    /// Used for ER-positive tumours only, as in v2.1.
    public var ki67: MarkerCode

    public init(age: Double, sizeMM: Double, nodes: Int, erPositive: Bool, grade: GradeCode = .unknown,
                detection: DetectionCode = .unknown, her2: MarkerCode = .unknown, ki67: MarkerCode = .unknown) {
        self.age = age
        self.sizeMM = sizeMM
        self.nodes = nodes
        self.erPositive = erPositive
        self.grade = grade
        self.detection = detection
        self.her2 = her2
        self.ki67 = ki67
    }
}
