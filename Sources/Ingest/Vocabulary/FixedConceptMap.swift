import Foundation

/// FHIR codes whose OMOP concept the vocabulary tables do not give (administrative gender, US Core race and
/// ethnicity, encounter class) or that the importer fixes itself (staging values → Cancer Modifier concepts).
/// Read from the versioned resource `fhir-concept-map.tsv`, so a change of mapping is a reviewed file change.
public struct FixedConceptMap: Sendable {
    /// What a fixed mapping is for: the same code can mean different things in different places.
    public enum Purpose: String, Sendable, CaseIterable {
        case gender, race, ethnicity, visit, modifier
    }

    /// The file's version line, e.g. "optima-fhir-concept-map 1 (2026-11-27)", for the mapping report.
    public let version: String
    private let concepts: [Key: Int64]

    private struct Key: Hashable {
        let purpose: Purpose
        let system: String
        let code: String
    }

    /// The file shipped with Optima.
    public static func shipped() throws -> FixedConceptMap {
        guard let url = Bundle.module.url(forResource: "fhir-concept-map", withExtension: "tsv") else {
            throw FixedConceptMapError(line: 0, reason: "the resource fhir-concept-map.tsv is missing from the build")
        }
        return try FixedConceptMap(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// Parses the tab-separated form: `#` comments (the first names the version), a header, then
    /// `purpose system code concept_id note` rows.
    public init(tsv: String) throws {
        var version: String?
        var concepts: [Key: Int64] = [:]
        var sawHeader = false
        for (offset, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.hasPrefix("#") {
                if version == nil, let range = line.range(of: "optima-fhir-concept-map ") {
                    version = line[range.lowerBound...].prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5 else {
                throw FixedConceptMapError(line: number, reason: "expected 5 tab-separated cells, found \(cells.count)")
            }
            if !sawHeader {
                sawHeader = true
                continue
            }
            guard let purpose = Purpose(rawValue: cells[0]) else {
                throw FixedConceptMapError(line: number, reason: "unknown purpose '\(cells[0])'")
            }
            guard !cells[1].isEmpty, !cells[2].isEmpty else {
                throw FixedConceptMapError(line: number, reason: "system and code must not be empty")
            }
            guard let conceptID = Int64(cells[3]) else {
                throw FixedConceptMapError(line: number, reason: "concept_id '\(cells[3])' is not an integer")
            }
            let key = Key(purpose: purpose, system: CodeSystem.key(cells[1]), code: cells[2])
            guard concepts.updateValue(conceptID, forKey: key) == nil else {
                throw FixedConceptMapError(line: number, reason: "\(cells[0]) \(cells[1])|\(cells[2]) is listed twice")
            }
        }
        guard let version else {
            throw FixedConceptMapError(line: 0, reason: "no '# optima-fhir-concept-map <version>' comment")
        }
        self.version = version
        self.concepts = concepts
    }

    /// The concept of a code for a purpose; nil when the file does not list it (the caller writes 0).
    public func concept(_ purpose: Purpose, _ code: SourceCode) -> Int64? {
        concepts[Key(purpose: purpose, system: CodeSystem.key(code.system), code: code.code)]
    }

    /// Every concept id the file names, for checks against a vocabulary.
    public var conceptIDs: Set<Int64> {
        Set(concepts.values)
    }
}
