import CSCCore

/// The code lists a CIN census is checked against, fetched from the code book
/// once per file, with the words a message uses for each.
struct CINCodeLists: Sendable {
    struct List: Sendable {
        let list: CodeList
        /// "a referral source code", for "RB is not a referral source code".
        let noun: String
    }

    /// The code book lists the reader uses (`CINCensusReader.requiredCodeLists`).
    static let names = ["ethnicity", "disability", "referral_source", "primary_need", "closure_reason",
                        "category_of_abuse", "assessment_factors", "upn_unknown", "sex", "gender_current"]

    let ethnicity: List
    let disability: List
    let referralSource: List
    let primaryNeed: List
    let closureReason: List
    let categoryOfAbuse: List
    let assessmentFactors: List
    let upnUnknown: List
    let sex: List
    let genderCurrent: List

    init(_ codes: CodeBook) {
        ethnicity = List(list: codes["ethnicity"], noun: "an ethnicity code")
        disability = List(list: codes["disability"], noun: "a disability code")
        referralSource = List(list: codes["referral_source"], noun: "a referral source code")
        primaryNeed = List(list: codes["primary_need"], noun: "a primary need code")
        closureReason = List(list: codes["closure_reason"], noun: "a reason for closure code")
        categoryOfAbuse = List(list: codes["category_of_abuse"], noun: "a category of abuse code")
        assessmentFactors = List(list: codes["assessment_factors"], noun: "an assessment factor code")
        upnUnknown = List(list: codes["upn_unknown"], noun: "a UPN unknown reason")
        sex = List(list: codes["sex"], noun: "a Sex code (M, F or U)")
        genderCurrent = List(list: codes["gender_current"], noun: "a GenderCurrent code (1, 2, 0 or 9)")
    }

    /// The newest collection year any code list names: what a file whose year
    /// cannot be told is checked against. Nil when no code has year limits
    /// (then every year's lists are the same).
    static func latestYear(in codes: CodeBook) -> CollectionYear? {
        var latest: CollectionYear?
        for name in names {
            for e in codes[name].entries {
                for y in [e.firstYear, e.lastYear.map { CollectionYear(startYear: $0.startYear + 1) }] {
                    if let y, latest.map({ y > $0 }) ?? true { latest = y }
                }
            }
        }
        return latest
    }
}
