import Foundation
import Yams

/// Reads a YAML configuration file (a node's `node.yaml`, a coordinator's `network.yaml`) into `File`, with errors
/// that name the file and the field, and relative paths in it resolved against the file's folder.
struct YAMLFile<File: Decodable> {
    let path: String
    let file: File
    private let folder: URL

    /// - Parameters:
    ///   - code: the `FederationError` code of every problem with this kind of file.
    ///   - fields: the top-level fields such a file may have; another is refused by name (a misspelt optional
    ///     field would otherwise be silently ignored and its default taken).
    ///   - kind: what such a file is, for that message ("a node configuration").
    init(_ url: URL, code: String, fields: [String], kind: String) throws {
        path = url.path
        folder = url.deletingLastPathComponent()
        let fail = { (message: String) in FederationError(code, "\(url.path): \(message)") }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw fail("cannot be read (\(error.localizedDescription))")
        }
        if let keys = (try? Yams.load(yaml: text)) as? [String: Any] {
            let unknown = keys.keys.filter { !fields.contains($0) }.sorted()
            if !unknown.isEmpty { throw fail(unknown.map { "\($0): not a field of \(kind)" }.joined(separator: "; ")) }
        }
        do { file = try YAMLDecoder().decode(File.self, from: text) } catch let error as DecodingError {
            throw fail(String(StudySpecification.describe(error).drop { $0 == "." }))
        } catch {
            throw fail("not YAML (\(error))")
        }
    }

    /// A path as written in the file, made absolute against the file's folder.
    func resolve(_ file: String) -> String {
        file.hasPrefix("/") ? file : folder.appendingPathComponent(file).standardizedFileURL.path
    }
}
