import OMOP

/// The ids of one person's records: how many rows of each table came before the person. Every pass
/// over the population advances the same counters, so a table written in one pass and a reference to
/// it written in another agree.
struct RowIDs {
    var visit = 0
    var condition = 0
    var measurement = 0
    var procedure = 0
    var drug = 0
    var episode = 0

    mutating func advance(past history: PersonHistory) {
        visit += history.visits.count
        condition += history.conditions.count
        measurement += history.measurements.count
        procedure += history.procedures.count
        drug += history.drugs.count
        episode += history.episodes.count
    }

    func person(_ history: PersonHistory) -> Int64 { Int64(history.personIndex + 1) }
    func visit(_ position: Int?) -> Int64? { position.map { Int64(visit + $0 + 1) } }
    func condition(_ position: Int) -> Int64 { Int64(condition + position + 1) }
    func measurement(_ position: Int) -> Int64 { Int64(measurement + position + 1) }
    func procedure(_ position: Int) -> Int64 { Int64(procedure + position + 1) }
    func drug(_ position: Int) -> Int64 { Int64(drug + position + 1) }
    func episode(_ position: Int) -> Int64 { Int64(episode + position + 1) }

    /// The id and field concept of a linked record.
    func target(_ target: PersonHistory.Target) -> (id: Int64, field: Int64) {
        switch target {
        case .condition(let position): (condition(position), ConceptID.Field.conditionOccurrenceID)
        case .procedure(let position): (procedure(position), ConceptID.Field.procedureOccurrenceID)
        case .drug(let position): (drug(position), ConceptID.Field.drugExposureID)
        }
    }
}

