import Foundation

/// The vocabulary subset the generator writes: every concept it uses, with the 'Is a' hierarchy and the
/// 'Maps to' links that make descendant and mapped concept-set queries work on generated data.
/// Read from the package resource `optima-oncology-vocabulary.tsv`.
public struct OncologyVocabulary: Sendable {
    public let concepts: [VocabularyConcept]
    private let byID: [Int64: VocabularyConcept]

    /// The shipped subset.
    public static func shipped() throws -> OncologyVocabulary {
        guard let url = Bundle.module.url(forResource: "optima-oncology-vocabulary", withExtension: "tsv") else {
            throw VocabularyError(line: 0, reason: "the resource optima-oncology-vocabulary.tsv is missing from the build")
        }
        return try OncologyVocabulary(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// Parses the tab-separated form: a header, then one concept per line; `#` lines are comments.
    public init(tsv: String) throws {
        var concepts: [VocabularyConcept] = []
        var sawHeader = false
        for (offset, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 9 else {
                throw VocabularyError(line: number, reason: "expected 9 tab-separated cells, found \(cells.count)")
            }
            if !sawHeader {
                sawHeader = true
                continue
            }
            guard let id = Int64(cells[0]) else { throw VocabularyError(line: number, reason: "concept_id is not an integer") }
            let parents = try cells[7].split(separator: " ").map { text in
                guard let parent = Int64(text) else { throw VocabularyError(line: number, reason: "parent \(text) is not an integer") }
                return parent
            }
            let mapsTo = cells[8].isEmpty ? nil : Int64(cells[8])
            if !cells[8].isEmpty && mapsTo == nil { throw VocabularyError(line: number, reason: "maps_to is not an integer") }
            concepts.append(VocabularyConcept(
                id: id, name: cells[1], domain: cells[2], vocabulary: cells[3], conceptClass: cells[4],
                standard: cells[5].isEmpty ? nil : cells[5], code: cells[6], parents: parents, mapsTo: mapsTo))
        }
        var byID: [Int64: VocabularyConcept] = [:]
        for concept in concepts {
            guard byID.updateValue(concept, forKey: concept.id) == nil else {
                throw VocabularyError(line: 0, reason: "concept \(concept.id) is listed twice")
            }
        }
        for concept in concepts {
            for other in concept.parents + (concept.mapsTo.map { [$0] } ?? []) where byID[other] == nil {
                throw VocabularyError(line: 0, reason: "concept \(concept.id) refers to \(other), which is not listed")
            }
        }
        self.concepts = concepts
        self.byID = byID
    }

    public func concept(_ id: Int64) -> VocabularyConcept? {
        byID[id]
    }

    /// `concept_ancestor` rows: every (ancestor, descendant) pair of the 'Is a' closure with the fewest and
    /// most levels between them, and each standard concept as its own ancestor at level 0 (OMOP convention).
    public func ancestors() -> [(ancestor: Int64, descendant: Int64, minLevels: Int, maxLevels: Int)] {
        var rows: [(Int64, Int64, Int, Int)] = []
        for concept in concepts where concept.standard != nil {
            var levels: [Int64: (Int, Int)] = [concept.id: (0, 0)]
            var frontier: [(Int64, Int)] = [(concept.id, 0)]
            while let (current, depth) = frontier.popLast() {
                for parent in byID[current]?.parents ?? [] {
                    let known = levels[parent]
                    levels[parent] = (min(known?.0 ?? .max, depth + 1), max(known?.1 ?? 0, depth + 1))
                    frontier.append((parent, depth + 1))
                }
            }
            for (ancestor, level) in levels.sorted(by: { $0.key < $1.key }) {
                rows.append((ancestor, concept.id, level.0, level.1))
            }
        }
        return rows
    }

    /// `concept_relationship` rows: 'Is a' / 'Subsumes' for each parent link, 'Maps to' / 'Mapped from'
    /// from every concept to its standard concept (itself when standard).
    public func relationships() -> [(from: Int64, to: Int64, relationship: String)] {
        var rows: [(Int64, Int64, String)] = []
        for concept in concepts {
            for parent in concept.parents {
                rows.append((concept.id, parent, "Is a"))
                rows.append((parent, concept.id, "Subsumes"))
            }
            if let target = concept.mapsTo ?? (concept.standard == "S" ? concept.id : nil) {
                rows.append((concept.id, target, "Maps to"))
                rows.append((target, concept.id, "Mapped from"))
            }
        }
        return rows
    }
}

/// A fault in the vocabulary file, with its line.
public struct VocabularyError: Error, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public var description: String {
        line > 0 ? "optima-oncology-vocabulary.tsv:\(line): \(reason)" : "optima-oncology-vocabulary.tsv: \(reason)"
    }
}
