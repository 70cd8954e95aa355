/// What `optima generate` was asked for.
public struct GenerationSettings: Sendable, Equatable {
    public var persons: Int
    public var seed: UInt64
    /// Share of persons with one of the three cancers (before a site's case-mix factor).
    public var cancerFraction: Double
    public var sites: Int

    public static let defaultCancerFraction = 0.25

    public init(persons: Int, seed: UInt64, cancerFraction: Double = defaultCancerFraction, sites: Int = 1) {
        self.persons = persons
        self.seed = seed
        self.cancerFraction = cancerFraction
        self.sites = sites
    }

    /// Checks the settings before anything is written.
    public func validate() throws {
        guard persons >= 1 else { throw GenerationError.invalid("--persons must be at least 1") }
        guard persons <= 20_000_000 else { throw GenerationError.invalid("--persons must be at most 20,000,000 (CDM ids are 32-bit)") }
        guard (0...1).contains(cancerFraction) else { throw GenerationError.invalid("--cancer-fraction must be between 0 and 1") }
        guard (1...50).contains(sites) else { throw GenerationError.invalid("--sites must be between 1 and 50") }
        guard persons >= sites else { throw GenerationError.invalid("--persons must be at least --sites") }
    }

    /// The person indices of each site: consecutive ranges, so person ids stay unique across the network.
    public func siteRanges() -> [(site: SiteProfile, persons: Range<Int>)] {
        let profiles = SiteProfile.network(sites)
        var start = 0
        return profiles.enumerated().map { offset, profile in
            let count = offset == profiles.count - 1 ? persons - start : Int((Double(persons) * profile.share).rounded())
            defer { start += count }
            return (profile, start..<(start + count))
        }
    }
}

/// A generation that cannot start; nothing has been written.
public enum GenerationError: Error, CustomStringConvertible {
    case invalid(String)
    case notEmpty(String)

    public var description: String {
        switch self {
        case .invalid(let reason), .notEmpty(let reason): reason
        }
    }
}
