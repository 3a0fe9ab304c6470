import CSCCore
import Testing

struct DecimalDigitsTests {
    @Test("whole numbers are written as String(n) writes them, after what the buffer holds")
    func digits() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, 1_000_000, -1, -10, -907, Int.max, Int.min] {
            var out: [UInt8] = Array("x,".utf8)
            DecimalDigits.append(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x," + String(n))
        }
    }
}
