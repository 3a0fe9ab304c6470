/// Excel's A1 references: column letters to 0-based indexes and back.
public enum XLSXCellReference {
    /// The 0-based column and the row of `C12`-style bytes; either is nil
    /// when that part is missing or not well formed.
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (column: Int?, row: Int?) {
        var i = 0
        var column = 0
        var letters = 0
        while i < b.count {
            var c = b[i]
            if c >= 0x61 && c <= 0x7A { c -= 0x20 }
            guard c >= 0x41 && c <= 0x5A else { break }
            column = column * 26 + Int(c - 0x40)
            letters += 1
            i += 1
        }
        var row = 0
        var digits = 0
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
            row = row * 10 + Int(b[i] - 0x30)
            digits += 1
            i += 1
        }
        let wellFormed = i == b.count
        return (letters > 0 && letters <= 3 && wellFormed ? column - 1 : nil,
                digits > 0 && wellFormed && row > 0 ? row : nil)
    }

    /// The letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func letters(_ column: Int) -> String {
        var n = column + 1
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(0x41 + r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// The 0-based column of letters such as `AB`, or nil.
    public static func column(_ letters: String) -> Int? {
        var bytes = Array(letters.utf8)
        return bytes.withUnsafeMutableBufferPointer { b in
            let (column, row) = parse(UnsafeBufferPointer(b))
            return row == nil ? column : nil
        }
    }
}
