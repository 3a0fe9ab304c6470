import CSCCore

/// Canonical values written back as the codes a return uses.
///
/// Nearly every canonical code is the return's own code (the code lists'
/// `canonical` column repeats it). These are the exceptions, the inverse of
/// the readers' mappings: sex, stored M/F/U, and the 903's ACCOM, stored as a
/// letter and a 1/0 suitability.
enum ReturnCodes {
    /// The first year whose CIN census has `Sex` (M/F/U) instead of
    /// `GenderCurrent` (1/2/0/9), and whose 903 SEX is M/F/U instead of 1/2.
    static let sexLettersFrom = CollectionYear(startYear: 2024)

    /// CIN `GenderCurrent`: 1 male, 2 female, 0 not recorded (also unknown and unborn).
    static func genderCurrent(_ sex: String) -> String {
        switch sex {
        case "M": "1"
        case "F": "2"
        default: "0"
        }
    }

    /// CIN `Sex`: the canonical letter; U when it is not recorded.
    static func cinSex(_ sex: String) -> String { sex.isEmpty ? "U" : sex }

    /// 903 SEX in `year`: M/F/U from 2024-25; before, 1 male, 2 female, and
    /// nothing for a sex the older return had no code for.
    static func ssda903Sex(_ sex: String, in year: CollectionYear) -> String {
        if year >= sexLettersFrom { return sex }
        switch sex {
        case "M": return "1"
        case "F": return "2"
        default: return ""
        }
    }

    /// 903 ACCOM: the accommodation letter and its suitability digit (1
    /// suitable, 2 unsuitable), or the letter alone (`0`, not known) when
    /// suitability is not recorded.
    static func accommodation(_ letter: String, suitable: String) -> String {
        switch suitable {
        case "1": letter + "1"
        case "0": letter + "2"
        default: letter
        }
    }

    /// The 903 knows only UN1–UN5 as reasons a UPN is unknown; the CIN
    /// census's others (UN6, UN7) become UN4, "UPN not yet known".
    static func ssda903UPNUnknown(_ reason: String) -> String {
        switch reason {
        case "", "UN1", "UN2", "UN3", "UN4", "UN5": reason
        default: "UN4"
        }
    }

    /// An ISO `YYYY-MM-DD` date as the 903's `DD/MM/YYYY`; anything else as it is.
    static func ukDate(_ iso: String) -> String {
        let b = Array(iso.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return iso }
        let slash = UInt8(ascii: "/")
        return String(decoding: [b[8], b[9], slash, b[5], b[6], slash, b[0], b[1], b[2], b[3]], as: UTF8.self)
    }
}
