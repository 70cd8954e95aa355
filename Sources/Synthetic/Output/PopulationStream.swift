import CDMStore
import OMOP

/// The rows of one table for a range of persons, simulated one person at a time as the load asks
/// for rows: memory stays flat whatever the number of persons.
final class PopulationStream<Emitter: RowEmitter> {
    private let simulator: PersonSimulator
    private let emitter: Emitter
    private var history = PersonHistory()
    private var ids = RowIDs()
    private var nextPerson: Int
    private let end: Int
    private var position = 0
    private var count = 0
    private var started = false

    init(simulator: PersonSimulator, persons: Range<Int>, emitter: Emitter) {
        self.simulator = simulator
        self.emitter = emitter
        nextPerson = persons.lowerBound
        end = persons.upperBound
    }

    /// Fills the next row; false when every person's rows are out.
    func produce(_ row: inout RowBuilder) -> Bool {
        while position >= count {
            if started { ids.advance(past: history) }
            guard nextPerson < end else { return false }
            simulator.simulate(nextPerson, into: &history)
            nextPerson += 1
            started = true
            count = emitter.count(in: history)
            position = 0
        }
        emitter.fill(position, of: history, ids: ids, into: &row)
        position += 1
        return true
    }

    /// A table load that streams this table's rows.
    static func load(simulator: PersonSimulator, persons: Range<Int>, codes: [Int64: String]) -> TableLoad {
        load(simulator: simulator, persons: persons, emitter: Emitter(table: CDMSchema.v54.table(named: Emitter.tableName)!, codes: codes))
    }

    /// A table load that streams the rows of an emitter set up by the caller.
    static func load(simulator: PersonSimulator, persons: Range<Int>, emitter: Emitter) -> TableLoad {
        let table = CDMSchema.v54.table(named: Emitter.tableName)!
        return TableLoad(table: table) {
            let stream = PopulationStream(simulator: simulator, persons: persons, emitter: emitter)
            return GeneratedRows(table: table, name: "generated \(table.name) rows", produce: stream.produce)
        }
    }
}
