/// Splits one line of a comma-separated file with double-quoted fields (`"a, b",c` → `a, b` and `c`), for the
/// breast reference files. A doubled quote inside a quoted field is dropped, which the columns read here never hold.
enum BreastCSV {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted:
                fields.append(field)
                field = ""
            default: field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
