import CSCCore

/// The codes the Ofsted Annex A template asks for ("Preferred code" on its
/// `Codes_used` sheet), by field and canonical value: `a) Male`,
/// `q) 6: Police`, `N1 - Abuse or neglect`. Read from the reference folder's
/// `annex-a-codes.csv` (`field,canonical,code`), so a newer template is a
/// change of data, not a release.
///
/// A canonical value the template has no code for (a code the DfE added
/// after 2019, such as referral source 5D) is written as the DfE code and its
/// label (`5D: LA services: early help`), which the Annex A reader and a person
/// both still understand.
public struct AnnexATemplateCodes: Sendable {
    /// The template's code lists this release writes.
    public enum Field: String, Sendable, CaseIterable {
        case gender, ethnicity, source, yesNo = "yes_no", primaryNeed = "primary_need"
        case closureReason = "closure_reason", caseStatus = "case_status", categoryOfAbuse = "category_of_abuse"
        case categoryOfNeed = "category_of_need", legalStatus = "legal_status", reasonCeased = "reason_ceased"
        case placement, placementProvider = "placement_provider", eligibility, inTouch = "in_touch"
        case accommodation, suitability, activity, reasonReversed = "reason_reversed", reasonLeft = "reason_left"

        /// The DfE code list that labels a value the template has no code for.
        var codeList: String? {
            switch self {
            case .ethnicity: "ethnicity"
            case .source: "referral_source"
            case .primaryNeed: "primary_need"
            case .closureReason: "closure_reason"
            case .categoryOfAbuse: "category_of_abuse"
            case .categoryOfNeed: "ssda903_category_of_need"
            case .legalStatus: "ssda903_legal_status"
            case .reasonCeased: "ssda903_reason_episode_ceased"
            case .placement: "ssda903_placement"
            case .placementProvider: "ssda903_placement_provider"
            case .inTouch: "ssda903_in_touch"
            case .accommodation: "ssda903_accommodation"
            case .activity: "ssda903_care_leaver_activity"
            // The 2019 template numbers these reasons differently from the
            // SSDA903 (its RD1 is the 903's RD2), so the 903 code and label are written.
            case .reasonReversed: "ssda903_reason_placed_ceased"
            case .gender, .yesNo, .caseStatus, .eligibility, .suitability, .reasonLeft: nil
            }
        }
    }

    private var codes: [Field: [String: String]] = [:]
    private var fallbackLabels: [Field: [String: String]] = [:]

    /// `rows` are `(field, canonical, code)`; an unknown field is the caller's
    /// to report (see `Field(rawValue:)`). `codeBook` labels the values the
    /// template does not list.
    public init(rows: [(field: Field, canonical: String, code: String)], codeBook: CodeBook) {
        for row in rows where codes[row.field]?[row.canonical] == nil {
            codes[row.field, default: [:]][row.canonical] = row.code
        }
        for field in Field.allCases {
            guard let name = field.codeList, let list = codeBook.lists[name] else { continue }
            var labels: [String: String] = [:]
            for entry in list.entries where !entry.label.isEmpty && labels[entry.canonical] == nil {
                labels[entry.canonical] = entry.code + ": " + entry.label
            }
            fallbackLabels[field] = labels
        }
    }

    /// The template's code for `canonical`, empty for an empty value.
    public func code(_ field: Field, _ canonical: String) -> String {
        guard !canonical.isEmpty else { return "" }
        return codes[field]?[canonical] ?? fallbackLabels[field]?[canonical] ?? canonical
    }

    /// Yes/No answers: `1` → `a) Yes`, `0` → `b) No`, anything else blank.
    public func yesNo(_ flag: String) -> String { flag == "1" || flag == "0" ? code(.yesNo, flag) : "" }
}
