import CSCCore

/// The tables of the SSDA903 (children looked after) return, one CSV file each.
///
/// A file is recognised by its column names, never by its file name: councils
/// name their exports freely, and the DfE and the open-source 903 validator
/// identify the tables the same way.
public enum SSDA903Table: String, CaseIterable, Sendable {
    case header = "Header"
    case episodes = "Episodes"
    case uasc = "UASC"
    case reviews = "Reviews"
    case ad1 = "AD1"
    case placedAdoption = "PlacedAdoption"
    case prevPerm = "PrevPerm"
    case missing = "Missing"
    case oc2 = "OC2"
    case oc3 = "OC3"
    case swEpisodes = "SWEpisodes"
    case doLo = "DoLo"

    /// The DfE column names, in the order the DfE lists them.
    public var columns: [String] {
        switch self {
        case .header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
        case .episodes:
            ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
             "HOME_POST", "PL_POST", "URN"]
        case .uasc: ["CHILD", "SEX", "DOB", "DUC"]
        case .reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
        case .ad1: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
        case .placedAdoption: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]
        case .prevPerm: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]
        case .missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]
        case .oc2:
            ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
             "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]
        case .oc3: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
        case .swEpisodes: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]
        case .doLo: ["CHILD", "DOB", "DOLO_START", "DOLO_END"]
        }
    }

    /// The canonical table the rows are loaded into.
    public var canonicalTable: CanonicalTable {
        switch self {
        case .header, .uasc: .children
        case .episodes: .cla_episodes
        case .reviews: .cla_reviews
        case .missing: .missing_episodes
        case .oc3: .care_leavers
        case .ad1, .placedAdoption: .adoptions
        case .swEpisodes: .allocations
        case .oc2: .health_outcomes
        case .prevPerm: .previous_permanence
        case .doLo: .deprivation_of_liberty
        }
    }

    /// The exception report's `dataset` for this table's issues.
    var dataset: String { canonicalTable.name }

    /// Columns whose dates say when the file's events happened, for telling
    /// the collection year from the data. Birth dates, the date a UASC child
    /// turns 18 (DUC) and the date of a previous permanence order say nothing
    /// about which return a file belongs to.
    var eventDateColumns: [String] {
        switch self {
        case .episodes: ["DECOM", "DEC"]
        case .reviews: ["REVIEW"]
        case .ad1: ["DATE_INT", "DATE_MATCH"]
        case .placedAdoption: ["DATE_PLACED", "DATE_PLACED_CEASED"]
        case .missing: ["MIS_START", "MIS_END"]
        case .swEpisodes: ["SW_DECOM", "SW_DEC"]
        case .doLo: ["DOLO_START", "DOLO_END"]
        case .header, .uasc, .prevPerm, .oc2, .oc3: []
        }
    }
}
