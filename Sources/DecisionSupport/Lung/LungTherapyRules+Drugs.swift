extension LungTherapyRules {
    /// The ingredients named in a medication or regimen text, lower case: ingredient and brand names matched
    /// case-insensitively as whole words (`Pembrolizumab 25 MG/ML Injectable Solution` → `pembrolizumab`).
    func ingredients(in text: String) -> [String] {
        let words = Self.words(text)
        var found: [String] = []
        for drugClass in drugClasses.values {
            for drug in drugClass.drugs where Self.contains(words, Self.words(drug)) { found.append(drug) }
            for (brand, drug) in drugClass.brands where Self.contains(words, Self.words(brand)) { found.append(drug) }
        }
        // `nab-paclitaxel` also holds the word `paclitaxel`: keep the longer name.
        let unique = Set(found)
        return unique.filter { name in !unique.contains { $0 != name && Self.contains(Self.words($0), Self.words(name)) } }.sorted()
    }

    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// Whether `needle` occurs in `words` as consecutive words.
    static func contains(_ words: [Substring], _ needle: [Substring]) -> Bool {
        guard !needle.isEmpty, needle.count <= words.count else { return false }
        return (0...(words.count - needle.count)).contains { start in Array(words[start..<(start + needle.count)]) == needle }
    }
}
