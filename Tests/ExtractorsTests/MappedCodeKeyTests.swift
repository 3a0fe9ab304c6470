import Testing
@testable import Extractors

@Suite("Mapped exports: a code's lookup key")
struct MappedCodeKeyTests {
    /// Bytes that take each branch: blanks and a no-break space (dropped or
    /// folded), capitals (lowered), a control byte, and plain letters.
    static let alphabet: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, 0xC2, 0xA0, 0x41, 0x5A, 0x61, 0x7A, 0x31, 0x01, 0x2D]

    @Test("the fast key of a short cell is the key of its comparison form, for every cell of up to four bytes from the alphabet and random longer ones")
    func fastKeyAgreesWithNormalizedKey() {
        func check(_ cell: [UInt8]) {
            cell.withUnsafeBytes { raw in
                #expect(MappedCodeTables.key(of: raw) == MappedCodeTables.normalizedKey(of: raw), "\(cell)")
            }
        }
        var cells: [[UInt8]] = [[]]
        for _ in 1...4 {
            cells = cells.flatMap { cell in Self.alphabet.map { cell + [$0] } }
            cells.forEach(check)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 5...12, using: &generator)
            check((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
        }
    }

    @Test("case and surrounding or repeated blanks do not change the key; inner letters do")
    func foldedForms() {
        func key(_ text: String) -> UInt64 {
            Array(text.utf8).withUnsafeBytes { MappedCodeTables.key(of: $0) }
        }
        #expect(key("N1") == key(" n1 ") && key("Not known") == key("NOT  KNOWN") && key("a\u{A0}b") == key("A B"))
        #expect(key("N1") != key("N2") && key("Child in need") != key("Child in deed"))
    }
}
