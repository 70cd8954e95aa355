import Foundation
import Synthetic

/// The rows `optima bench stats` fits, drawn from a fixed seed so that Optima and the reference fit the same
/// numbers: survival times with known log hazard ratios, and a logistic outcome with known coefficients.
///
/// Continuous covariates are kept in thousandths and binary ones as 0/1, so that the CSV text is exact and
/// pandas reads back the very doubles Optima holds in memory.
struct StatisticsBenchmarkData {
    static let survivalNames = (1...10).map { "x\($0)" }
    static let logisticNames = (1...50).map { "x\($0)" }
    /// The true log hazard ratios of x1…x10.
    static let logHazardRatios: [Double] = [0.5, -0.3, 0.2, 0.7, -0.6, 0.1, -0.15, 0.35, 0.25, -0.4]
    /// The true log odds ratios of x1…x50, none near zero so relative differences mean something.
    static let logOddsRatios: [Double] = (0..<50).map { j -> Double in
        let sign: Double = j % 3 == 0 ? -1 : 1
        return sign * (0.05 + 0.01 * Double(j % 20))
    }
    static let logisticIntercept = -0.5
    /// Events per day at all covariates zero, and the censoring rate that leaves about 30 % censored.
    static let baselineHazard = 1.0 / 730, censoringHazard = 0.41 / 730

    let rows: Int
    /// Follow-up in whole days (at least 1): rounding up makes many subjects share a time, as real data do.
    let days: [Int32]
    let events: [Bool]
    /// rows × 10, row by row: 0/1 for the binary x1, x3, …, thousandths for the continuous x2, x4, ….
    let survivalCovariates: [Int32]
    let outcomes: [Bool]
    /// rows × 50, row by row, coded as `survivalCovariates`.
    let logisticCovariates: [Int32]

    init(rows: Int, seed: UInt64) {
        var random = SyntheticRandom(seed: seed)
        func uniform() -> Double { (Double(random.next() >> 11) + 0.5) * 0x1p-53 }
        // x1, x3, … are binary, x2, x4, … standard normal to three decimals.
        func covariate(_ column: Int) -> Int32 {
            if column % 2 == 0 { return uniform() < 0.4 ? 1 : 0 }
            let normal = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
            return Int32((normal * 1000).rounded())
        }

        let p = Self.survivalNames.count, q = Self.logisticNames.count
        var days = [Int32](), events = [Bool](), survivalCovariates = [Int32]()
        days.reserveCapacity(rows)
        events.reserveCapacity(rows)
        survivalCovariates.reserveCapacity(rows * p)
        for _ in 0..<rows {
            var eta = 0.0
            for column in 0..<p {
                let coded = covariate(column)
                survivalCovariates.append(coded)
                eta += Self.logHazardRatios[column] * Self.decode(coded, column: column)
            }
            let event = -log(uniform()) / (Self.baselineHazard * exp(eta))
            let censoring = -log(uniform()) / Self.censoringHazard
            days.append(Int32(min(event, censoring).rounded(.up)))
            events.append(event <= censoring)
        }
        var outcomes = [Bool](), logisticCovariates = [Int32]()
        outcomes.reserveCapacity(rows)
        logisticCovariates.reserveCapacity(rows * q)
        for _ in 0..<rows {
            var eta = Self.logisticIntercept
            for column in 0..<q {
                let coded = covariate(column)
                logisticCovariates.append(coded)
                eta += Self.logOddsRatios[column] * Self.decode(coded, column: column)
            }
            outcomes.append(uniform() < 1 / (1 + exp(-eta)))
        }
        self.rows = rows
        self.days = days
        self.events = events
        self.survivalCovariates = survivalCovariates
        self.outcomes = outcomes
        self.logisticCovariates = logisticCovariates
    }

    /// Covariate `column` of `row` as the number fitted.
    static func decode(_ coded: Int32, column: Int) -> Double {
        column % 2 == 0 ? Double(coded) : Double(coded) / 1000
    }

    /// Writes `survival.csv` (time,event,x1…x10) and `logistic.csv` (y,x1…x50) into `folder`.
    func writeCSV(to folder: URL) throws -> (survival: URL, logistic: URL) {
        let survival = folder.appendingPathComponent("survival.csv"), logistic = folder.appendingPathComponent("logistic.csv")
        try write(survival, header: ["time", "event"] + Self.survivalNames, covariates: survivalCovariates) { row, line in
            Self.append(Int(days[row]), to: &line)
            line.append(contentsOf: events[row] ? Array(",1".utf8) : Array(",0".utf8))
        }
        try write(logistic, header: ["y"] + Self.logisticNames, covariates: logisticCovariates) { row, line in
            line.append(outcomes[row] ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        }
        return (survival, logistic)
    }

    private func write(_ url: URL, header: [String], covariates: [Int32], leading: (Int, inout [UInt8]) -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data((header.joined(separator: ",") + "\n").utf8)),
              let file = FileHandle(forWritingAtPath: url.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { try? file.close() }
        try file.seekToEnd()
        let width = covariates.count / max(rows, 1)
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 22)
        for row in 0..<rows {
            leading(row, &buffer)
            for column in 0..<width {
                buffer.append(UInt8(ascii: ","))
                let coded = covariates[row * width + column]
                if column % 2 == 0 { Self.append(Int(coded), to: &buffer) } else { Self.appendThousandths(Int(coded), to: &buffer) }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 22 {
                try file.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try file.write(contentsOf: buffer)
    }

    /// A non-negative integer in decimal, without a String per number (there are tens of millions).
    private static func append(_ value: Int, to buffer: inout [UInt8]) {
        var divisor = 1
        while divisor * 10 <= value { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// 1234 → "1.234", −5 → "-0.005": the exact decimal of the value fitted.
    private static func appendThousandths(_ value: Int, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        let magnitude = abs(value)
        append(magnitude / 1000, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        let fraction = magnitude % 1000
        buffer.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }
}
