import CSCCore
import Testing
@testable import Transformers

@Suite("KPI values and ratings")
struct KPIArithmeticTests {
    @Test func fractionsRoundHalfUpToFourPlaces() {
        #expect(fourDecimalPlaces(numerator: 3, denominator: 14) == "0.2143")
        #expect(fourDecimalPlaces(numerator: 1, denominator: 1) == "1.0000")
        #expect(fourDecimalPlaces(numerator: 0, denominator: 7) == "0.0000")
        // 1/32 = 0.03125: exactly half a step, rounds up; 5/32 = 0.15625 likewise.
        #expect(fourDecimalPlaces(numerator: 1, denominator: 32) == "0.0313")
        #expect(fourDecimalPlaces(numerator: 5, denominator: 32) == "0.1563")
        #expect(fourDecimalPlaces(numerator: 2, denominator: 3) == "0.6667")
    }

    @Test func meansRoundAwayFromZero() {
        #expect(fourDecimalPlaces(12.5) == "12.5000")
        #expect(fourDecimalPlaces(0.00005) == "0.0001")
        #expect(fourDecimalPlaces(-1.25) == "-1.2500")
    }

    @Test func thresholdsReadOnlyPlainDecimals() {
        #expect(Threshold("0.22")?.text == "0.22")
        #expect(Threshold("12")?.number == 12)
        #expect(Threshold(".5")?.number == 0.5)
        for bad in ["", ".", "-0.2", "1e-2", "0.2.2", "abc", "0,22"] {
            #expect(Threshold(bad) == nil, "\(bad)")
        }
    }

    @Test func ratingIsJudgedOnTheExactFraction() {
        let lower = KPIDefinition.Rating(better: .lower, green: Threshold("0.22")!, amber: Threshold("0.27")!)
        #expect(RAGRating.rate(numerator: 11, denominator: 50, by: lower) == .green)  // exactly 0.22
        #expect(RAGRating.rate(numerator: 111, denominator: 500, by: lower) == .amber)  // 0.222
        #expect(RAGRating.rate(numerator: 27, denominator: 100, by: lower) == .amber)
        #expect(RAGRating.rate(numerator: 28, denominator: 100, by: lower) == .red)
        #expect(RAGRating.rate(numerator: 0, denominator: 0, by: lower) == nil)

        let higher = KPIDefinition.Rating(better: .higher, green: Threshold("0.85")!, amber: Threshold("0.75")!)
        // 0.8481 rounds to show 0.8481 and is below 0.85: amber.
        #expect(RAGRating.rate(numerator: 67, denominator: 79, by: higher) == .amber)
        #expect(RAGRating.rate(numerator: 17, denominator: 20, by: higher) == .green)  // exactly 0.85
        #expect(RAGRating.rate(numerator: 74, denominator: 100, by: higher) == .red)
        // A rounded value on the line does not make it: 0.84999.. shows as 0.8500 but is amber.
        #expect(fourDecimalPlaces(numerator: 84_999, denominator: 100_000) == "0.8500")
        #expect(RAGRating.rate(numerator: 84_999, denominator: 100_000, by: higher) == .amber)
    }

    @Test func aCountHasNoDenominatorTargetOrRating() {
        let count = KPIDefinition(id: "n", title: "N", kind: .count, sql: "")
        let period = ReportingPeriod(start: Day(iso: "2025-04-01")!, end: Day(iso: "2025-04-30")!)
        let members = (0..<3).map { KPIEvaluator.Member(childID: "C\($0)", itemID: "\($0)", inNumerator: true, value: 0) }
        let figure = KPIEvaluator.figure(of: count, for: period, population: members)
        #expect(figure.fields == ["n", "N", "2025-04-01", "2025-04-30", "3", "", "3", "", ""])
    }

    @Test func aMeanAveragesTheValueColumn() {
        let rating = KPIDefinition.Rating(better: .lower, green: Threshold("18")!, amber: Threshold("22")!)
        let mean = KPIDefinition(id: "caseload", title: "Average caseload", kind: .mean, sql: "", rating: rating)
        let period = ReportingPeriod(start: Day(iso: "2025-04-01")!, end: Day(iso: "2025-04-30")!)
        let members = [20.0, 21, 23].enumerated().map { KPIEvaluator.Member(childID: "", itemID: "W\($0.offset)", inNumerator: true, value: $0.element) }
        let figure = KPIEvaluator.figure(of: mean, for: period, population: members)
        #expect([figure.numerator, figure.denominator, figure.value, figure.target, figure.rag?.rawValue]
            == ["64.0000", "3", "21.3333", "18", "amber"])
    }
}
