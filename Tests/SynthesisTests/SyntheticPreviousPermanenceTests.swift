import CSCCore
@testable import Synthesis
import Testing

@Suite("cscpipe synth: PrevPerm dates as the return writes them and the reader keeps them")
struct SyntheticPreviousPermanenceTests {
    let order = Day(iso: "2019-05-12")

    @Test("an order's date is written with ZZ for what is not known, and kept to the known precision")
    func orderDates() {
        let cases: [(SyntheticPreviousPermanence.KnownPart, String, String)] = [
            (.day, "12/05/2019", "2019-05-12"), (.month, "ZZ/05/2019", "2019-05"), (.year, "ZZ/ZZ/2019", "2019"),
            (.nothing, "ZZ/ZZ/ZZZZ", ""),
        ]
        for (known, written, canonical) in cases {
            let p = SyntheticPreviousPermanence(option: "P2", orderDate: order, known: known)
            #expect(p.writtenDate == written && p.canonicalDate == canonical, "\(known)")
        }
    }

    @Test("no order: P1–P3 of unknown date are ZZ/ZZ/ZZZZ; P4 and Z1 are blank")
    func noOrder() {
        for option in ["P1", "P2", "P3"] {
            #expect(SyntheticPreviousPermanence(option: option, orderDate: nil, known: .nothing).writtenDate == "ZZ/ZZ/ZZZZ")
        }
        #expect(SyntheticPreviousPermanence(option: "P4", orderDate: nil, known: .nothing).writtenDate == "")
        #expect(SyntheticPreviousPermanence.none.writtenDate == "" && SyntheticPreviousPermanence.none.option == "Z1")
    }
}
