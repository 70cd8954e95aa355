import OMOP

/// ETL-Synthea's visit rules (fhir-to-omop reference §2.2), applied to one person's encounters:
/// inpatient stays less than a day apart merge; emergency encounters starting the same day form one
/// visit; other encounters of the same kind starting the same day form one visit; and emergency or
/// outpatient visits inside an inpatient stay fold into it. Pure: the pass around it does the I/O.
struct VisitMerge {
    struct Encounter {
        let id: Int64
        let concept: Int64
        let start: CDMDate
        let end: CDMDate
        let startTime: CDMDateTime?
        let endTime: CDMDateTime?
    }

    /// The visit an encounter becomes: the first encounter of its group, with the group's span.
    struct Assignment: Equatable {
        let encounter: Int64
        let visit: Int64
        let start: CDMDate
        let end: CDMDate
        let startTime: CDMDateTime?
        let endTime: CDMDateTime?
    }

    private final class Group {
        var members: [Encounter]
        var start: CDMDate
        var end: CDMDate
        var startTime: CDMDateTime?
        var endTime: CDMDateTime?

        init(_ first: Encounter) {
            members = [first]
            start = first.start
            end = first.end
            startTime = first.startTime
            endTime = first.endTime
        }

        func add(_ encounter: Encounter) {
            members.append(encounter)
            if encounter.start < start || (encounter.start == start && (encounter.startTime ?? .init(date: start)) < (startTime ?? .init(date: start))) {
                start = encounter.start
                startTime = encounter.startTime
            }
            if encounter.end > end || (encounter.end == end && (encounter.endTime ?? .init(date: end)) > (endTime ?? .init(date: end))) {
                end = encounter.end
                endTime = encounter.endTime
            }
        }

        var visit: Int64 { members.map(\.id).min()! }
    }

    /// Assigns every encounter of one person to its visit.
    static func assign(_ encounters: [Encounter]) -> [Assignment] {
        let sorted = encounters.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        var stays: [Group] = []
        for encounter in sorted where encounter.concept == ConceptID.Visit.inpatient {
            if let last = stays.last, encounter.start <= last.end.adding(days: 1) {
                last.add(encounter)
            } else {
                stays.append(Group(encounter))
            }
        }
        var sameDay: [String: Group] = [:]
        var others: [Group] = []
        for encounter in sorted where encounter.concept != ConceptID.Visit.inpatient {
            if let stay = stays.first(where: { $0.start <= encounter.start && encounter.end <= $0.end }) {
                stay.add(encounter)
                continue
            }
            let key = "\(encounter.concept)-\(encounter.start.daysSinceEpoch)"
            if let group = sameDay[key] {
                group.add(encounter)
            } else {
                let group = Group(encounter)
                sameDay[key] = group
                others.append(group)
            }
        }
        return (stays + others).flatMap { group in
            group.members.map { Assignment(encounter: $0.id, visit: group.visit, start: group.start, end: group.end,
                                           startTime: group.startTime, endTime: group.endTime) }
        }
    }
}
