/// A set of person ids as a sorted array without repeats: and/or/not of criteria become linear merges in
/// memory, so a live edit recomputes one criterion and combines the rest from the cache in milliseconds.
struct PatientSet: Sendable, Equatable {
    let ids: [Int64]

    /// From ids in any order, with repeats.
    init(unsorted: [Int64]) {
        var ids = unsorted
        ids.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(ids.count)
        for id in ids where unique.last != id { unique.append(id) }
        self.ids = unique
    }

    /// From ids already sorted and unique.
    init(sorted ids: [Int64]) {
        self.ids = ids
    }

    static let empty = PatientSet(sorted: [])

    var count: Int { ids.count }

    func contains(_ id: Int64) -> Bool {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }

    func intersection(_ other: PatientSet) -> PatientSet {
        merge(other, keepLeft: false, keepRight: false, keepBoth: true)
    }

    func union(_ other: PatientSet) -> PatientSet {
        merge(other, keepLeft: true, keepRight: true, keepBoth: true)
    }

    func subtracting(_ other: PatientSet) -> PatientSet {
        merge(other, keepLeft: true, keepRight: false, keepBoth: false)
    }

    private func merge(_ other: PatientSet, keepLeft: Bool, keepRight: Bool, keepBoth: Bool) -> PatientSet {
        let a = ids, b = other.ids
        var result: [Int64] = []
        result.reserveCapacity(keepRight ? a.count + b.count : a.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                if keepLeft { result.append(a[i]) }
                i += 1
            } else if b[j] < a[i] {
                if keepRight { result.append(b[j]) }
                j += 1
            } else {
                if keepBoth { result.append(a[i]) }
                i += 1
                j += 1
            }
        }
        if keepLeft { result.append(contentsOf: a[i...]) }
        if keepRight { result.append(contentsOf: b[j...]) }
        return PatientSet(sorted: result)
    }
}
