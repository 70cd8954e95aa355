import Foundation

/// What a coordinator has done of a study so far, kept in a file so a run that stopped (a crash, a network cut, an
/// operator's Ctrl-C) resumes where it was: the finished analyses are not asked of the nodes again, and a running
/// Newton fit or learning loop goes on from its last iterate. Holds pooled numbers only, as the result does.
struct StudyState: Codable {
    /// The state belongs to exactly one study document.
    var hash: String
    var started: Date
    var finished: [AnalysisResult]
    var running: RunningAnalysis?

    /// The iterate of the analysis under way.
    struct RunningAnalysis: Codable {
        var id: String
        var levels: [String: [String]]?
        /// Newton: β at the last gather, and gathers made so far.
        var beta: [Double]?
        var gathers: Int?
        /// Learning: the global weights after `round` rounds, and the standardisation.
        var weights: [Double]?
        var round: Int?
        var centers: [Double]?
        var scales: [Double]?
        /// Learning: Σ n_k training subjects of the last round.
        var trainingRows: Int?
    }

    /// Reads the state at `url` for the study `hash`: nil when there is no file; refuses a state of another study.
    static func load(from url: URL, hash: String) throws -> StudyState? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let state: StudyState
        do {
            state = try decoder.decode(StudyState.self, from: Data(contentsOf: url))
        } catch {
            throw FederationError("state-unreadable", "\(url.path): the study state cannot be read (\(error)); move it away to start afresh")
        }
        guard state.hash == hash else {
            throw FederationError("state-other-study", "\(url.path) is the state of study \(state.hash.prefix(12))…, not of this study "
                + "(\(hash.prefix(12))…): give another --state file or remove it")
        }
        return state
    }

    /// Writes atomically: a temporary file beside the target, then a rename, so a crash leaves the old state or the new.
    func save(to url: URL) throws {
        let data = try Self.encoder.encode(self)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw FederationError("state-write", "\(url.path): cannot replace the study state (errno \(errno))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error is FederationError { throw error }
            throw FederationError("state-write", "\(url.path): cannot write the study state (\(error.localizedDescription))")
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}
