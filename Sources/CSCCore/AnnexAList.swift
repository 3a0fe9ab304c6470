/// One of Ofsted's Annex A child-level lists (1–11), one sheet each.
public enum AnnexAList: Int, Sendable, CaseIterable, Comparable {
    case contacts = 1, earlyHelp, referrals, assessments, section47, childrenInNeed
    case childProtection, childrenInCare, careLeavers, adoption, adopters

    public static func < (a: AnnexAList, b: AnnexAList) -> Bool { a.rawValue < b.rawValue }

    /// The list's title in the Ofsted template, e.g. "List 3: Referrals".
    public var title: String {
        let names = ["Contacts", "Early Help", "Referrals", "Assessments", "Section 47 enquiries and ICPCs",
                     "Children in Need", "Child protection", "Children in care", "Care leavers", "Adoption", "Adopters"]
        return "List \(rawValue): \(names[rawValue - 1])"
    }

    /// The canonical table the list's rows become.
    public var table: CanonicalTable {
        switch self {
        case .contacts: .contacts
        case .earlyHelp: .early_help
        case .referrals, .childrenInNeed: .referrals
        case .assessments: .assessments
        case .section47: .section47
        case .childProtection: .cp_plans
        case .childrenInCare: .cla_episodes
        case .careLeavers: .care_leavers
        case .adoption: .adoptions
        case .adopters: .adopters
        }
    }
}

extension AnnexAList {
    /// The list's column headings, exactly as the Ofsted template words them
    /// (2019 template; list 9 with the columns LAs have added since, formats.md §3.2).
    public var headings: [String] {
        let common = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
        let disability = "Does the Child have a Disability"
        let allocated = ["Allocated Team", "Allocated Worker"]
        switch self {
        case .contacts:
            return common + ["Date of Contact", "Contact Source"]
        case .earlyHelp:
            return common + ["Assessment start date", "Assessment completion date", "Organisation completing assessment"]
        case .referrals:
            return common + ["Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"]
                + allocated
        case .assessments:
            return common + [disability, "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                             "Continuous Assessment Date of Authorisation",
                             "Was the child assessed as requiring LA children's social care support?"] + allocated
        case .section47:
            return common + [disability, "Strategy discussion initiating Section 47 Enquiry Start Date",
                             "Was an Initial Child Protection Conference deemed unnecessary?",
                             "Date of Initial Child Protection Conference",
                             "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                             "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months"]
                + allocated
        case .childrenInNeed:
            return common + [disability, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date",
                             "Reason for Closure", "Case Status"] + allocated
        case .childProtection:
            return common + [disability, "Child Protection Plan Start Date", "Initial Category of Abuse",
                             "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                             "Date of latest review conference", "Child Protection Plan End Date",
                             "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                             "Number of Previous Child Protection Plans"] + allocated
        case .childrenInCare:
            return common + [disability, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
                             "Date Started to be Looked After", "Child's Category of Need",
                             "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                             "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
                             "Date of Last Social Work Visit", "What is the permanence plan for this child?",
                             "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
                             "Date of Last Dental Check", "Number of Placements in the Last 12 months",
                             "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
                             "Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
                             "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
                             "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                             "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                             "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                             "Did the child accept a Return Interview after their last missing episode (Y/N)?"] + allocated
        case .careLeavers:
            return common + [disability, "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"]
                + allocated + ["Allocated Personal Advisor", "Eligibility Category", "Latest Pathway Plan Review Date",
                               "LA In Touch", "Latest Date of Contact", "Type of Accommodation",
                               "Suitability of Accommodation", "Activity Status"]
        case .adoption:
            return ["Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                    disability, "Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption",
                    "Date of Placement Order", "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption",
                    "Date of Adoption Order", "Date of Decision that Child Should No Longer be Placed for Adoption",
                    "Reason Why Child No Longer Placed for Adoption",
                    "Date the child was placed for fostering in FFA or concurrent planning placement"]
        case .adopters:
            return ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability",
                    "Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started",
                    "Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted",
                    "Date application approved", "Date adopter matched with child(ren)",
                    "Date child/children placed with adopter(s)", "No. of children placed", "Date of Adoption Order",
                    "Date of leaving adoption process", "Reason for leaving adoption process"]
        }
    }

    /// The template's sheet name: `List 1` … `List 11`.
    public var sheetName: String { "List \(rawValue)" }
}
