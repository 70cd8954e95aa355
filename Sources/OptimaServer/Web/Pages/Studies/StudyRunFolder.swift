import Federation
import Foundation

/// One coordinator run in the studies folder (`optima study run --out DIR/NAME --state DIR/NAME/state.json`): a
/// subfolder with `result.json` once the run has finished, and `state.json` while it goes on or after it stopped.
struct StudyRunFolder {
    static let resultFile = "result.json"
    static let stateFile = "state.json"

    let name: String
    /// The finished run; nil while it runs, or when the file does not read (`problem` says why).
    let result: StudyResult?
    /// The run's `result.md`, when written.
    let markdown: String?
    /// The state of a run without a result: when it started and how many analyses are done.
    let running: (started: Date, analysesDone: Int)?
    let problem: String?

    /// When the run finished, or started while it runs.
    var when: Date? { result?.finished ?? running?.started }

    /// Every run under `directory`, newest first; none when the folder is missing.
    static func all(in directory: URL) -> [StudyRunFolder] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter(isFolderName).compactMap { read($0, in: directory) }
            .sorted { ($0.when ?? .distantPast, $1.name) > ($1.when ?? .distantPast, $0.name) }
    }

    /// The run in the folder `name`; nil when there is none. A name that could leave the studies folder (a slash,
    /// `..`, a leading dot) is never looked up.
    static func named(_ name: String, in directory: URL) -> StudyRunFolder? {
        isFolderName(name) ? read(name, in: directory) : nil
    }

    static func isFolderName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 255 && !name.hasPrefix(".") && !name.contains("..")
            && !name.contains { $0 == "/" || $0 == "\\" || $0 == "\0" || $0.isNewline }
    }

    private static func read(_ name: String, in directory: URL) -> StudyRunFolder? {
        let folder = directory.appendingPathComponent(name, isDirectory: true)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let resultURL = folder.appendingPathComponent(resultFile), stateURL = folder.appendingPathComponent(stateFile)
        if manager.fileExists(atPath: resultURL.path) {
            let markdown = try? String(contentsOf: folder.appendingPathComponent("result.md"), encoding: .utf8)
            do {
                return StudyRunFolder(name: name, result: try StudyResult(json: Data(contentsOf: resultURL)), markdown: markdown, running: nil, problem: nil)
            } catch {
                return StudyRunFolder(name: name, result: nil, markdown: nil, running: nil,
                                      problem: "\(resultFile) does not read as a study result (\(type(of: error)))")
            }
        }
        guard manager.fileExists(atPath: stateURL.path) else { return nil }
        guard let data = try? Data(contentsOf: stateURL), let state = try? RunState.decoder.decode(RunState.self, from: data) else {
            return StudyRunFolder(name: name, result: nil, markdown: nil, running: nil, problem: "\(stateFile) does not read as a study state")
        }
        return StudyRunFolder(name: name, result: nil, markdown: nil, running: (state.started, state.finished.count), problem: nil)
    }

    /// The part of a coordinator's state file the page shows (the file holds pooled numbers only).
    private struct RunState: Decodable {
        struct Finished: Decodable {
            let id: String
        }

        let started: Date
        let finished: [Finished]

        static let decoder: JSONDecoder = {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return decoder
        }()
    }
}
