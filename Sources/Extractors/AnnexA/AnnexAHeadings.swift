import CSCCore
/// Finds which Annex A column each heading of a sheet is, by normalised text
/// (case, spaces and punctuation do not matter), then by the start of the
/// heading (typos at the end such as "(Y/N))"), then by pattern for the id.
struct AnnexAHeadings {
    let columns: [AnnexAColumn]
    private var byText: [String: Int] = [:]

    init(list: AnnexAList) {
        columns = list.columns
        for (i, c) in columns.enumerated() {
            for h in [c.heading] + c.aliases {
                let key = AnnexAText.normalised(h)
                if byText[key] == nil { byText[key] = i }
            }
        }
    }

    /// The index in `columns` of this heading, or nil.
    func match(_ heading: String) -> Int? {
        let key = AnnexAText.normalised(heading)
        guard !key.isEmpty else { return nil }
        if let i = byText[key] { return i }
        // One wording starting the other, with enough text in common to be sure.
        var best: (index: Int, length: Int)?
        for (i, c) in columns.enumerated() {
            let full = AnnexAText.normalised(c.heading)
            let shorter = min(full.count, key.count)
            guard shorter >= 12, full.hasPrefix(key) || key.hasPrefix(full) else { continue }
            if best == nil || shorter > best!.length { best = (i, shorter) }
        }
        if let best { return best.index }
        // liia's pattern for the id: "child" then "id" or "identifier".
        if key.contains("child"), key.hasSuffix("id") || key.hasSuffix("identifier") {
            return columns.firstIndex { $0.kind == .id }
        }
        return nil
    }
}
