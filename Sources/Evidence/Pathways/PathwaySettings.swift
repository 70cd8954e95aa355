import Foundation
import Governance

/// A treatment pathway analysis as ATLAS's Cohort Pathways defines one: the eras of the event cohorts that start
/// within a person's target cohort era, in the order they happen, overlapping eras combined into one step.
/// Defaults are ATLAS's for a new analysis (combination window 0 days, 5 steps, no repeats).
public struct PathwaySettings: Sendable, Codable, Hashable {
    public var target: Int64
    /// The event cohorts; a combination step lists its events in this order.
    public var events: [PathwayEvent]
    /// Dates of one person closer than this many days are moved onto the first of them, so that treatments
    /// started (or stopped) within the window count as taken together (0: dates are left as they are).
    public var combinationWindow: Int
    /// Eras covering fewer days than this are dropped before anything else (0: none are).
    public var minimumEraDays: Int
    /// The steps kept of each pathway (WebAPI keeps at most 10).
    public var maxDepth: Int
    /// Whether a step may recur later in a pathway (an immediate repeat never counts).
    public var allowRepeats: Bool
    /// Paths followed by fewer persons are summed into "other paths"; every count below it is suppressed.
    public var minimumCount: Int

    public init(target: Int64, events: [PathwayEvent], combinationWindow: Int = 0, minimumEraDays: Int = 0, maxDepth: Int = 5,
                allowRepeats: Bool = false, minimumCount: Int = SmallCellCount.defaultMinimum) {
        self.target = target
        self.events = events
        self.combinationWindow = combinationWindow
        self.minimumEraDays = minimumEraDays
        self.maxDepth = maxDepth
        self.allowRepeats = allowRepeats
        self.minimumCount = minimumCount
    }

    enum CodingKeys: String, CodingKey {
        case target, events
        case combinationWindow = "combination_window", minimumEraDays = "minimum_era_days", maxDepth = "max_depth"
        case allowRepeats = "allow_repeats", minimumCount = "minimum_count"
    }

    /// Settings from JSON, where `target` and `events` are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PathwaySettings(target: try c.decode(Int64.self, forKey: .target), events: try c.decode([PathwayEvent].self, forKey: .events))
        self.init(target: defaults.target, events: defaults.events,
                  combinationWindow: try c.decodeIfPresent(Int.self, forKey: .combinationWindow) ?? defaults.combinationWindow,
                  minimumEraDays: try c.decodeIfPresent(Int.self, forKey: .minimumEraDays) ?? defaults.minimumEraDays,
                  maxDepth: try c.decodeIfPresent(Int.self, forKey: .maxDepth) ?? defaults.maxDepth,
                  allowRepeats: try c.decodeIfPresent(Bool.self, forKey: .allowRepeats) ?? defaults.allowRepeats,
                  minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? defaults.minimumCount)
    }

    func validate() throws {
        guard !events.isEmpty else { throw EvidenceError("events: a pathway needs at least one event cohort") }
        var cohorts: Set<Int64> = []
        for (index, event) in events.enumerated() {
            guard cohorts.insert(event.cohort).inserted else { throw EvidenceError("events[\(index)]: cohort \(event.cohort) is listed twice") }
            if let name = event.name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw EvidenceError("events[\(index)]: the name of cohort \(event.cohort) is empty")
            }
        }
        guard combinationWindow >= 0 else { throw EvidenceError("combination_window must not be negative (\(combinationWindow))") }
        guard minimumEraDays >= 0 else { throw EvidenceError("minimum_era_days must not be negative (\(minimumEraDays))") }
        guard (1...10).contains(maxDepth) else { throw EvidenceError("max_depth must be 1 to 10 (\(maxDepth))") }
        guard minimumCount >= 1 else { throw EvidenceError("minimum_count must be at least 1 (\(minimumCount))") }
    }
}
