/// One hospital of a multi-site population: its share of the persons and its case mix. The survival
/// truth is the same everywhere; only who comes to which hospital differs, as in a real network.
public struct SiteProfile: Sendable, Equatable {
    public let number: Int
    public let name: String
    /// Share of all persons.
    public let share: Double
    /// Multiplier of the cancer fraction.
    public let cancerFactor: Double
    /// Multiplier of the weights of stages III and IV.
    public let advancedStageFactor: Double

    /// The whole population as one site.
    public static let single = SiteProfile(number: 1, name: "single site", share: 1, cancerFactor: 1, advancedStageFactor: 1)

    /// K sites: a larger academic centre (40 % of persons, more and later-stage cancer, as tertiary
    /// referral brings) and K − 1 regional hospitals sharing the rest equally.
    public static func network(_ count: Int) -> [SiteProfile] {
        guard count > 1 else { return [.single] }
        let regionalShare = 0.6 / Double(count - 1)
        return [SiteProfile(number: 1, name: "academic centre", share: 0.4, cancerFactor: 1.6, advancedStageFactor: 1.5)]
            + (2...count).map {
                SiteProfile(number: $0, name: "regional hospital \($0 - 1)", share: regionalShare,
                            cancerFactor: 0.6, advancedStageFactor: 0.75)
            }
    }
}
