import CSCCore
import Testing

@Suite("SSDA903 PrevPerm: dated orders and DATE_PERM")
struct PreviousPermanenceTests {
    @Test("P1–P3 are orders with a date; P4 and Z1 are not")
    func datedOrders() {
        #expect(["P1", "P2", "P3"].allSatisfy(PreviousPermanence.isDatedOrder))
        #expect(!["P4", "Z1", "", "p1"].contains(where: PreviousPermanence.isDatedOrder))
    }

    @Test("an order date is written with ZZ for each part not known", arguments: [
        ("2019-05-12", "P2", "12/05/2019"), ("2019-05", "P2", "ZZ/05/2019"), ("2019", "P3", "ZZ/ZZ/2019"),
        ("", "P1", "ZZ/ZZ/ZZZZ"), ("", "P4", ""), ("", "Z1", ""),
    ])
    func returnDate(iso: String, option: String, written: String) {
        #expect(PreviousPermanence.returnDate(iso, option: option) == written)
    }
}
