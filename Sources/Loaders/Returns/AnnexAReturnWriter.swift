import CSCCore

/// Writes `returns/annex-a.xlsx`: Ofsted's Annex A child-level lists 1–11
/// as at the run's as-of day (the "point of notification"), one sheet per
/// list named and headed as the template is (`List 1` …, the title in row 1,
/// the headings in row 2), dates as DD/MM/YYYY date cells and coded values
/// as the template's `a) …` codes.
///
/// Each list's scope and derived columns are documented on the function that
/// draws it (`contactRows()` … `adopterRows()`): 6 months back for lists 1–9,
/// 12 for lists 10–11, one row per child where the template says so.
public struct AnnexAReturnWriter {
    private let context: AnnexAContext

    public init(tables: [CanonicalTable: [Record]], asOf: Day, codes: AnnexATemplateCodes) {
        context = AnnexAContext(tables: tables, asOf: asOf, codes: codes)
    }

    public static func path(inRunFolder folder: String) -> String { folder + "/returns/annex-a.xlsx" }

    /// The rows of one list, as written.
    public func rows(of list: AnnexAList) -> [[XLSXOutputCell]] {
        switch list {
        case .contacts: context.contactRows()
        case .earlyHelp: context.earlyHelpRows()
        case .referrals: context.referralRows()
        case .assessments: context.assessmentRows()
        case .section47: context.section47Rows()
        case .childrenInNeed: context.childInNeedRows()
        case .childProtection: context.childProtectionRows()
        case .childrenInCare: context.childInCareRows()
        case .careLeavers: context.careLeaverRows()
        case .adoption: context.adoptionRows()
        case .adopters: context.adopterRows()
        }
    }

    /// Writes the workbook at `path` and returns the rows written per list.
    @discardableResult
    public func write(to path: String) throws -> [AnnexAList: Int] {
        let book = try XLSXWorkbookWriter(path: path, date: context.asOf)
        var counts: [AnnexAList: Int] = [:]
        for list in AnnexAList.allCases {
            let rows = rows(of: list)
            counts[list] = rows.count
            try book.addSheet(XLSXSheet(name: list.sheetName, title: list.title, headings: list.headings), rows: rows)
        }
        try book.close()
        return counts
    }
}
