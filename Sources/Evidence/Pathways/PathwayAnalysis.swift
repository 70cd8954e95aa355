import Governance

/// The result of a pathway analysis: how many of the target cohort followed each sequence of event cohorts,
/// most followed first. Paths followed by fewer than the minimum count are summed into `otherPaths` rather
/// than listed. The paths and other paths add up to the persons with a pathway, and with the persons without one
/// to the target's persons, so they are governed together (`CellSuppression`): when "other paths" is small,
/// the least followed listed path is hidden too; when the persons without a pathway are few, the persons with
/// one are hidden (the target's size would give them away), and so is a path.
public struct PathwayAnalysis: Sendable, Encodable {
    public let settings: PathwaySettings
    public let target: String
    /// The event cohorts' names, in settings order.
    public let events: [String]
    /// Distinct persons in the target cohort (WebAPI counts the cohort's rows; they differ only for a cohort
    /// that lets a person enter more than once).
    public let targetPersons: SmallCellCount
    /// Persons with at least one step.
    public let personsWithPathway: SmallCellCount
    public let paths: [PathwayRow]
    /// Persons on the paths too rare to list, together.
    public let otherPaths: SmallCellCount
    public let otherShare: Double?

    enum CodingKeys: String, CodingKey {
        case settings, target, events, paths
        case targetPersons = "target_persons", personsWithPathway = "persons_with_pathway"
        case otherPaths = "other_paths", otherShare = "other_share"
    }

    /// Governs `counts` (persons per path, a step being event positions) under the settings' minimum count.
    init(settings: PathwaySettings, target: String, events: [String], targetPersons: Int, counts: [[[Int]]: Int]) {
        let minimum = settings.minimumCount
        func share(_ persons: Int) -> Double? {
            persons >= minimum && targetPersons >= minimum ? Double(persons) / Double(targetPersons) : nil
        }
        self.settings = settings
        self.target = target
        self.events = events
        self.targetPersons = SmallCellCount(targetPersons, minimum: minimum)
        let treated = counts.values.reduce(0, +), untreated = targetPersons - treated
        // With and without a pathway add up to the target: a small "without" hides "with".
        personsWithPathway = CellSuppression.group([treated, untreated], minimum: minimum)[0]
        let named = counts.map { path, persons in (steps: path.map { $0.map { events[$0] } }, persons: persons) }
        let listed = named.filter { $0.persons >= minimum }.sorted { a, b in
            a.persons != b.persons ? a.persons > b.persons : a.steps.lexicographicallyPrecedes(b.steps) { $0.lexicographicallyPrecedes($1) }
        }
        let other = named.filter { $0.persons < minimum }.reduce(0) { $0 + $1.persons }
        // Cells: the listed paths, other paths, the untreated; lines: all of them (the target), and all but the
        // untreated when the persons with a pathway are shown.
        let cells = listed.map(\.persons) + [other, untreated]
        let lines = [Array(cells.indices)] + (personsWithPathway.value == nil ? [] : [Array(0...listed.count)])
        let governed = CellSuppression.govern(cells, lines: lines, minimum: minimum)
        paths = listed.indices.map { PathwayRow(steps: listed[$0].steps, persons: governed[$0], share: governed[$0].value.flatMap(share)) }
        otherPaths = governed[listed.count]
        otherShare = otherPaths.value.flatMap(share)
    }
}
