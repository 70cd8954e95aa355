@testable import Charts
import Testing

@Suite struct SVGTests {
    @Test func escapesMarkup() {
        #expect(SVG.escape("ER+ & <5 \"x\" 'y'") == "ER+ &amp; &lt;5 &quot;x&quot; &apos;y&apos;")
    }

    @Test func writesNumbersWithoutLocale() {
        #expect(SVG.number(12.5) == "12.5")
        #expect(SVG.number(3) == "3")
        #expect(SVG.number(-0.001) == "0")
        #expect(SVG.number(-1234.567) == "-1234.57")
        #expect(SVG.fixed(0.8, decimals: 2) == "0.80")
        #expect(SVG.fixed(.nan, decimals: 2) == "NA")
        #expect(SVG.percent(1, of: 3) == "33.3%")
        #expect(SVG.percent(1, of: 100_000) == "<0.1%")
        #expect(SVG.grouped(1_234_567) == "1,234,567")
        #expect(SVG.grouped(999) == "999")
    }

    @Test func shortensTextThatDoesNotFit() {
        #expect(SVG.fit("Short", width: 200, fontSize: 12) == ("Short", nil))
        let fitted = SVG.fit(String(repeating: "word ", count: 20), width: 100, fontSize: 12)
        #expect(fitted.shown.hasSuffix("…"))
        #expect(SVG.estimatedWidth(fitted.shown, fontSize: 12) <= 100)
        #expect(fitted.full == String(repeating: "word ", count: 20))
    }

    @Test func ticksAreRoundAndEncloseTheRange() {
        #expect(Scale.linearTicks(from: 0, to: 9.7) == [0, 2, 4, 6, 8, 10])
        #expect(Scale.logTicks(from: 0.15, to: 8) == [0.1, 0.2, 0.5, 1, 2, 5, 10])
        #expect(Scale.labels([0.001, 0.01, 0.1]) == ["0.001", "0.01", "0.1"])
        #expect(Scale.labels(Scale.linearTicks(from: 0, to: 0.75)) == ["0", "0.2", "0.4", "0.6", "0.8"])
        let narrow = Scale.logTicks(from: 0.8, to: 1.25)
        #expect(narrow.first == 0.8 && narrow.last == 1.25 && narrow.contains(1))
    }
}
