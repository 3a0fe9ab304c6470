import CSCCore
import Testing

struct SourceLocationTests {
    @Test("a line number and its text are the same place, written as String(line) writes it")
    func lineNumbers() {
        for n in [1, 2, 9, 10, 99, 100, 12_345, 1_000_000, 123_456_789_012] {
            let number = SourceLocation(file: "a.csv", line: n)
            let text = SourceLocation(file: "a.csv", line: String(n))
            #expect(number == text)
            #expect(number.hashValue == text.hashValue)
            #expect(number.line == String(n))
            #expect(number.lineNumber == n && text.lineNumber == n)
        }
    }

    @Test("a spreadsheet place, or text that is not a plain line number, stays text")
    func places() {
        for text in ["List 3!A12", "012", "0", "-3", "", "12 ", "99999999999999999999"] {
            let place = SourceLocation(file: "a.xlsx", line: text)
            #expect(place.line == text)
            #expect(place.lineNumber == nil, "\(text)")
        }
        #expect(SourceLocation(file: "a.csv", line: 0).line == "0")
        #expect(SourceLocation(file: "a.csv", line: 0).lineNumber == nil)
        var moved = SourceLocation(file: "a.csv", line: 7)
        moved.line = "Sheet1!A2"
        #expect(moved.lineNumber == nil && moved.line == "Sheet1!A2")
    }
}
