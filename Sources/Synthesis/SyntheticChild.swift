import CSCCore

/// One synthetic child known to the council's children's services, with the
/// whole journey up to the as-of date. No names: the statutory returns carry
/// none, and a synthetic council needs none.
///
/// Every date is on or before the as-of date except `expectedBirthDate`, which
/// is a forecast.
public struct SyntheticChild: Sendable, Hashable {
    /// Sex as the 2024-25 census codes it; earlier years write it as
    /// `GenderCurrent` (M → 1, F → 2, U → 0).
    public enum Sex: String, Sendable, Hashable {
        case male = "M", female = "F", unknown = "U"
    }

    /// The LA's own child id: digits only, at least seven, unique in the council.
    public var id: String
    public var upn: String?
    public var formerUPN: String?
    /// Why there is no UPN (UN1–UN7); set exactly when `upn` is nil.
    public var upnUnknown: String?
    /// Nil while the child is unborn at the as-of date.
    public var birthDate: Day?
    /// The due date recorded when the child was referred before birth; the
    /// census writes it only while the child is still unborn.
    public var expectedBirthDate: Day?
    public var sex: Sex
    public var ethnicity: String
    public var deathDate: Day?
    /// Disability codes in recorded order; `["NONE"]` when there is none.
    public var disabilities: [String]
    /// Contacts with the front door, oldest first (some lead to no referral).
    public var contacts: [SyntheticContact]
    /// CIN episodes (one per referral), oldest first; they never overlap and
    /// only the last can be open.
    public var episodes: [SyntheticEpisode]

    /// True when the child is not yet born at the as-of date.
    public var isUnborn: Bool { birthDate == nil }
}

/// A contact with the children's services front door.
public struct SyntheticContact: Sendable, Hashable {
    public var date: Day
    /// A CIN referral source code (6 police, 2A school, ...).
    public var source: String
}
