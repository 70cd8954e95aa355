import OMOP

/// Everything the generator decided about one person, before it becomes rows. Records refer to one
/// another by position (a drug's visit, an episode's events); `PopulationTables` turns positions into
/// row ids. Reused from person to person so that simulating allocates little.
struct PersonHistory {
    struct Visit {
        var concept: Int64
        var start: CDMDate
        var end: CDMDate
    }

    struct Condition {
        var concept: Int64
        var date: CDMDate
        var sourceValue: String
        var sourceConcept: Int64
        var type: Int64
        var visit: Int?
    }

    /// What a measurement modifies: the position of a condition or a procedure.
    enum Target {
        case condition(Int)
        case procedure(Int)
        case drug(Int)
    }

    struct Measurement {
        var concept: Int64
        var date: CDMDate
        var number: Double?
        var valueConcept: Int64?
        var unit: Int64?
        var visit: Int?
        var modifies: Target?
    }

    struct Procedure {
        var concept: Int64
        var date: CDMDate
        var visit: Int?
    }

    struct Drug {
        var concept: Int64
        var start: CDMDate
        var end: CDMDate
        var daysSupply: Int?
        var visit: Int?
    }

    struct Episode {
        var concept: Int64
        var start: CDMDate
        var end: CDMDate?
        var parent: Int?
        var number: Int?
        var object: Int64
        var sourceValue: String
    }

    struct EpisodeEvent {
        var episode: Int
        var event: Target
    }

    var personIndex = 0
    var gender: Int64 = 0
    var birth = CDMDate(daysSinceEpoch: 0)
    var race: Int64 = 0
    var ethnicity: Int64 = 0
    var observationStart = CDMDate(daysSinceEpoch: 0)
    var observationEnd = CDMDate(daysSinceEpoch: 0)
    var death: CDMDate?
    /// The position of the primary cancer diagnosis among `conditions`, for a cancer patient.
    var primaryDiagnosis: Int?
    var cancer: CancerType?
    var visits: [Visit] = []
    var conditions: [Condition] = []
    var measurements: [Measurement] = []
    var procedures: [Procedure] = []
    var drugs: [Drug] = []
    var episodes: [Episode] = []
    var episodeEvents: [EpisodeEvent] = []

    /// Empties the history for the next person, keeping the arrays' storage.
    mutating func reset(personIndex: Int) {
        self.personIndex = personIndex
        death = nil
        primaryDiagnosis = nil
        cancer = nil
        visits.removeAll(keepingCapacity: true)
        conditions.removeAll(keepingCapacity: true)
        measurements.removeAll(keepingCapacity: true)
        procedures.removeAll(keepingCapacity: true)
        drugs.removeAll(keepingCapacity: true)
        episodes.removeAll(keepingCapacity: true)
        episodeEvents.removeAll(keepingCapacity: true)
    }

    /// Whether a date may carry an event: inside the observation period (which ends at death).
    func isObserved(_ date: CDMDate) -> Bool {
        date >= observationStart && date <= observationEnd
    }
}
