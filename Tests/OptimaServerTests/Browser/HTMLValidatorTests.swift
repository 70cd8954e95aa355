import Testing

/// The validator finds what a browser's parser would repair silently, and passes what is valid.
@Suite struct HTMLValidatorTests {
    static func document(_ main: String) -> String {
        #"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><main>\#(main)</main></body></html>"#
    }

    @Test(.enabled(if: HTMLValidator.isAvailable, "\(HTMLValidator.skipReason)"))
    func parseErrorsAreReportedWithTheirPlaceAndValidDocumentsPass() async throws {
        let documents = [
            "valid": Self.document("<table><tr><td>1</td></tr></table><p>a<p>b"),
            "smoke": SmokeSite.page(),
            // `<p>`'s end tag is optional: `</div>` closes it, as HTML allows.
            "implied p": Self.document("<div><p>x</div>"),
            "misnested": Self.document("<div><span>x</div>"),
            "unclosed table": Self.document("<table><tr><td>x"),
            "stray end tag": Self.document("x</section>"),
            "duplicate attribute": Self.document(#"<p class="a" class="b">x</p>"#),
        ]
        let problems = try #require(try await HTMLValidator.problems(documents))
        #expect(problems["valid"] == nil && problems["smoke"] == nil && problems["implied p"] == nil, "\(problems)")
        // html5lib places an error at the last character of the token, here the `>` of `</div>`.
        let misnested = try #require(documents["misnested"])
        let column = misnested.distance(from: misnested.startIndex, to: try #require(misnested.range(of: "</div>")).upperBound)
        #expect(problems["misnested"] == ["1:\(column) End tag (div) seen too early. Expected other end tag."])
        #expect(problems["unclosed table"]?.contains { $0.contains("(main) seen too early") } == true, "\(problems)")
        #expect(problems["stray end tag"]?.contains { $0.contains("End tag (section) seen too early") } == true, "\(problems)")
        #expect(problems["duplicate attribute"]?.contains { $0.contains("duplicate attribute") } == true, "\(problems)")
        #expect(problems.count == 4)
    }

    @Test(.enabled(if: HTMLValidator.isAvailable, "\(HTMLValidator.skipReason)"))
    func fragmentsSkipThePageChecks() async throws {
        let problems = try #require(try await HTMLValidator.problems(["list": "<ul><li>a<li>b</ul>", "misnested": "<b><i>x</b></i>"], fragments: true))
        #expect(problems["list"] == nil, "a fragment has no doctype, title or main to miss")
        #expect(problems["misnested"]?.count == 2, "\(problems)")
    }

    @Test func pagesNeedDoctypeLanguageTitleOneMainAndUniqueIDs() {
        #expect(HTMLValidator.pageProblems(Self.document("")) == [])
        #expect(HTMLValidator.pageProblems("<html><head><title> </title></head><body></body></html>") == [
            "does not start with <!DOCTYPE html>", "no <html lang=…>", "no non-empty <title>", "0 <main> elements, not one",
        ])
        #expect(HTMLValidator.pageProblems(Self.document("<main></main>")) == ["2 <main> elements, not one"])
        #expect(HTMLValidator.duplicateIDs(#"<p id="a"></p><p id='b'></p><div id=a></div>"#) == [#"id "a" appears more than once"#])
    }
}
