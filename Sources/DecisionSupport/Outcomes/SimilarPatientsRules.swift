/// The bundled definition of the similar-patient outcomes (`similar-patients.json`): the treatment groups per
/// cancer, the window they are read in, the landmark years and the caveat every result carries.
struct SimilarPatientsRules: Decodable, Sendable {
    struct GroupRule: Decodable, Sendable {
        let label: String
        /// Treatment classes that must all have been received in the window; empty for the catch-all group.
        let requires: [TreatmentClass]
    }

    let source: RuleSource
    let windowDays: Int
    let landmarkYears: [Int]
    /// ISUP grade-group bands, as inclusive [low, high] pairs.
    let gradeGroupBands: [[Int]]
    /// Per cancer (`CancerSite` raw value), in the order they are tried.
    let groups: [String: [GroupRule]]
    let caveat: String

    enum CodingKeys: String, CodingKey {
        case source, groups, caveat
        case windowDays = "window_days", landmarkYears = "landmark_years", gradeGroupBands = "grade_group_bands"
    }

    static func load() throws -> SimilarPatientsRules {
        try RuleFile.decode(SimilarPatientsRules.self, from: "similar-patients.json")
    }

    /// The first group of `cancer` whose required classes were all received.
    func group(of cancer: CancerSite, received: Set<TreatmentClass>) -> Int? {
        groups[cancer.rawValue]?.firstIndex { Set($0.requires).isSubset(of: received) }
    }

    /// The band holding `gradeGroup`, as a closed range.
    func band(of gradeGroup: Int) -> ClosedRange<Int>? {
        gradeGroupBands.first { $0.count == 2 && $0[0] <= gradeGroup && gradeGroup <= $0[1] }.map { $0[0]...$0[1] }
    }
}
