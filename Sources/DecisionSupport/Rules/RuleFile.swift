import Foundation

/// The versioned data files under `Resources/` that hold guideline tables and model coefficients: code
/// evaluates them, and each file names its source and edition.
public enum RuleFile {
    /// The URL of a bundled rule file, e.g. `lung-tnm8-stage.tsv`.
    public static func url(_ name: String) throws -> URL {
        guard let base = Bundle.module.resourceURL else { throw RuleFileError(file: name, reason: "the resource bundle is missing") }
        // The bundle holds the copied `Resources` folder; Linux Foundation takes that folder itself as the
        // resource URL, Darwin the bundle's top.
        let candidates = [base.appendingPathComponent(name), base.appendingPathComponent("Resources").appendingPathComponent(name)]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw RuleFileError(file: name, reason: "not found in the bundle")
        }
        return url
    }

    /// The text of a bundled rule file.
    public static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// A bundled JSON rule file decoded as `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: url(name)))
        } catch let error as RuleFileError {
            throw error
        } catch {
            throw RuleFileError(file: name, reason: "\(error)")
        }
    }
}

/// A bundled rule file that is missing or does not read: a packaging fault, named with the file.
public struct RuleFileError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String

    public var description: String { "rule file \(file): \(reason)" }
}
