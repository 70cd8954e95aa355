import CDMTestSupport
import Foundation

/// Checks HTML as a browser's parser reads it: every parse error Python's html5lib (the WHATWG parsing algorithm)
/// reports — stray or early end tags, unclosed tables, duplicate attributes, text where it cannot be — with its
/// line and column, plus the checks every page of ours passes: `<!DOCTYPE html>` first, `<html lang=…>`, a
/// non-empty `<title>`, one `<main>`, no `id` twice.
enum HTMLValidator {
    static let skipReason = "Python html5lib is not installed: pip install html5lib (scripts/test.sh installs it)"

    /// Whether html5lib imports; for `.enabled(if: HTMLValidator.isAvailable, "\(HTMLValidator.skipReason)")`.
    static var isAvailable: Bool { ExternalProgram.hasPythonModule("html5lib") }

    /// The problems of every document that has any, by the document's name (documents without problems are absent).
    /// `fragments` parses each as the inside of a `<body>` (an HTMX partial) and skips the whole-page checks.
    /// One Python process reads all documents, on a thread of its own; nil when html5lib is not installed (a
    /// `skipped:` line says so).
    static func problems(_ documents: [String: String], fragments: Bool = false) async throws -> [String: [String]]? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optima-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [String: String] = [:]
        for (index, (name, html)) in documents.enumerated() {
            let file = folder.appendingPathComponent("\(index).html")
            try Data(html.utf8).write(to: file)
            names[file.path] = name
        }
        let result = try await ExternalProgram.runDetached(["python3", "-c", script, fragments ? "fragment" : "document"] + names.keys.sorted())
        if result.status == 3 {
            print("skipped: \(skipReason)")
            return nil
        }
        guard result.status == 0, let parsed = try? JSONDecoder().decode([String: [String]].self, from: Data(result.output.utf8)) else {
            throw TestSetupError("html5lib did not check the documents (status \(result.status)): \(result.errors.suffix(500))")
        }
        var problems: [String: [String]] = [:]
        for (file, parseErrors) in parsed {
            guard let name = names[file], let html = documents[name] else { continue }
            let found = parseErrors + duplicateIDs(html) + (fragments ? [] : pageProblems(html))
            if !found.isEmpty { problems[name] = found }
        }
        return problems
    }

    /// What a whole page of ours must have beyond parsing cleanly.
    static func pageProblems(_ html: String) -> [String] {
        var problems: [String] = []
        if !html.lowercased().hasPrefix("<!doctype html>") { problems.append("does not start with <!DOCTYPE html>") }
        if html.firstMatch(of: #/<html\s[^>]*lang="?[A-Za-z]/#.ignoresCase()) == nil { problems.append("no <html lang=…>") }
        if html.firstMatch(of: #/<title>\s*[^<\s]/#.ignoresCase()) == nil { problems.append("no non-empty <title>") }
        let mains = html.matches(of: #/<main[\s>]/#.ignoresCase()).count
        if mains != 1 { problems.append("\(mains) <main> elements, not one") }
        return problems
    }

    /// Every `id` value that appears more than once.
    static func duplicateIDs(_ html: String) -> [String] {
        var seen: [Substring: Int] = [:]
        for match in html.matches(of: #/\sid\s*=\s*["']?([^"'\s>]+)/#) { seen[match.output.1, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.keys.sorted().map { "id \"\($0)\" appears more than once" }
    }

    /// Parses each file named by the arguments with html5lib and prints `{file: ["line:col message", …]}`; exits 3
    /// when html5lib is missing.
    private static let script = #"""
        import json, sys
        try:
            import html5lib
            from html5lib.constants import E
        except ImportError:
            sys.exit(3)

        def message(code, data):
            try:
                return E.get(code, code) % (data or {})
            except (KeyError, TypeError, ValueError):
                return "%s %r" % (code, data)

        found = {}
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as source:
                text = source.read()
            parser = html5lib.HTMLParser(strict=False)
            (parser.parseFragment if sys.argv[1] == "fragment" else parser.parse)(text)
            found[path] = ["%d:%d %s" % (line, column, message(code, data)) for (line, column), code, data in parser.errors]
        print(json.dumps(found))
        """#
}
