import Foundation

extension StudyResult {
    /// Writes `result.json` (every number), `result.md` (a summary for people) and the SVG pictures into `directory`,
    /// creating it when missing.
    public func write(to directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try jsonDocument().write(to: directory.appendingPathComponent("result.json"), options: .atomic)
            try Data(markdown().utf8).write(to: directory.appendingPathComponent("result.md"), options: .atomic)
            for analysis in analyses {
                for chart in analysis.charts() {
                    try Data(chart.svg.utf8).write(to: directory.appendingPathComponent(chart.file), options: .atomic)
                }
            }
        } catch {
            throw FederationError("result-write", "\(directory.path): cannot write the study result (\(error.localizedDescription))")
        }
    }

    /// The result as one JSON document (keys sorted; infinities and NaN as strings).
    public func jsonDocument() throws -> Data {
        try StudyState.encoder.encode(self)
    }

    /// Reads a `result.json`.
    public init(json: Data) throws {
        self = try StudyState.decoder.decode(StudyResult.self, from: json)
    }
}
