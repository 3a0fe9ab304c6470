import CSCCore

/// A synthetic child's time looked after (the SSDA903 side of the journey):
/// one period of care as a chain of episodes, its reviews and missing
/// episodes, and, once the period is over, the care leaver's OC3 answers.
///
/// The episodes chain: each starts on the day the one before it ended, and
/// only the last can be open. Every date is on or before the as-of date.
public struct SyntheticCareHistory: Sendable, Hashable {
    public var childID: String
    /// Oldest first; the first has RNE `S`.
    public var episodes: [SyntheticCareEpisode]
    /// Looked-after reviews, oldest first, within the period of care.
    public var reviews: [SyntheticCareReview]
    /// Missing and away-without-authorisation episodes, oldest first.
    public var missing: [SyntheticMissingEpisode]
    /// Set for a young person aged 17 to 21 at the as-of date whose care has ended.
    public var careLeaver: SyntheticCareLeaver?
    /// What the child left when this period of care began (SSDA903 PrevPerm).
    public var previousPermanence = SyntheticPreviousPermanence.none

    /// The day the child started to be looked after.
    public var startDate: Day { episodes[0].startDate }
    /// The day care ended; nil while the child is looked after.
    public var endDate: Day? { episodes[episodes.count - 1].endDate }
}

/// One SSDA903 episode: a stretch of care with one legal status and one placement.
public struct SyntheticCareEpisode: Sendable, Hashable {
    public var startDate: Day
    /// RNE: S (started), L (legal status), P (placement and carer), T (placement, same carer).
    public var reasonNewEpisode: String
    /// LS: C1, C2, E1, V2, L2, ...
    public var legalStatus: String
    /// CIN category of need, N1–N8.
    public var categoryOfNeed: String
    /// PLACE, valid in the collection year written.
    public var placement: String
    /// PLACE_PROVIDER, PR0–PR5.
    public var provider: String
    public var endDate: Day?
    /// REC: X1 when another episode follows the same day; set exactly when `endDate` is.
    public var reasonEnded: String?
    /// Set on an episode that ended because the placement changed.
    public var reasonPlaceChange: String?
    /// A full UK-shaped postcode in the fake `ZZ` area.
    public var homePostcode: String
    public var placementPostcode: String
    /// The placement's Ofsted URN (`SC123456`), or `XXXXXXX` for a placement Ofsted does not register.
    public var urn: String
}

/// A looked-after child's review and how the child took part (PN0–PN7).
public struct SyntheticCareReview: Sendable, Hashable {
    public var date: Day
    public var participation: String
}

/// A time the child was missing (`M`) or away without authorisation (`A`).
public struct SyntheticMissingEpisode: Sendable, Hashable {
    public var kind: String
    public var startDate: Day
    /// Nil while the child is still missing at the as-of date.
    public var endDate: Day?
}

/// A care leaver's OC3 answers for the collection year.
public struct SyntheticCareLeaver: Sendable, Hashable {
    /// IN_TOUCH: YES, NO, NREQ, ...
    public var inTouch: String
    /// ACTIV: F2, F5, G5, ... or `0` when not known.
    public var activity: String
    /// ACCOM: an accommodation letter and 1 (suitable) or 2 (unsuitable), e.g. `U1`, or `0`.
    public var accommodation: String
}

/// The SSDA903 PrevPerm answers for a period of care: the permanence
/// arrangement the child left, and when its order was made, with the parts
/// the council does not know written as ZZ.
public struct SyntheticPreviousPermanence: Sendable, Hashable {
    /// PREV_PERM: P1 adoption, P2 special guardianship, P3 residence or child arrangements order, P4 not known, Z1 none.
    public var option: String
    /// The order's day, when there was an order.
    public var orderDate: Day?
    /// How much of the order's date the council knows.
    public var known: KnownPart

    public enum KnownPart: Sendable, Hashable {
        case day, month, year, nothing
    }

    public static let none = SyntheticPreviousPermanence(option: "Z1", orderDate: nil, known: .nothing)

    /// DATE_PERM as the return writes it: `DD/MM/YYYY`, `ZZ/MM/YYYY`, `ZZ/ZZ/YYYY`, `ZZ/ZZ/ZZZZ` (an order
    /// of unknown date), or blank (no order: P4, Z1).
    public var writtenDate: String { PreviousPermanence.returnDate(canonicalDate, option: option) }

    /// `order_date` as the reader makes it: ISO, as precise as the return says, empty when not known.
    public var canonicalDate: String {
        guard let day = orderDate else { return "" }
        switch known {
        case .day: return day.iso
        case .month: return String(day.iso.prefix(7))
        case .year: return String(day.iso.prefix(4))
        case .nothing: return ""
        }
    }
}
