import CSCCore

/// The collection year a file's name, or its folder's, says, as councils
/// write it: `2023-24`, `2023_24`, `202324`, `2324`, or a bare `2024`, which
/// (as the DfE names returns) means the collection ending in 2024, 2023-24.
enum SSDA903FileYear {
    /// The year named by the file's own name, else by its folder's, with
    /// which of the two said it; nil when neither names exactly one year.
    static func year(ofPath path: String) -> (year: CollectionYear, source: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = parts.last else { return nil }
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        if let y = year(in: stem) { return (y, "file name") }
        if parts.count >= 2, let y = year(in: parts[parts.count - 2]) { return (y, "folder name") }
        return nil
    }

    /// The one collection year `text` names; nil for none, or for two different ones.
    static func year(in text: Substring) -> CollectionYear? {
        let chars = Array(text.utf8)
        var runs: [(start: Int, digits: String)] = []
        var i = 0
        while i < chars.count {
            guard SSDA903Bytes.isDigit(chars[i]) else { i += 1; continue }
            let start = i
            while i < chars.count, SSDA903Bytes.isDigit(chars[i]) { i += 1 }
            runs.append((start, String(decoding: chars[start..<i], as: UTF8.self)))
        }
        var found: Set<CollectionYear> = []
        var k = 0
        while k < runs.count {
            let run = runs[k]
            let end = run.start + run.digits.count
            // `2023-24`, `2023_24`: a four-digit year, one separator, two digits.
            if run.digits.count == 4, k + 1 < runs.count, runs[k + 1].digits.count == 2, runs[k + 1].start == end + 1,
               [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: " ")].contains(chars[end]),
               let y = CollectionYear("\(run.digits)-\(runs[k + 1].digits)") {
                found.insert(y)
                k += 2
                continue
            }
            if run.digits.count == 4 || run.digits.count == 6, let y = CollectionYear(run.digits), plausible(y) {
                found.insert(y)
            }
            k += 1
        }
        return found.count == 1 ? found.first : nil
    }

    /// Rules out numbers that only look like years (`0001` would be 2000-01).
    private static func plausible(_ y: CollectionYear) -> Bool { (2005...2098).contains(y.startYear) }
}
