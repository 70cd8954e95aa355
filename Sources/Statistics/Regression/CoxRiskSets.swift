import Foundation

/// A Cox data set laid out once per fit for the passes every evaluation makes: subjects sorted by stratum, then
/// time from the latest to the earliest (so a walk down the array grows each risk set), covariates copied flat
/// in that order (shifted by `centre`), and the tie groups — subjects of one stratum sharing a time — marked.
/// Sorting and grouping here, once, is what keeps a Newton step to a few tight passes over memory.
struct CoxRiskSets: Sendable {
    let covariateCount: Int
    let count: Int
    /// Covariates in sorted order, row-major, minus `centre`.
    let x: [Double]
    let events: [Bool]
    let times: [Double]
    /// Sorted positions where tie groups start, with the subject count appended.
    let groupStarts: [Int]
    /// Group indices where strata start, with the group count appended.
    let strataStarts: [Int]
    /// Σ x over subjects with the event: the part of the score that does not depend on β.
    let eventTotals: [Double]

    init(_ data: CoxData, centre: [Double]? = nil) {
        let n = data.times.count, p = data.names.count
        let order = Self.sortedOrder(data)
        let shift = centre ?? [Double](repeating: 0, count: p)
        var inverse = [Int](repeating: 0, count: n)
        for k in 0..<n { inverse[order[k]] = k }
        let position = inverse
        // Read the subjects in their own order and scatter (stores to random places stall less than loads), the
        // two halves of the subjects on two threads: a permutation, so their writes never meet and every
        // element is written, which is why the arrays need no zeroing first.
        var events = [Bool](repeating: false, count: n), times = [Double](repeating: 0, count: n)
        let x = [Double](unsafeUninitializedCapacity: n * p) { x, count in
            events.withUnsafeMutableBufferPointer { events in
                times.withUnsafeMutableBufferPointer { times in
                    nonisolated(unsafe) let (x, events, times) = (x, events, times)
                    let halves = [0, n / 2, n]
                    DispatchQueue.concurrentPerform(iterations: 2) { half in
                        data.values.withUnsafeBufferPointer { values in
                            for subject in halves[half]..<halves[half + 1] {
                                let k = position[subject]
                                for j in 0..<p { x[k * p + j] = values[subject * p + j] - shift[j] }
                                events[k] = data.events[subject]
                                times[k] = data.times[subject]
                            }
                        }
                    }
                }
            }
            count = n * p
        }
        let codes = data.strata.map { strata in order.map { strata[$0] } }
        var groupStarts: [Int] = [], strataStarts: [Int] = []
        for k in 0..<n {
            let newStratum = k == 0 || (codes.map { $0[k] != $0[k - 1] } ?? false)
            if newStratum { strataStarts.append(groupStarts.count) }
            if newStratum || times[k] != times[k - 1] { groupStarts.append(k) }
        }
        var eventTotals = [Double](repeating: 0, count: p)
        for k in 0..<n where events[k] {
            for j in 0..<p { eventTotals[j] += x[k * p + j] }
        }
        groupStarts.append(n)
        strataStarts.append(groupStarts.count - 1)
        covariateCount = p
        self.count = n
        self.x = x
        self.events = events
        self.times = times
        self.groupStarts = groupStarts
        self.strataStarts = strataStarts
        self.eventTotals = eventTotals
    }

    /// Subjects by stratum, then time from the latest, then subject number: a total order, so the layout is the
    /// same on every run. A least-significant-digit radix sort on the time's bits (non-negative doubles order as
    /// their bit patterns; + 0 turns −0 into +0) then on the stratum, skipping the bytes every key shares, since a
    /// comparison sort of a million subjects costs more than a whole Newton step.
    static func sortedOrder(_ data: CoxData) -> [Int] {
        let n = data.times.count
        var keys = data.times.map { ~($0 + 0).bitPattern }
        var subjects = (0..<n).map { UInt32(truncatingIfNeeded: $0) }
        var nextKeys = keys, nextSubjects = subjects
        var counts = [Int](repeating: 0, count: 8 * 256)
        for key in keys { for byte in 0..<8 { counts[byte * 256 + Int((key >> (8 * UInt64(byte))) & 255)] += 1 } }
        for byte in 0..<8 where !counts[(byte * 256)..<(byte * 256 + 256)].contains(n) {
            var offsets = [Int](repeating: 0, count: 256), total = 0
            for digit in 0..<256 { offsets[digit] = total; total += counts[byte * 256 + digit] }
            let shift = 8 * UInt64(byte)
            for i in 0..<n {
                let digit = Int((keys[i] >> shift) & 255)
                nextKeys[offsets[digit]] = keys[i]
                nextSubjects[offsets[digit]] = subjects[i]
                offsets[digit] += 1
            }
            swap(&keys, &nextKeys)
            swap(&subjects, &nextSubjects)
        }
        guard let strata = data.strata else { return subjects.map { Int($0) } }
        // A stable counting sort by stratum keeps the time order inside each.
        let levels = Dictionary(uniqueKeysWithValues: Set(strata).sorted().enumerated().map { ($1, $0) })
        var starts = [Int](repeating: 0, count: levels.count + 1)
        for value in strata { starts[levels[value]! + 1] += 1 }
        for level in 0..<levels.count { starts[level + 1] += starts[level] }
        var order = [Int](repeating: 0, count: n)
        for subject in subjects {
            let level = levels[strata[Int(subject)]]!
            order[starts[level]] = Int(subject)
            starts[level] += 1
        }
        return order
    }
}
