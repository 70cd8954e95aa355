extension Double {
    /// The number as a person writes it: `12`, `12.5`.
    var factText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
