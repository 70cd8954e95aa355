import ArgumentParser
import Evidence
import Foundation

/// What every `optima analyze` command shares: settings from a file instead of flags, and how the result comes
/// back — text for people, JSON for machines, and a picture.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "A JSON settings file (keys as in the JSON output's \"settings\"); replaces the analysis's flags.")
    var settings: String?

    @Flag(help: "Print the result as one JSON document (every count governed: below the minimum it reads \"<5\").")
    var json = false

    @Option(help: "Write the analysis's picture to this SVG file.")
    var svg: String?

    /// Prints `result` as JSON or as `text`, and writes `picture` when asked, atomically.
    func emit<Result: Encodable>(_ result: Result, text: () -> String, picture: () -> String?) throws {
        if let svg {
            guard let document = picture() else { throw ValidationError("this analysis has no picture to write to \(svg)") }
            try Data(document.utf8).write(to: URL(fileURLWithPath: svg), options: .atomic)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            Terminal.printJSON(try encoder.encode(result))
        } else {
            print(text())
        }
    }

    /// The settings from `--settings` when given (the file named in any error), else from the flags.
    func resolve<Settings: Decodable>(_ type: Settings.Type, fromFlags: () throws -> Settings) throws -> Settings {
        guard let path = settings else { return try fromFlags() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw ValidationError("cannot read settings \(path): \(error.localizedDescription)") }
        do { return try AnalysisSettings.decode(type, from: data) } catch {
            throw ValidationError("settings \(path): \(error)")
        }
    }
}
