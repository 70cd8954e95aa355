import ArgumentParser
import Evidence
import Foundation

/// How every `optima analyze` command hands back its result: text for people, JSON for machines, and a picture.
struct AnalysisOutputOptions: ParsableArguments {
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

    /// Settings from a JSON file, with the file named in any error.
    static func settings<Settings: Decodable>(_ type: Settings.Type, from path: String) throws -> Settings {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw ValidationError("cannot read settings \(path): \(error.localizedDescription)") }
        do { return try AnalysisSettings.decode(type, from: data) } catch {
            throw ValidationError("settings \(path): \(error)")
        }
    }
}
