import CSCCore

/// The CIN code lists by position in `CINYearCodes.tables`.
enum CINCodeListName: Int, CaseIterable {
    case ethnicity, disability, referralSource, primaryNeed, closureReason, categoryOfAbuse, assessmentFactors
    case upnUnknown, sex, genderCurrent
}

/// One code list narrowed to the codes valid in one collection year, so a
/// lookup is a single dictionary probe (the parser's value cache then saves
/// even that for the codes a census repeats row after row).
struct YearCodeTable {
    let list: CINCodeLists.List
    private let valid: [String: String]

    init(_ list: CINCodeLists.List, year: CollectionYear) {
        self.list = list
        var valid: [String: String] = [:]
        for e in list.list.entries where e.isValid(in: year) && valid[e.code] == nil {
            valid[e.code] = e.canonical
        }
        self.valid = valid
    }

    /// The canonical value of a non-empty `code`, or nil when it is not valid in the year.
    func canonical(_ code: String) -> String? { valid[code] }
}

extension CINCodeLists {
    /// Every list narrowed to `year`, indexed by `CINCodeListName`.
    func tables(for year: CollectionYear) -> [YearCodeTable] {
        CINCodeListName.allCases.map { name in
            let list: List = switch name {
            case .ethnicity: ethnicity
            case .disability: disability
            case .referralSource: referralSource
            case .primaryNeed: primaryNeed
            case .closureReason: closureReason
            case .categoryOfAbuse: categoryOfAbuse
            case .assessmentFactors: assessmentFactors
            case .upnUnknown: upnUnknown
            case .sex: sex
            case .genderCurrent: genderCurrent
            }
            return YearCodeTable(list, year: year)
        }
    }
}
