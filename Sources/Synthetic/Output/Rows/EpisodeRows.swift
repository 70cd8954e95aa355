import CDMStore
import OMOP

/// Disease episodes (first occurrence, progression) and treatment regimens, lines numbered.
struct EpisodeRows: RowEmitter {
    static let tableName = "episode"
    let id, person, concept, start, end, parent, number, object, type, source: Int

    init(table: CDMTable, codes: [Int64: String]) {
        id = table.position("episode_id")
        person = table.position("person_id")
        concept = table.position("episode_concept_id")
        start = table.position("episode_start_date")
        end = table.position("episode_end_date")
        parent = table.position("episode_parent_id")
        number = table.position("episode_number")
        object = table.position("episode_object_concept_id")
        type = table.position("episode_type_concept_id")
        source = table.position("episode_source_value")
    }

    func count(in history: PersonHistory) -> Int { history.episodes.count }

    func fill(_ position: Int, of history: PersonHistory, ids: RowIDs, into row: inout RowBuilder) {
        let episode = history.episodes[position]
        row.set(id, .integer(ids.episode(position)))
        row.set(person, .integer(ids.person(history)))
        row.set(concept, .integer(episode.concept))
        row.set(start, .date(episode.start))
        row.set(end, episode.end.map(SQLValue.date) ?? .null)
        row.set(parent, episode.parent.map { .integer(ids.episode($0)) } ?? .null)
        row.set(number, episode.number.map { .integer(Int64($0)) } ?? .null)
        row.set(object, .integer(episode.object))
        row.set(type, .integer(ConceptID.TypeConcept.episodeFromRegistry))
        row.set(source, .text(episode.sourceValue))
    }
}
