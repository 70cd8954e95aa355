extension Principal {
    /// Whether `name` can name a user: 1–64 of `A-Z a-z 0-9 . _ @ -`, so it is safe in logs, URLs and a `sub` claim.
    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._@-".unicodeScalars.contains(scalar))
        }
    }
}
