import CSCCore

/// The code lists an SSDA903 file is checked against, by the 903 field that
/// uses them. The lists themselves are data (`pipelines/reference/codes`), so a
/// new DfE year is a file change.
enum SSDA903CodeList: Int, CaseIterable, Sendable {
    case sex, ethnicity, upnUnknown
    case reasonNewEpisode, legalStatus, categoryOfNeed, placement, placementProvider, reasonEpisodeCeased
    case reasonPlaceChange, reviewParticipation, missingKind, inTouch, careLeaverActivity, accommodation
    case accommodationSuitable, adopterSex, adopterLegalStatus, reasonPlacedCeased, previousPermanence
    case sdqReason, swReason

    /// The list's name in the code book (its file name without `.csv`).
    var bookName: String {
        switch self {
        case .sex: "ssda903_sex"
        case .ethnicity: "ethnicity"
        case .upnUnknown: "ssda903_upn_unknown"
        case .reasonNewEpisode: "ssda903_reason_new_episode"
        case .legalStatus: "ssda903_legal_status"
        case .categoryOfNeed: "ssda903_category_of_need"
        case .placement: "ssda903_placement"
        case .placementProvider: "ssda903_placement_provider"
        case .reasonEpisodeCeased: "ssda903_reason_episode_ceased"
        case .reasonPlaceChange: "ssda903_reason_place_change"
        case .reviewParticipation: "ssda903_review_participation"
        case .missingKind: "ssda903_missing_kind"
        case .inTouch: "ssda903_in_touch"
        case .careLeaverActivity: "ssda903_care_leaver_activity"
        case .accommodation: "ssda903_accommodation"
        case .accommodationSuitable: "ssda903_accommodation_suitable"
        case .adopterSex: "ssda903_adopter_sex"
        case .adopterLegalStatus: "ssda903_adopter_legal_status"
        case .reasonPlacedCeased: "ssda903_reason_placed_ceased"
        case .previousPermanence: "ssda903_previous_permanence"
        case .sdqReason: "ssda903_sdq_reason"
        case .swReason: "ssda903_sw_reason"
        }
    }

    /// The 903 field the list belongs to, for messages ("H5 is not a PLACE code").
    var field: String {
        switch self {
        case .sex: "SEX"
        case .ethnicity: "ETHNIC"
        case .upnUnknown: "UPN unknown"
        case .reasonNewEpisode: "RNE"
        case .legalStatus: "LS"
        case .categoryOfNeed: "CIN"
        case .placement: "PLACE"
        case .placementProvider: "PLACE_PROVIDER"
        case .reasonEpisodeCeased: "REC"
        case .reasonPlaceChange: "REASON_PLACE_CHANGE"
        case .reviewParticipation: "REVIEW_CODE"
        case .missingKind: "MISSING"
        case .inTouch: "IN_TOUCH"
        case .careLeaverActivity: "ACTIV"
        case .accommodation, .accommodationSuitable: "ACCOM"
        case .adopterSex: "SEX_ADOPTR"
        case .adopterLegalStatus: "LS_ADOPTR"
        case .reasonPlacedCeased: "REASON_PLACED_CEASED"
        case .previousPermanence: "PREV_PERM"
        case .sdqReason: "SDQ_REASON"
        case .swReason: "SW_REASON"
        }
    }

    /// The newest collection year any 903 list names: what a file whose year
    /// cannot be told is checked against. Nil when no code has year limits.
    static func latestYear(in codes: CodeBook) -> CollectionYear? {
        var latest: CollectionYear?
        for list in allCases {
            for e in codes[list.bookName].entries {
                for y in [e.firstYear, e.lastYear.map { CollectionYear(startYear: $0.startYear + 1) }] {
                    if let y, latest.map({ y > $0 }) ?? true { latest = y }
                }
            }
        }
        return latest
    }
}
