import CDMStore
import Evidence
import Foundation

/// Replays researchers' live-edit sessions against an `ExploreEngine` (one count per edit, as the page sends them)
/// and the same queries as one SQL statement each without caches, in the same run.
enum ExploreBenchmark {
    struct Figures: Codable {
        let requests: Int
        let p50: Double
        let p95: Double
        let max: Double

        init(_ milliseconds: [Double]) {
            let sorted = milliseconds.sorted()
            func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)] }
            requests = sorted.count
            p50 = at(0.5)
            p95 = at(0.95)
            max = sorted.last ?? 0
        }

        var text: String { String(format: "%d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms", requests, p50, p95, max) }
    }

    struct Report: Codable {
        let database: String
        let machine: String
        let prepareSeconds: Double
        let coldMilliseconds: Double
        let treeTopMilliseconds: Double
        let treeExpansion: Figures
        let live: Figures
        let baseline: Figures
        let mismatches: Int

        var text: String {
            """
            Explore on \(database) (\(machine))
              prepare (indexes, once):        \(String(format: "%.1f s", prepareSeconds))
              cold first count:               \(String(format: "%.0f ms", coldMilliseconds))
              tree top level (after cold):    \(String(format: "%.0f ms", treeTopMilliseconds))
              tree expansions:                \(treeExpansion.text)
              live counts (cached criteria):  \(live.text)
              baseline (one SQL, no cache):   \(baseline.text)
              p95 ratio baseline/live:        \(String(format: "%.1f×", baseline.p95 / max(live.p95, 0.001)))
              counts differing from baseline: \(mismatches)
            """
        }
    }

    static func criterion(_ json: String) -> String { #"{"type": "subselection", "dimension": "patient", "constraint": \#(json)}"# }
    static func and(_ parts: [String]) -> String { #"{"type": "and", "args": [\#(parts.joined(separator: ", "))]}"# }
    static func concept(_ id: Int64) -> String { #"{"type": "concept", "conceptId": \#(id)}"# }
    static func age(_ op: String, _ value: String) -> String {
        #"{"type": "field", "field": {"dimension": "patient", "fieldName": "age", "type": "NUMERIC"}, "operator": "\#(op)", "value": \#(value)}"#
    }
    static func between(_ from: Int, _ to: Int) -> String {
        #"{"type": "time", "operator": "<-->", "values": ["\#(from)-01-01", "\#(to)-12-31"]}"#
    }
    static func not(_ json: String) -> String { #"{"type": "negation", "arg": \#(json)}"# }

    /// The queries of session `index`: a breast, prostate or lung cancer question built one edit at a time; thresholds
    /// and years move with the index, so later sessions compute some criteria afresh.
    static func session(_ index: Int) -> [String] {
        let shift = index / 3
        switch index % 3 {
        case 0:
            let breast = criterion(concept(4_112_853))
            let er = criterion(and([concept(36_203_168), #"{"type": "value", "valueType": "STRING", "operator": "=", "value": "Positive"}"#]))
            let tamoxifen = not(criterion(concept(1_436_678)))
            let dated = criterion(and([concept(4_112_853), between(2015 + shift % 4, 2020 + shift % 4)]))
            return [breast, and([breast, er]), and([breast, er, tamoxifen]), and([breast, er, tamoxifen, age(">=", "50")]),
                    and([dated, er, tamoxifen, age(">=", "50")]), and([dated, er, tamoxifen, age(">=", String(50 + shift % 10))])]
        case 1:
            let prostate = criterion(concept(4_163_261))
            func psa(_ above: Int) -> String {
                criterion(and([concept(3_013_603), #"{"type": "value", "valueType": "NUMERIC", "operator": ">", "value": \#(above)}"#]))
            }
            let gleason = criterion(and([concept(2_000_000_303), #"{"type": "value", "valueType": "NUMERIC", "operator": ">=", "value": 8}"#]))
            let abiraterone = not(criterion(concept(2_000_000_601)))
            return [prostate, and([prostate, psa(10 + shift % 20)]), and([prostate, psa(20 + shift % 20)]),
                    and([prostate, psa(20 + shift % 20), gleason]), and([prostate, psa(20 + shift % 20), gleason, abiraterone]),
                    and([criterion(and([concept(4_163_261), between(2012 + shift % 6, 2022)])), psa(20 + shift % 20), gleason, abiraterone])]
        default:
            let lung = criterion(concept(443_388))
            let stage = criterion(#"{"type": "concept", "conceptIds": [1634191, 1633987]}"#)
            let pembrolizumab = criterion(concept(45_775_965))
            let male = #"{"type": "field", "field": {"dimension": "patient", "fieldName": "sex", "type": "STRING"}, "operator": "=", "value": "male"}"#
            return [lung, and([lung, stage]), and([lung, stage, pembrolizumab]), and([lung, stage, pembrolizumab, age("<-->", "[60, \(80 + shift % 5)]")]),
                    and([lung, stage, pembrolizumab, age("<-->", "[60, \(80 + shift % 5)]"), male]),
                    #"{"type": "or", "args": [\#(and([lung, stage])), \#(and([lung, pembrolizumab]))]}"#]
        }
    }

    static func run(_ db: any Database, sessions: Int, baselineSessions: Int, progress: (String) -> Void) async throws -> Report {
        let engine = ExploreEngine(database: db)
        let clock = ContinuousClock()
        var started = clock.now
        try await engine.prepare()
        let prepare = (clock.now - started).seconds
        progress(String(format: "prepared in %.1f s", prepare))
        let queries = try (0..<sessions).map { try session($0).map { try ExploreConstraint.parse(Data($0.utf8)) } }
        started = clock.now
        _ = try await engine.counts(queries[0][0])
        let cold = (clock.now - started).seconds * 1_000
        progress(String(format: "cold first count %.0f ms", cold))
        started = clock.now
        let top = try await engine.tree(parent: nil)
        let treeTop = (clock.now - started).seconds * 1_000
        var expansions: [Double] = []
        for id in top.flatMap(\.children).compactMap(\.conceptId).filter({ [4_112_853, 4_163_261, 443_388, 1_436_678].contains($0) }) {
            started = clock.now
            _ = try await engine.tree(parent: Int(id))
            expansions.append((clock.now - started).seconds * 1_000)
        }
        var live: [Double] = []
        for (index, session) in queries.enumerated() {
            for query in session {
                started = clock.now
                _ = try await engine.counts(query)
                live.append((clock.now - started).seconds * 1_000)
            }
            progress(String(format: "session %d: last %.1f ms", index + 1, live.last ?? 0))
        }
        var baseline: [Double] = []
        var mismatches = 0
        for session in queries.prefix(baselineSessions) {
            for query in session {
                started = clock.now
                let plain = try await ExploreEngine(database: db).countInOneQuery(query)
                baseline.append((clock.now - started).seconds * 1_000)
                if plain.patientCount != (try await engine.counts(query)).patientCount { mismatches += 1 }
            }
            progress(String(format: "baseline: last %.0f ms", baseline.last ?? 0))
        }
        return Report(database: db.location.description, machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores, "
                          + String(format: "%.0f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
                      prepareSeconds: prepare, coldMilliseconds: cold, treeTopMilliseconds: treeTop, treeExpansion: Figures(expansions),
                      live: Figures(live), baseline: Figures(baseline), mismatches: mismatches)
    }
}
