/// Recognises an Annex A workbook for `cscpipe inspect`: an .xlsx whose sheets
/// are named like the lists. Reads only the workbook's sheet list.
enum AnnexAFileInspector {
    /// The description, or nil when the file is not a workbook with list sheets.
    static func inspect(_ path: String) -> FileDescription? {
        guard let found = try? AnnexAReader.lists(in: path), !found.isEmpty else { return nil }
        let numbers = found.map(\.list.rawValue)
        let named = found.map { "\($0.list.rawValue) (\"\($0.sheet)\")" }.joined(separator: ", ")
        return FileDescription(path: path, kind: .annexA(lists: numbers),
                               summary: "Ofsted Annex A workbook, \(found.count) list\(found.count == 1 ? "" : "s"): \(named)")
    }
}
