import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Federation
import Foundation
import Statistics
import Synthetic
import Testing

/// What a node computes, against references read from the same CDM by other routes: direct SQL counts and
/// follow-up, Evidence's public analyses, and Statistics' likelihoods on data extracted in the test.
@Suite struct NodeComputationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// AJCC/UICC stage 1–4, as the generator writes them.
    static let stage = "stage=concepts:1635838,1635131,1634191,1633987"

    /// Breast (1) and lung (2) cancer, breast cancer at 50 or older (3), and analyses of every kind.
    static func study() throws -> StudySpecification {
        func definition(_ name: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: repository.appendingPathComponent("examples/cohorts/\(name).json")))
        }
        // The breast cancer cohort with one inclusion rule, for the attrition counts.
        var olderBreast = try #require(try definition("breast-cancer") as? [String: Any])
        olderBreast["InclusionRules"] = [["name": "50 or older", "expression": [
            "Type": "ALL", "CriteriaList": [Any](), "DemographicCriteriaList": [["Age": ["Value": 50, "Op": "gte"]]], "Groups": [Any]()]]]
        let document: [String: Any] = [
            "schema": "optima-study/1", "name": "node computation test", "nodes": ["site1"],
                        "cohorts": [["id": 1, "name": "breast cancer", "definition": try definition("breast-cancer")],
                        ["id": 2, "name": "lung cancer", "definition": try definition("lung-cancer")],
                        ["id": 3, "name": "breast cancer at 50 or older", "definition": olderBreast]],
            "analyses": [
                ["id": "counts", "type": "counts"],
                ["id": "table1", "type": "characterization", "cohorts": [1, 2], "covariates": ["age", stage]],
                ["id": "incidence", "type": "incidence", "cohort": 1, "covariates": [stage], "maximum_days": 1825],
                ["id": "km", "type": "kaplan-meier", "cohort": 1, "grid_days": 30, "maximum_days": 1825],
                ["id": "cox", "type": "cox", "cohort": 1, "covariates": ["age", stage], "ties": "efron"],
                ["id": "cox-breslow", "type": "cox", "cohort": 1, "covariates": ["age", stage], "ties": "breslow", "maximum_days": 1825],
                ["id": "logistic", "type": "logistic", "cohort": 1, "covariates": ["age", stage], "horizon_days": 730],
                ["id": "poisson", "type": "poisson", "cohort": 1, "covariates": ["age", stage], "maximum_days": 1825],
                ["id": "lasso", "type": "lasso-logistic", "cohort": 2, "covariates": ["age", stage], "horizon_days": 365,
                 "learning": ["rounds": 5, "local_epochs": 3, "holdout_fraction": 0.25]],
            ],
        ]
        return try StudySpecification(document: JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    /// Site 1 of a 3-site population in a fresh database, the study prepared on it.
    static func withSite(_ backend: TestDatabases.Backend, _ body: (any Database, NodeComputation) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let settings = GenerationSettings(persons: 3000, seed: 7, sites: 3)
            let (site, persons) = settings.siteRanges()[0]
            _ = try await db.generatePopulation(settings, site: site, persons: persons)
            try await db.setSiteMinimumCellCount(1)
            let node = NodeComputation(database: db, study: try study(), guards: DisclosureGuards())
            try await node.prepare()
            try await body(db, node)
        }
    }

    static func localID(_ db: any Database, _ node: NodeComputation, cohort: Int) async throws -> Int64 {
        let rows = try await db.query("SELECT cohort_definition_id FROM optima_federated_cohort WHERE study_hash = ? AND study_cohort = ?",
                                      [.text(node.study.hash), .integer(Int64(cohort))])
        return try #require(rows.first?[0].integerValue)
    }

    static func request(_ node: NodeComputation, _ analysis: String, _ step: StepKind, round: Int = 0, coefficients: [Double]? = nil,
                        levels: [String: [String]]? = nil, centers: [Double]? = nil, scales: [Double]? = nil) -> StepRequest {
        StepRequest(studyHash: node.study.hash, analysis: analysis, step: step, round: round, coefficients: coefficients,
                    levels: levels, centers: centers, scales: scales)
    }

    static func value(_ reply: [NamedAggregate], _ name: String) throws -> Aggregate {
        try #require(reply.first { $0.name == name }?.value, "no aggregate \(name)")
    }

    static func count(_ reply: [NamedAggregate], _ name: String) throws -> Int {
        guard case .count(let n?) = try value(reply, name) else { Issue.record("\(name) is not a count"); return -1 }
        return n
    }

    static func counts(_ reply: [NamedAggregate], _ name: String) throws -> [Int] {
        guard case .counts(let cells) = try value(reply, name) else { Issue.record("\(name) is not counts"); return [] }
        return cells.map { $0 ?? -1 }
    }

    static func vector(_ reply: [NamedAggregate], _ name: String) throws -> [Double] {
        guard case .vector(let values) = try value(reply, name) else { Issue.record("\(name) is not a vector"); return [] }
        return values
    }

    /// One subject as read by direct SQL: days to death or censoring, and age at index.
    struct Subject {
        let person: Int64
        let censorDays: Int
        let deathDays: Int?
        let age: Double
    }

    /// First entry into the cohort, the observation period holding it, the first death, age: written here in
    /// plain SQL rather than through Evidence.
    static func subjects(_ db: any Database, cohort: Int64) async throws -> [Subject] {
        let d = db.dialect
        return try await db.query("""
            WITH firsts AS (SELECT subject_id, MIN(cohort_start_date) AS index_date FROM cohort WHERE cohort_definition_id = ? GROUP BY subject_id),
            s AS (SELECT f.subject_id AS person_id, f.index_date, MAX(op.observation_period_end_date) AS observation_end
                  FROM firsts f JOIN observation_period op ON op.person_id = f.subject_id
                    AND op.observation_period_start_date <= f.index_date AND op.observation_period_end_date >= f.index_date
                  GROUP BY f.subject_id, f.index_date),
            deaths AS (SELECT person_id, MIN(death_date) AS death_date FROM death GROUP BY person_id)
            SELECT s.person_id, \(d.daysBetween("s.index_date", "s.observation_end")) AS censor_days,
              \(d.daysBetween("s.index_date", "x.death_date")) AS death_days, \(d.year("s.index_date")) - p.year_of_birth AS age
            FROM s JOIN person p ON p.person_id = s.person_id LEFT JOIN deaths x ON x.person_id = s.person_id
            ORDER BY s.person_id
            """, [.integer(cohort)]).map { row in
            Subject(person: row[0].integerValue ?? 0, censorDays: Int(row[1].integerValue ?? 0), deathDays: row[2].integerValue.map(Int.init),
                    age: Double(row[3].integerValue ?? 0))
        }
    }

    /// Follow-up to death, censored at observation end or `endDays`; subjects who died before index left out.
    static func followUp(_ subjects: [Subject], endDays: Int?) -> [(subject: Subject, days: Int, event: Bool)] {
        subjects.compactMap { s in
            if let death = s.deathDays, death < 0 { return nil }
            let end = min(s.censorDays, endDays ?? .max)
            if let death = s.deathDays, death <= end { return (s, death, true) }
            return (s, end, false)
        }
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    /// Counts equal direct SQL counts; a second prepare reuses the generated cohorts.
    static func countsAndPrepare(_ db: any Database, _ node: NodeComputation) async throws {
        let before = try await db.query("SELECT study_cohort, cohort_definition_id FROM optima_federated_cohort ORDER BY study_cohort")
        let definitions = try await db.query("SELECT COUNT(*) AS n FROM cohort_definition")
        try await node.prepare()
        try await NodeComputation(database: db, study: node.study, guards: node.guards).prepare()
        let after = try await db.query("SELECT study_cohort, cohort_definition_id FROM optima_federated_cohort ORDER BY study_cohort")
        #expect(before.count == 3)
        #expect(after.map { [$0[0].integerValue, $0[1].integerValue] } == before.map { [$0[0].integerValue, $0[1].integerValue] })
        #expect(try await db.query("SELECT COUNT(*) AS n FROM cohort_definition").first?["n"].integerValue == definitions.first?["n"].integerValue)

        let reply = try await node.compute(Self.request(node, "counts", .counts))
        for cohort in [1, 2, 3] {
            let local = try await Self.localID(db, node, cohort: cohort)
            let direct = try #require(try await db.query("SELECT COUNT(*) AS n, COUNT(DISTINCT subject_id) AS p FROM cohort WHERE cohort_definition_id = ?",
                                                        [.integer(local)]).first)
            #expect(try Self.count(reply, "cohort:\(cohort):persons") == Int(direct["p"].integerValue ?? -1))
            #expect(try Self.count(reply, "cohort:\(cohort):records") == Int(direct["n"].integerValue ?? -1))
            #expect(try Self.count(reply, "cohort:\(cohort):final") == Int(direct["p"].integerValue ?? -1))
            #expect(try Self.count(reply, "cohort:\(cohort):base") >= Self.count(reply, "cohort:\(cohort):final"))
            #expect(try Self.count(reply, "cohort:\(cohort):persons") > 20)
        }
        // Attrition of the cohort with a rule: base = the breast cancer persons, after the rule = those 50 or
        // older at index (Circe's age: index year − year of birth), read directly.
        let breast = try await Self.localID(db, node, cohort: 1), older = try await Self.localID(db, node, cohort: 3)
        let d = db.dialect
        let aged = try await db.query("""
            SELECT COUNT(DISTINCT c.subject_id) AS n FROM cohort c JOIN person p ON p.person_id = c.subject_id
            WHERE c.cohort_definition_id = ? AND \(d.year("c.cohort_start_date")) - p.year_of_birth >= 50
            """, [.integer(breast)]).first?["n"].integerValue
        let olderPersons = try await db.query("SELECT COUNT(DISTINCT subject_id) AS n FROM cohort WHERE cohort_definition_id = ?", [.integer(older)])
        #expect(try Self.count(reply, "cohort:3:base") == Self.count(reply, "cohort:1:persons"))
        #expect(try Self.count(reply, "cohort:3:rule:0") == Int(aged ?? -1))
        #expect(try Self.count(reply, "cohort:3:final") == Int(aged ?? -1))
        #expect(Int(olderPersons.first?["n"].integerValue ?? -1) == Int(aged ?? -2))
        #expect(try Self.count(reply, "cohort:3:rule:0") < Self.count(reply, "cohort:3:base"))
        var names: [String] = []
        for c in [1, 2, 3] {
            names += ["persons", "records", "base"].map { "cohort:\(c):\($0)" }
            if c == 3 { names.append("cohort:3:rule:0") }
            names.append("cohort:\(c):final")
        }
        #expect(reply.map(\.name) == names)
    }

    /// Levels and characterization equal direct SQL reads.
    static func characterization(_ db: any Database, _ node: NodeComputation) async throws {
        let levelsReply = try await node.compute(Self.request(node, "table1", .levels))
        #expect(levelsReply.map(\.name) == ["levels:\(Self.stage)"])
        guard case .labels(let labels) = try Self.value(levelsReply, "levels:\(Self.stage)") else { Issue.record("not labels"); return }
        #expect(labels == labels.sorted())
        #expect(labels.count >= 2)

        let reply = try await node.compute(Self.request(node, "table1", .characterization, levels: [Self.stage: labels]))
        for cohort in [1, 2] {
            let local = try await Self.localID(db, node, cohort: cohort)
            let subjects = try await Self.subjects(db, cohort: local)
            #expect(try Self.count(reply, "cohort:\(cohort):persons") == subjects.count)
            #expect(try Self.count(reply, "cohort:\(cohort):age:n") == subjects.count)
            let sums = try Self.vector(reply, "cohort:\(cohort):age:sums")
            #expect(sums == [subjects.reduce(0) { $0 + $1.age }, subjects.reduce(0) { $0 + $1.age * $1.age }])
            // Stage: subjects per agreed level, then those with none; a level held by fewer than 5 at every
            // cohort was not released and counts as not recorded.
            let values = try await db.cohortFeatureValues(try Feature(Self.stage), target: local)
            var expected = [Int](repeating: 0, count: labels.count + 1)
            for subject in subjects {
                let label: String? = if case .level(let i)? = values.values[subject.person] { values.levels[i] } else { nil }
                expected[label.flatMap { labels.firstIndex(of: $0) } ?? labels.count] += 1
            }
            let cells = try Self.counts(reply, "cohort:\(cohort):\(Self.stage)")
            #expect(cells == expected)
            #expect(cells.reduce(0, +) == subjects.count)
        }
        // Every released level is held by at least the threshold in some cohort.
        let cells = try Self.counts(reply, "cohort:1:\(Self.stage)"), lung = try Self.counts(reply, "cohort:2:\(Self.stage)")
        for index in labels.indices { #expect(max(cells[index], lung[index]) >= 5) }
    }

    /// Survival histogram and incidence equal the follow-up read by SQL and Evidence's survival analysis.
    static func survival(_ db: any Database, _ node: NodeComputation) async throws {
        let local = try await Self.localID(db, node, cohort: 1)
        let followUp = Self.followUp(try await Self.subjects(db, cohort: local), endDays: 1825)
        let reply = try await node.compute(Self.request(node, "km", .survivalHistogram))
        let events = try Self.counts(reply, "events"), censored = try Self.counts(reply, "censored")
        #expect(events.count == 61 && censored.count == 61)  // ⌈1825 / 30⌉
        var expectedEvents = [Int](repeating: 0, count: 61), expectedCensored = expectedEvents
        for row in followUp {
            let j = row.days == 0 ? 0 : Int((Double(row.days) / 30).rounded(.up)) - 1
            if row.event { expectedEvents[j] += 1 } else { expectedCensored[j] += 1 }
        }
        #expect(try Self.count(reply, "at-risk") == followUp.count)
        // Small cells are carried into the next interval, never lost: by the end of every interval the released
        // count trails the true one by less than the minimum cell count, and every cell is 0 or at least it.
        for (released, expected) in [(events, expectedEvents), (censored, expectedCensored)] {
            #expect(released.reduce(0, +) == expected.reduce(0, +))
            var lag = 0
            for j in released.indices {
                lag += expected[j] - released[j]
                #expect((0..<5).contains(lag), "interval \(j): released counts trail the follow-up by \(lag)")
                #expect(released[j] == 0 || released[j] >= 5 || j == released.count - 1)
            }
        }
        #expect(events != expectedEvents, "this population has sparse intervals, so some cells were carried")
        #expect(events.reduce(0, +) > 10)

        let evidence = try await db.survivalAnalysis(SurvivalSettings(target: local, outcome: .death, maximumDays: 1825, minimumCount: 1))
        #expect(evidence.subjects.value == followUp.count)
        #expect(evidence.events.value == events.reduce(0, +))

        // Incidence by stage: persons, deaths and person-days (through the last day) per agreed level.
        let levels = try await node.compute(Self.request(node, "incidence", .levels))
        guard case .labels(let labels) = try Self.value(levels, "levels:\(Self.stage)") else { Issue.record("not labels"); return }
        let incidence = try await node.compute(Self.request(node, "incidence", .incidence, levels: [Self.stage: labels]))
        let values = try await db.cohortFeatureValues(try Feature(Self.stage), target: local)
        var persons = [Int](repeating: 0, count: labels.count), deaths = persons, days = [Double](repeating: 0, count: labels.count)
        for row in followUp {
            guard case .level(let i)? = values.values[row.subject.person], let s = labels.firstIndex(of: values.levels[i]) else { continue }
            persons[s] += 1
            deaths[s] += row.event ? 1 : 0
            days[s] += Double(row.days + 1)
        }
        #expect(try Self.counts(incidence, "persons") == persons)
        #expect(try Self.counts(incidence, "events") == deaths)
        #expect(try Self.vector(incidence, "person-days") == days)
    }

    /// The design a test builds by hand: age, then one indicator per stage level after the first.
    static func design(_ subjects: [(subject: Subject, days: Int, event: Bool)], values: FeatureValues, labels: [String])
        -> [(row: [Double], days: Int, event: Bool)] {
        subjects.compactMap { s in
            guard case .level(let i)? = values.values[s.subject.person], let level = labels.firstIndex(of: values.levels[i]) else { return nil }
            return ([s.subject.age] + (1..<labels.count).map { $0 == level ? 1 : 0 }, s.days, s.event)
        }
    }

    static func expectPieces(_ reply: [NamedAggregate], logLikelihood: Double, score: [Double], information: Matrix, rows: Int, events: Int) throws {
        #expect(try count(reply, "rows") == rows)
        #expect(try count(reply, "events") == events)
        #expect(close(try vector(reply, "log-likelihood")[0], logLikelihood))
        let nodeScore = try vector(reply, "score")
        #expect(nodeScore.count == score.count)
        for (a, b) in zip(nodeScore, score) { #expect(close(a, b)) }
        guard case .matrix(let p, let values) = try value(reply, "information") else { Issue.record("information is not a matrix"); return }
        #expect(p == information.rows)
        for (a, b) in zip(values, information.values) { #expect(close(a, b)) }
    }

    /// Model pieces equal Statistics' likelihoods on data extracted in the test, at β = 0 and β ≠ 0.
    static func modelPieces(_ db: any Database, _ node: NodeComputation) async throws {
        let local = try await Self.localID(db, node, cohort: 1)
        let subjects = try await Self.subjects(db, cohort: local)
        let values = try await db.cohortFeatureValues(try Feature(Self.stage), target: local)
        let levelsReply = try await node.compute(Self.request(node, "cox", .levels))
        guard case .labels(let labels) = try Self.value(levelsReply, "levels:\(Self.stage)") else { Issue.record("not labels"); return }
        let design = try ModelDesign(covariates: [.age, try Feature(Self.stage)], levels: [Self.stage: labels])
        #expect(design.names == ["age"] + labels.dropFirst().map { "stage: \($0)" })
        #expect(design.names(intercept: true).first == "(Intercept)")
        let p = design.names.count

        for (analysis, ties, endDays) in [("cox", PartialLikelihood.Ties.efron, nil), ("cox-breslow", .breslow, 1825)] as [(String, PartialLikelihood.Ties, Int?)] {
            let rows = Self.design(Self.followUp(subjects, endDays: endDays), values: values, labels: labels)
            let data = try CoxData(times: rows.map { Double($0.days) }, events: rows.map(\.event), covariates: rows.map(\.row), names: design.names)
            for beta in [[Double](repeating: 0, count: p), [0.02] + (1..<p).map { 0.3 * Double($0) }] {
                let reply = try await node.compute(Self.request(node, analysis, .modelPieces, round: 1, coefficients: beta, levels: [Self.stage: labels]))
                let reference = PartialLikelihood(data, beta: beta, ties: ties)
                try Self.expectPieces(reply, logLikelihood: reference.logLikelihood, score: reference.score, information: reference.information,
                                      rows: rows.count, events: rows.count { $0.event })
            }
        }

        // Logistic: death within 730 days; alive but followed less long → left out.
        let horizon = Self.followUp(subjects, endDays: 730).filter { $0.event || $0.days >= 730 }
        let logisticRows = Self.design(horizon, values: values, labels: labels)
        let logistic = try GLMData(outcome: logisticRows.map { $0.event ? 1 : 0 }, covariates: logisticRows.map(\.row), names: design.names)
        // Poisson: deaths with offset log person-years (days + 1).
        let poissonRows = Self.design(Self.followUp(subjects, endDays: 1825), values: values, labels: labels)
        let poisson = try GLMData(outcome: poissonRows.map { $0.event ? 1 : 0 }, covariates: poissonRows.map(\.row), names: design.names,
                                  offset: poissonRows.map { log(Double($0.days + 1) / 365.25) })
        for (analysis, data, family) in [("logistic", logistic, GLMFamily.logistic), ("poisson", poisson, .poisson)] {
            for beta in [[Double](repeating: 0, count: p + 1), [-1.5, 0.01] + (1..<p).map { 0.2 * Double($0) }] {
                let reply = try await node.compute(Self.request(node, analysis, .modelPieces, round: 2, coefficients: beta, levels: [Self.stage: labels]))
                let reference = GLMLikelihood(data, family: family, beta: beta)
                try Self.expectPieces(reply, logLikelihood: reference.logLikelihood, score: reference.score, information: reference.information,
                                      rows: data.rows, events: Int(data.outcome.reduce(0, +)))
            }
        }
        // A wrong number of coefficients is refused, naming the count needed.
        await #expect(throws: FederationError.self) {
            try await node.compute(Self.request(node, "logistic", .modelPieces, coefficients: [0], levels: [Self.stage: labels]))
        }
    }

    /// Federated learning steps: design moments, local training and evaluation on the hashed split.
    static func learning(_ db: any Database, _ node: NodeComputation) async throws {
        let local = try await Self.localID(db, node, cohort: 2)
        let values = try await db.cohortFeatureValues(try Feature(Self.stage), target: local)
        let levelsReply = try await node.compute(Self.request(node, "lasso", .levels))
        guard case .labels(let labels) = try Self.value(levelsReply, "levels:\(Self.stage)") else { Issue.record("not labels"); return }
        let horizon = Self.followUp(try await Self.subjects(db, cohort: local), endDays: 365).filter { $0.event || $0.days >= 365 }
        let heldOut = { (row: (subject: Subject, days: Int, event: Bool)) in
            NodeComputation.isHeldOut(person: row.subject.person, studyHash: node.study.hash, fraction: 0.25)
        }
        let training = Self.design(horizon.filter { !heldOut($0) }, values: values, labels: labels)
        let testing = Self.design(horizon.filter(heldOut), values: values, labels: labels)
        #expect(!training.isEmpty && !testing.isEmpty)

        let moments = try await node.compute(Self.request(node, "lasso", .characterization, levels: [Self.stage: labels]))
        #expect(try Self.count(moments, "design:rows") == training.count)
        let sums = try Self.vector(moments, "design:sums"), squares = try Self.vector(moments, "design:squares")
        for j in 0..<labels.count {
            #expect(Self.close(sums[j], training.reduce(0) { $0 + $1.row[j] }))
            #expect(Self.close(squares[j], training.reduce(0) { $0 + $1.row[j] * $1.row[j] }))
        }
        let n = Double(training.count)
        let centers = sums.map { $0 / n }
        let scales = zip(sums, squares).map { s, q in ((q - s * s / n) / (n - 1)).squareRoot() }
        let standardization = Standardization(means: centers, sds: scales)
        let start = [Double](repeating: 0, count: labels.count + 1)
        let trained = try await node.compute(Self.request(node, "lasso", .localTraining, round: 1, coefficients: start,
                                                         levels: [Self.stage: labels], centers: centers, scales: scales))
        let data = try LogisticTrainingData(outcome: training.map { $0.event ? 1 : 0 }, covariates: training.map { standardization.apply($0.row) })
        let settings = try #require(node.study.analysis("lasso")?.learning)
        #expect(settings.localEpochs == 3)
        let expected = LocalTraining(settings).train(data, from: start)
        // Sent as n_k and n_k·w_k, so that summed (or masked) replies weigh each node by its rows.
        let rows = try Self.count(trained, "rows")
        #expect(rows == training.count)
        let weights = try Self.vector(trained, "weighted-weights").map { $0 / Double(rows) }
        #expect(weights.count == expected.count)
        for (a, b) in zip(weights, expected) { #expect(Self.close(a, b, 1e-12)) }

        let evaluation = try await node.compute(Self.request(node, "lasso", .evaluation, round: 2, coefficients: weights,
                                                            levels: [Self.stage: labels], centers: centers, scales: scales))
        let test = try LogisticTrainingData(outcome: testing.map { $0.event ? 1 : 0 }, covariates: testing.map { standardization.apply($0.row) })
        let histogram = RiskHistogram(bins: 50, predictions: test.predictions(weights), outcomes: test.outcome)
        #expect(try Self.count(evaluation, "rows") == testing.count)
        // Sparse bins are merged upwards (what is left above the top bin released goes into it): below that bin,
        // every held-out subject is in a bin at or above its own.
        let positives = try Self.counts(evaluation, "risk:positives"), negatives = try Self.counts(evaluation, "risk:negatives")
        let top = zip(positives, negatives).map { $0 + $1 }.lastIndex { $0 > 0 } ?? 0
        for (released, exact) in [(positives, histogram.positives), (negatives, histogram.negatives)] {
            #expect(released.reduce(0, +) == exact.reduce(0, +))
            var lag = 0
            for bin in 0..<top {
                lag += exact[bin] - released[bin]
                #expect(lag >= 0, "bin \(bin): a subject moved to a lower risk bin")
            }
        }
        #expect(zip(positives, negatives).prefix(top).allSatisfy { ($0 == 0 || $0 >= 5) && ($1 == 0 || $1 >= 5) })
        #expect(try Self.vector(evaluation, "auc")[0] == (try AUC(predictions: test.predictions(weights), outcomes: test.outcome)).estimate)
    }

    /// Each guard refuses with its code, naming the analysis and the rule.
    static func guards(_ db: any Database, _ node: NodeComputation) async throws {
        let labels = try await {
            let reply = try await node.compute(Self.request(node, "cox", .levels))
            guard case .labels(let labels) = try Self.value(reply, "levels:\(Self.stage)") else { return [String]() }
            return labels
        }()
        let p = labels.count
        func refusal(_ guards: DisclosureGuards, _ request: StepRequest) async -> FederationError? {
            do {
                _ = try await NodeComputation(database: db, study: node.study, guards: guards).compute(request)
                return nil
            } catch {
                return error as? FederationError
            }
        }
        let cox = Self.request(node, "cox", .modelPieces, round: 1, coefficients: [Double](repeating: 0, count: p), levels: [Self.stage: labels])
        let cases: [(DisclosureGuards, StepRequest, String)] = [
            (DisclosureGuards(minimumRows: 100_000), Self.request(node, "km", .survivalHistogram), "minimum_rows"),
            (DisclosureGuards(maximumParameterRatio: 0.001), cox, "maximum_parameter_ratio"),
            (DisclosureGuards(minimumLevelCount: 100_000), cox, "minimum_level_count"),
            (DisclosureGuards(maximumLevels: 1), Self.request(node, "cox", .levels), "maximum_levels"),
            (DisclosureGuards(maximumLevelDensity: 0.0001), cox, "maximum_level_density"),
            (DisclosureGuards(minimumSubset: 100_000), Self.request(node, "counts", .counts), "minimum_subset"),
            (DisclosureGuards(maximumRounds: 3), Self.request(node, "cox", .modelPieces, round: 4, coefficients: cox.coefficients, levels: cox.levels), "maximum_rounds"),
        ]
        for (guards, request, rule) in cases {
            let error = await refusal(guards, request)
            #expect(error?.code == "disclosure-guard", "\(rule)")
            #expect(error?.message.contains(rule) == true, "\(rule): \(error?.message ?? "no error")")
            #expect(error?.message.contains("analysis \(request.analysis)") == true)
        }
        // The same requests pass under the default guards.
        #expect(await refusal(DisclosureGuards(), cox) == nil)
        #expect(await refusal(DisclosureGuards(), Self.request(node, "counts", .counts)) == nil)
        // A step the analysis type does not allow, and a step of another study.
        #expect(await refusal(DisclosureGuards(), Self.request(node, "km", .modelPieces))?.code == "step-not-allowed")
        #expect(await refusal(DisclosureGuards(), StepRequest(studyHash: String(repeating: "0", count: 64), analysis: "km", step: .survivalHistogram))?.code == "study-mismatch")
        #expect(await refusal(DisclosureGuards(), Self.request(node, "cox", .modelPieces, coefficients: cox.coefficients))?.code == "missing-levels")
    }

    @Test("a node's answers equal references read from the same CDM by other routes", arguments: TestDatabases.backends)
    func nodeComputation(_ backend: TestDatabases.Backend) async throws {
        try await Self.withSite(backend) { db, node in
            try await Self.countsAndPrepare(db, node)
            try await Self.characterization(db, node)
            try await Self.survival(db, node)
            try await Self.modelPieces(db, node)
            try await Self.learning(db, node)
            try await Self.guards(db, node)
        }
    }
}
