import CSCCore
import Testing

@Suite("Collection year")
struct CollectionYearTests {
    @Test("1 April to 31 March")
    func bounds() {
        let y = CollectionYear(containing: Day(iso: "2025-03-31")!)
        #expect(y.description == "2024-25")
        #expect(CollectionYear(containing: Day(iso: "2025-04-01")!).description == "2025-26")
        #expect(y.start.iso == "2024-04-01")
        #expect(y.end.iso == "2025-03-31")
        #expect(CollectionYear(startYear: 1999).description == "1999-00")
    }

    @Test("Written forms", arguments: [
        ("2024-25", 2024), ("2024/25", 2024), ("202425", 2024), ("2425", 2024), ("2025", 2024), (" 2023-24 ", 2023),
    ])
    func parses(text: String, start: Int) {
        #expect(CollectionYear(text)?.startYear == start)
    }

    @Test("Nonsense is refused", arguments: ["2024-26", "24-25", "abcd", "", "2024-2025x", "9999999"])
    func refuses(text: String) {
        #expect(CollectionYear(text) == nil)
    }
}
