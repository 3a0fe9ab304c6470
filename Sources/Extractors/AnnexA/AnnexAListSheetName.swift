import CSCCore

extension AnnexAList {
    /// The list a sheet holds, told from its name however it is spelled:
    /// `List_1`, `List 1`, `List1`, `list 1 - Contacts`, `Annex A List 10`.
    /// The number after "list" must be whole: `List 10` is never list 1.
    public init?(sheetName: String) {
        // Letters and digits only: "List_1", "List 1 - Contacts" and "List1" all read "list1…".
        let text = Array(AnnexAText.normalised(sheetName).utf8)
        var i = 0
        while i + 4 <= text.count {
            defer { i += 1 }
            guard text[i..<i + 4].elementsEqual("list".utf8) else { continue }
            var j = i + 4
            if j + 2 < text.count, text[j] == UInt8(ascii: "n"), text[j + 1] == UInt8(ascii: "o"),
               (0x30...0x39).contains(text[j + 2]) { j += 2 }
            var n = 0
            var digits = 0
            while j < text.count, (0x30...0x39).contains(text[j]) {
                n = n * 10 + Int(text[j] - 0x30)
                digits += 1
                j += 1
            }
            if digits > 0 && digits <= 2, let list = AnnexAList(rawValue: n) {
                self = list
                return
            }
        }
        return nil
    }
}
