import CDMStore
import OMOP

struct EpisodeEventRows: RowEmitter {
    static let tableName = "episode_event"
    let episode, event, field: Int

    init(table: CDMTable, codes: [Int64: String]) {
        episode = table.position("episode_id")
        event = table.position("event_id")
        field = table.position("episode_event_field_concept_id")
    }

    func count(in history: PersonHistory) -> Int { history.episodeEvents.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let link = history.episodeEvents[position]
        let target = ids.target(link.event)
        row.set(episode, .integer(ids.episode(link.episode)))
        row.set(event, .integer(target.id))
        row.set(field, .integer(target.field))
    }
}
