import Foundation
import CSCCore

/// Turns Annex A cell text into canonical codes.
///
/// Tried in order, each on the normalised text (case, spaces and punctuation
/// ignored): the label table `pipelines/reference/codes/annex_a_<name>.csv`
/// (`code` = the label as LAs write it, `canonical` = the stored code); the
/// same after dropping the template's `a) ` ordering prefix; then the DfE code
/// list itself, by code (`q) 6: Police` → `6`, `N1 - Abuse or neglect` → `N1`,
/// `E11: …` → `E11`) or by its label (`Police` → `6`).
struct AnnexALabels {
    /// Canonical value meaning "known to be unknown": stored empty, with no issue.
    static let unknown = "unknown"

    private var tables: [String: [String: String]] = [:]
    private var codeLabels: [String: [String: String]] = [:]
    private let codes: CodeBook
    private let year: CollectionYear

    init(codes: CodeBook, year: CollectionYear) {
        self.codes = codes
        self.year = year
        for (name, list) in codes.lists {
            if name.hasPrefix("annex_a_") {
                var table: [String: String] = [:]
                for e in list.entries where e.isValid(in: year) {
                    table[AnnexAText.normalised(e.code)] = e.canonical
                }
                tables[String(name.dropFirst("annex_a_".count))] = table
            } else {
                var labels: [String: String] = [:]
                for e in list.entries where e.isValid(in: year) && !e.label.isEmpty {
                    let key = AnnexAText.normalised(e.label)
                    if labels[key] == nil { labels[key] = e.canonical }
                }
                codeLabels[name] = labels
            }
        }
    }

    /// The canonical value of `text` (already cleaned), or nil when nothing knows it.
    func resolve(_ text: String, codeList: String?, labels: String?) -> String? {
        let bare = AnnexAText.withoutLetterPrefix(text)
        if let labels, let table = tables[labels] {
            if let v = table[AnnexAText.normalised(text)] ?? table[AnnexAText.normalised(bare)] { return v }
        }
        guard let codeList, let list = codes.lists[codeList] else { return nil }
        for candidate in Self.codeCandidates(bare) {
            if let v = list.canonical(candidate, in: year) ?? list.canonical(candidate.uppercased(), in: year) { return v }
        }
        return codeLabels[codeList]?[AnnexAText.normalised(bare)]
    }

    /// `6: Police` → `6: Police`, `6`; `N1 - Abuse` → `N1`; `PR4 - Private` → `PR4`.
    private static func codeCandidates(_ text: String) -> [String] {
        var out = [text]
        for separator in [":", " - ", " – ", " "] {
            if let r = text.range(of: separator) {
                let head = text[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                if !head.isEmpty && !out.contains(head) { out.append(head) }
            }
        }
        return out
    }
}
