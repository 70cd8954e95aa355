/// How the drugs of a treatment regimen are given: the drugs of one schedule share its dates.
struct Schedule {
    var drugs: [Int64]
    /// Days between administrations or fills.
    var every: Int
    var count: Int
    /// Days one exposure covers: nil for an infusion (one day, at a visit), else an oral or depot fill.
    var fillDays: Int?
    /// Days after the regimen's start when this schedule begins (e.g. paclitaxel after AC).
    var after = 0

    static func infusion(_ drugs: [Int64], every: Int, count: Int, after: Int = 0) -> Schedule {
        Schedule(drugs: drugs, every: every, count: count, fillDays: nil, after: after)
    }

    static func fills(_ drugs: [Int64], days: Int, count: Int, every: Int? = nil) -> Schedule {
        Schedule(drugs: drugs, every: every ?? days, count: count, fillDays: days)
    }

    /// The day the last administration starts, counted from the regimen's start.
    var lastDay: Int { after + (count - 1) * every }
}
