import CDMTestSupport
import Foundation
import Testing

/// `optima site show|set`: a data steward sets the minimum cell count once; the command refuses values that
/// would disable disclosure control and warns below the usual 5.
@Suite struct SiteCommandTests {
    static var executable: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("optima").path
        if FileManager.default.fileExists(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/optima").path
    }

    func optima(_ arguments: [String]) throws -> ExternalProgram.Result {
        try ExternalProgram.run([Self.executable] + arguments)
    }

    func shownMinimum(_ url: String) throws -> Int? {
        let run = try optima(["site", "show", "--json", "--db", url])
        #expect(run.status == 0, "\(run.errors)")
        let document = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        return document?["minimum_cell_count"] as? Int
    }

    @Test(arguments: TestDatabases.backends)
    func setThenShow(_ backend: TestDatabases.Backend) throws {
        let url = try TestDatabases.makeLocation(backend)
        #expect(try optima(["init", "--db", url]).status == 0)
        #expect(try shownMinimum(url) == 5, "the default before anyone sets it")
        let set = try optima(["site", "set", "--min-cell-count", "11", "--db", url])
        #expect(set.status == 0 && set.output.contains("set to 11") && set.errors.isEmpty, "\(set.errors)")
        #expect(try shownMinimum(url) == 11)
        #expect(try optima(["site", "show", "--db", url]).output.contains("Minimum cell count: 11"))
        let low = try optima(["site", "set", "--min-cell-count", "3", "--db", url])
        #expect(low.status == 0 && low.errors.contains("below the usual 5"), "\(low.errors)")
        #expect(try shownMinimum(url) == 3)
    }

    @Test func valuesThatDisableControlAreRefused() throws {
        let url = try TestDatabases.makeLocation(.sqlite)
        #expect(try optima(["init", "--db", url]).status == 0)
        for value in ["1", "0"] {
            let run = try optima(["site", "set", "--min-cell-count", value, "--db", url])
            #expect(run.status != 0 && run.errors.contains("would disclose every count"), "\(value): \(run.errors)")
        }
        #expect(try shownMinimum(url) == 5, "a refused value changes nothing")
    }
}
