import CDMStore
import Foundation
import Statistics

/// `optima bench stats`: fits Kaplan–Meier, Cox (Efron) and a logistic GLM in process on generated rows, then
/// lets lifelines and statsmodels fit the same rows from CSV in the same run, and compares seconds and estimates.
enum StatisticsBenchmark {
    /// The days at which S(t) is compared, besides the median.
    static let survivalTimes: [Double] = [30, 90, 180, 365, 730, 1095, 1825]
    /// The targets, as reference seconds / Optima seconds.
    static let kaplanMeierTarget = 1.0, coxTarget = 10.0, logisticTarget = 3.0

    /// Optima's side of one analysis.
    private struct Measured {
        let inputSeconds: Double
        let seconds: Double
        let estimates: [(name: String, value: Double?)]
    }

    static func run(rows: Int, seed: UInt64, repetitions: Int, python: String, script: String) throws -> StatisticsBenchmarkReport {
        let data = StatisticsBenchmarkData(rows: rows, seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optima-bench-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try data.writeCSV(to: folder)

        // Optima first, then the reference: the two never compete for the cores.
        let kaplanMeier = try measureKaplanMeier(data, repetitions: repetitions)
        let cox = try measureCox(data, repetitions: repetitions)
        let logistic = try measureLogistic(data, repetitions: repetitions)

        let reference: Result<StatisticsBenchmarkReference, any Error> = Result {
            try StatisticsBenchmarkReference.run(python: python, script: script, survival: files.survival,
                                                 logistic: files.logistic, times: survivalTimes, repetitions: repetitions, scratch: folder)
        }
        func analysis(_ name: String, _ title: String, _ referenceName: String, target: Double, _ measured: Measured,
                      _ side: (StatisticsBenchmarkReference) -> StatisticsBenchmarkReference.Analysis,
                      values: (StatisticsBenchmarkReference.Analysis) -> [String: Double]) -> StatisticsBenchmarkReport.Analysis {
            var seconds: Double?, error: String?, theirs: [String: Double] = [:]
            switch reference {
            case .failure(let failure): error = "\(failure)"
            case .success(let report):
                let fit = side(report)
                seconds = fit.seconds
                error = fit.error ?? (fit.seconds == nil ? "the reference script reported no seconds" : nil)
                theirs = values(fit)
            }
            return .init(name: name, title: title, referenceName: referenceName, optimaSeconds: measured.seconds,
                         optimaInputSeconds: measured.inputSeconds, referenceSeconds: error == nil ? seconds : nil, referenceError: error,
                         targetSpeedup: target,
                         estimates: measured.estimates.map { .init(name: $0.name, optima: $0.value, reference: theirs[$0.name]) })
        }
        func coefficients(_ fit: StatisticsBenchmarkReference.Analysis) -> [String: Double] {
            var values = fit.coefficients ?? [:]
            for (name, se) in fit.se ?? [:] { values["se(\(name))"] = se }
            return values
        }
        return StatisticsBenchmarkReport(
            rows: rows, seed: seed, repetitions: repetitions, machine: machine(),
            censoredFraction: Double(data.events.filter { !$0 }.count) / Double(max(rows, 1)),
            distinctTimes: Set(data.days).count,
            reference: (try? reference.get())?.versionNames ?? [:],
            analyses: [
                analysis("kaplan_meier", "Kaplan–Meier", "lifelines KaplanMeierFitter", target: kaplanMeierTarget, kaplanMeier, \.kaplanMeier) { fit in
                    var values = Dictionary(uniqueKeysWithValues: zip(survivalTimes.map(survivalName), fit.survival ?? []))
                    values["median"] = fit.median
                    return values
                },
                analysis("cox", "Cox (Efron)", "lifelines CoxPHFitter (Efron ties)", target: coxTarget, cox, \.cox, values: coefficients),
                analysis("logistic", "logistic GLM", "statsmodels GLM Binomial (IRLS)", target: logisticTarget, logistic, \.logistic,
                         values: coefficients),
            ])
    }

    private static func survivalName(_ day: Double) -> String { "S(\(Int(day)))" }

    /// The result and the fastest of `repetitions` runs: the run least disturbed by other work on the machine.
    private static func timed<T>(repetitions: Int = 1, _ body: () throws -> T) throws -> (T, Double) {
        let clock = ContinuousClock()
        func once() throws -> (T, Double) {
            let started = clock.now
            let value = try body()
            return (value, (clock.now - started).seconds)
        }
        var (value, fastest) = try once()
        for _ in 1..<max(1, repetitions) {
            let (next, seconds) = try once()
            (value, fastest) = (next, min(fastest, seconds))
        }
        return (value, fastest)
    }

    private static func measureKaplanMeier(_ data: StatisticsBenchmarkData, repetitions: Int) throws -> Measured {
        let (observations, input) = try timed {
            zip(data.days, data.events).map { SurvivalObservation(time: Double($0), event: $1) }
        }
        let (curve, seconds) = try timed(repetitions: repetitions) { try KaplanMeier(observations) }
        return Measured(inputSeconds: input, seconds: seconds,
                        estimates: survivalTimes.map { (survivalName($0), curve.survival(at: $0)) } + [("median", curve.median.time)])
    }

    private static func measureCox(_ data: StatisticsBenchmarkData, repetitions: Int) throws -> Measured {
        let names = StatisticsBenchmarkData.survivalNames
        let (input, inputSeconds) = try timed {
            try CoxData(times: data.days.map(Double.init), events: data.events,
                        covariates: rows(data.survivalCovariates, count: data.rows, width: names.count), names: names)
        }
        let (fit, seconds) = try timed(repetitions: repetitions) { try CoxRegression(input, ties: .efron) }
        return Measured(inputSeconds: inputSeconds, seconds: seconds, estimates: estimates(fit.coefficients))
    }

    private static func measureLogistic(_ data: StatisticsBenchmarkData, repetitions: Int) throws -> Measured {
        let names = StatisticsBenchmarkData.logisticNames
        let (input, inputSeconds) = try timed {
            try GLMData(outcome: data.outcomes.map { $0 ? 1 : 0 },
                        covariates: rows(data.logisticCovariates, count: data.rows, width: names.count), names: names)
        }
        let (fit, seconds) = try timed(repetitions: repetitions) { try GLMFit(input, family: .logistic) }
        return Measured(inputSeconds: inputSeconds, seconds: seconds, estimates: estimates(fit.coefficients))
    }

    /// The coded covariates as the rows of numbers the models take.
    private static func rows(_ coded: [Int32], count: Int, width: Int) -> [[Double]] {
        (0..<count).map { row in (0..<width).map { StatisticsBenchmarkData.decode(coded[row * width + $0], column: $0) } }
    }

    private static func estimates(_ coefficients: [Coefficient]) -> [(name: String, value: Double?)] {
        coefficients.map { ($0.name, $0.coef) } + coefficients.map { ("se(\($0.name))", $0.se) }
    }

    /// the system, cores, CPU model and memory: the machine the figures were measured on.
    static func machine() -> String {
        let info = ProcessInfo.processInfo
        var parts = [info.operatingSystemVersionString]
        parts.append("\(info.activeProcessorCount) cores")
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let model = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") })?.split(separator: ":", maxSplits: 1).last {
            parts.append(model.trimmingCharacters(in: .whitespaces))
        }
        parts.append("\(info.physicalMemory >> 30) GiB")
        return parts.joined(separator: ", ")
    }
}
