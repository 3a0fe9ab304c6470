import CSCCore

/// What one Annex A column holds and where its value goes in the canonical model.
struct AnnexAColumn: Sendable {
    enum Kind: Sendable, Equatable {
        /// The row's child id (List 11: the adopter's id); a blank is `missing-child-id`.
        case id
        case text
        case date
        /// A whole number (counts); `Age` may be -1 (unborn).
        case number
        /// A code: labels from the `annex_a_<labels>` list, else the DfE code in `codeList`.
        case code(codeList: String?, labels: String?)
        /// Yes/No as 1/0, through `annex_a_yes_no`.
        case yesNo
    }

    enum Target: Sendable, Equatable {
        /// A column of the list's own table.
        case row(String)
        /// A column of `children`.
        case child(String)
        /// Age in years: only tells an unborn child (-1), whose date of birth is the expected one.
        case age
        /// A visit's date in `visits`, of this kind (`cin`, `cp`, `cla`).
        case visit(kind: String)
        case seenAlone
        case worker
        /// `cp_reviews.review_date` / `cla_reviews.review_date`.
        case review
        /// One of the dates from which List 8 picks the current episode's start.
        case episodeStart(rank: Int)
        /// Read and checked, but not in the canonical model (e.g. counts Ofsted derives).
        case checkedOnly
    }

    let heading: String
    let kind: Kind
    let target: Target
    /// Other headings LAs are known to use, and the template's older wordings.
    let aliases: [String]

    init(_ heading: String, _ kind: Kind, _ target: Target, aliases: [String] = []) {
        self.heading = heading
        self.kind = kind
        self.target = target
        self.aliases = aliases
    }
}

extension AnnexAList {
    /// The list's columns, from the 2019 template and the newer LA files (formats.md §3.2).
    var columns: [AnnexAColumn] {
        typealias C = AnnexAColumn
        let id = C("Child Unique ID", .id, .row("child_id"),
                   aliases: ["Child ID", "Child Identifier", "LA Child ID", "Unique Child ID", "Child Unique Identifier", "ID"])
        let gender = C("Gender", .code(codeList: "sex", labels: "gender"), .child("sex"), aliases: ["Sex"])
        let ethnicity = C("Ethnicity", .code(codeList: "ethnicity", labels: "ethnicity"), .child("ethnicity"),
                          aliases: ["Ethnic Origin", "Ethnic Group"])
        let birth = C("Date of Birth", .date, .child("birth_date"), aliases: ["DOB", "Birth Date"])
        let age = C("Age of Child (Years)", .number, .age, aliases: ["Age", "Age of Child", "Age (Years)"])
        let disability = C("Does the Child have a Disability", .yesNo, .child("disabilities"),
                           aliases: ["Disability", "Disabled"])
        // Only referrals and assessments keep the team; elsewhere it is read and checked only.
        let team = C("Allocated Team", .text, table.columns.contains("team") ? .row("team") : .checkedOnly,
                     aliases: ["Team"])
        let worker = C("Allocated Worker", .text, .worker, aliases: ["Worker", "Social Worker"])
        let common = [id, gender, ethnicity, birth, age]
        switch self {
        case .contacts:
            return common + [
                C("Date of Contact", .date, .row("contact_date"), aliases: ["Contact Date"]),
                C("Contact Source", .code(codeList: "referral_source", labels: "source"), .row("contact_source")),
            ]
        case .earlyHelp:
            return common + [
                C("Assessment start date", .date, .row("start_date")),
                C("Assessment completion date", .date, .row("end_date")),
                C("Organisation completing assessment", .text, .row("organisation")),
            ]
        case .referrals:
            return common + [
                C("Date of referral", .date, .row("referral_date"), aliases: ["Referral Date"]),
                C("Referral Source", .code(codeList: "referral_source", labels: "source"), .row("referral_source")),
                C("Referral NFA?", .yesNo, .row("nfa"), aliases: ["Referral NFA", "NFA"]),
                C("Number of Referrals in Last 12 Months", .number, .checkedOnly),
                team, C("Allocated Worker", .text, .row("worker"), aliases: ["Worker", "Social Worker"]),
            ]
        case .assessments:
            return common + [disability,
                C("Continuous Assessment Start Date", .date, .row("start_date"), aliases: ["Assessment Start Date"]),
                C("Child Seen During Continuous Assessment", .yesNo, .row("child_seen")),
                C("Continuous Assessment Date of Authorisation", .date, .row("authorised_date"),
                  aliases: ["Assessment Date of Authorisation", "Assessment Authorisation Date"]),
                C("Was the child assessed as requiring LA children's social care support?", .yesNo, .row("further_action")),
                team, C("Allocated Worker", .text, .row("worker"), aliases: ["Worker", "Social Worker"]),
            ]
        case .section47:
            return common + [disability,
                C("Strategy discussion initiating Section 47 Enquiry Start Date", .date, .row("start_date"),
                  aliases: ["Section 47 Enquiry Start Date", "S47 Start Date"]),
                C("Was an Initial Child Protection Conference deemed unnecessary?", .yesNo, .row("icpc_not_required")),
                C("Date of Initial Child Protection Conference", .date, .row("icpc_date"), aliases: ["ICPC Date"]),
                C("Did the Initial Child Protection Conference Result in a Child Protection Plan", .yesNo,
                  .row("cp_plan_started")),
                C("Number of Section 47 Enquiries in the last 12 months", .number, .checkedOnly),
                C("Number of ICPCs in the last 12 months", .number, .checkedOnly,
                  aliases: ["Number of ICPCs in the last 12 months prior to the current S47 enquiry"]),
                team, worker,
            ]
        case .childrenInNeed:
            return common + [disability,
                C("CIN Start Date", .date, .row("referral_date")),
                C("Primary Need Code", .code(codeList: "primary_need", labels: nil), .row("primary_need"),
                  aliases: ["Primary Need"]),
                C("Date Child Was Last Seen", .date, .visit(kind: "cin")),
                C("CIN Closure Date", .date, .row("closure_date")),
                C("Reason for Closure", .code(codeList: "closure_reason", labels: nil), .row("closure_reason")),
                C("Case Status", .text, .checkedOnly),
                team, C("Allocated Worker", .text, .row("worker"), aliases: ["Worker", "Social Worker"]),
            ]
        case .childProtection:
            return common + [disability,
                C("Child Protection Plan Start Date", .date, .row("start_date"), aliases: ["CP Plan Start Date"]),
                C("Initial Category of Abuse", .code(codeList: "category_of_abuse", labels: nil), .row("initial_category")),
                C("Latest Category of Abuse", .code(codeList: "category_of_abuse", labels: nil), .row("latest_category")),
                C("Date of the Last Statutory Visit", .date, .visit(kind: "cp")),
                C("Was the Child Seen Alone?", .yesNo, .seenAlone),
                C("Date of latest review conference", .date, .review),
                C("Child Protection Plan End Date", .date, .row("end_date"), aliases: ["CP Plan End Date"]),
                C("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                  .yesNo, .checkedOnly),
                C("Number of Previous Child Protection Plans", .number, .row("previous_plans")),
                team, worker,
            ]
        case .childrenInCare:
            return common + [disability,
                C("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", .yesNo, .child("uasc"),
                  aliases: ["UASC"]),
                C("Date Started to be Looked After", .date, .episodeStart(rank: 0)),
                C("Child's Category of Need", .code(codeList: "ssda903_category_of_need", labels: nil),
                  .row("category_of_need"), aliases: ["Category of Need"]),
                C("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                  .yesNo, .checkedOnly),
                C("Start date of current legal status", .date, .episodeStart(rank: 1)),
                C("Child's Legal Status", .code(codeList: "ssda903_legal_status", labels: nil), .row("legal_status"),
                  aliases: ["Legal Status"]),
                C("Date of Latest Statutory Review", .date, .review),
                C("Date of Last Social Work Visit", .date, .visit(kind: "cla")),
                C("What is the permanence plan for this child?", .text, .checkedOnly, aliases: ["Permanence Plan"]),
                C("Date of Last IRO Visit / Contact to the Child", .date, .checkedOnly),
                C("Date of Last Health Assessment", .date, .checkedOnly),
                C("Date of Last Dental Check", .date, .checkedOnly),
                C("Number of Placements in the Last 12 months", .number, .checkedOnly),
                C("Date Ceased to be Looked After", .date, .row("end_date")),
                C("Reason Ceased to be Looked After", .code(codeList: "ssda903_reason_episode_ceased", labels: nil),
                  .row("reason_ended")),
                C("Start Date of Most Recent Placement", .date, .episodeStart(rank: 1)),
                C("Placement Type", .code(codeList: "ssda903_placement", labels: nil), .row("placement")),
                C("Placement Provider", .code(codeList: "ssda903_placement_provider", labels: nil),
                  .row("placement_provider")),
                C("Placement postcode", .text, .row("placement_postcode")),
                C("URN of Placement", .text, .row("urn"), aliases: ["Placement URN"]),
                C("Placement Location", .text, .checkedOnly),
                C("LA of Placement", .text, .checkedOnly),
                C("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                  .number, .checkedOnly),
                C("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                  .number, .checkedOnly),
                C("Was the child offered a Return Interview after their last missing episode (Y/N)?", .yesNo, .checkedOnly),
                C("Did the child accept a Return Interview after their last missing episode (Y/N)?", .yesNo, .checkedOnly),
                team, worker,
            ]
        case .careLeavers:
            return common + [disability,
                C("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", .yesNo,
                  .child("uasc"), aliases: ["UASC"]),
                team, worker,
                C("Allocated Personal Advisor", .text, .row("personal_adviser"), aliases: ["Allocated Personal Adviser",
                                                                                          "Personal Advisor", "Personal Adviser"]),
                C("Eligibility Category", .code(codeList: nil, labels: "eligibility"), .row("eligibility")),
                C("Latest Pathway Plan Review Date", .date, .row("pathway_plan_review_date")),
                C("LA In Touch", .code(codeList: "ssda903_in_touch", labels: "in_touch"), .row("in_touch")),
                C("Latest Date of Contact", .date, .row("latest_contact_date")),
                C("Type of Accommodation", .code(codeList: "ssda903_accommodation", labels: nil), .row("accommodation")),
                C("Suitability of Accommodation", .code(codeList: nil, labels: "suitability"), .row("accommodation_suitable")),
                C("Activity Status", .code(codeList: "ssda903_care_leaver_activity", labels: nil), .row("activity")),
            ]
        case .adoption:
            return [id, C("Family identifier", .text, .checkedOnly, aliases: ["Family ID"]),
                    gender, ethnicity, birth, age, disability,
                C("Date the Child Entered Care", .date, .checkedOnly),
                C("Date of Decision that Child Should be Placed for Adoption", .date, .row("decision_date")),
                C("Date of Placement Order", .date, .row("placement_order_date")),
                C("Date of Matching Child and Prospective Adopters", .date, .row("matched_date")),
                C("Date Placed for Adoption", .date, .row("placed_date")),
                C("Date of Adoption Order", .date, .row("adoption_order_date")),
                C("Date of Decision that Child Should No Longer be Placed for Adoption", .date,
                  .row("decision_reversed_date")),
                C("Reason Why Child No Longer Placed for Adoption",
                  .code(codeList: "ssda903_reason_placed_ceased", labels: "reason_reversed"), .row("reason_reversed")),
                C("Date the child was placed for fostering in FFA or concurrent planning placement", .date, .checkedOnly),
            ]
        case .adopters:
            return [
                C("Individual adopter identifier", .id, .row("adopter_id"), aliases: ["Adopter ID", "Adopter identifier"]),
                C("Family identifier", .text, .row("family_id"), aliases: ["Family ID"]),
                C("Gender", .code(codeList: "sex", labels: "gender"), .row("sex"), aliases: ["Sex"]),
                C("Ethnicity", .code(codeList: "ethnicity", labels: "ethnicity"), .row("ethnicity")),
                C("Disability", .yesNo, .checkedOnly),
                C("Is the (prospective) adopter fostering for adoption?", .yesNo, .checkedOnly),
                C("Date enquiry received", .date, .row("enquiry_date")),
                C("Date Stage 1 started", .date, .row("stage1_start")),
                C("Date Stage 1 ended", .date, .row("stage1_end")),
                C("Date Stage 2 started", .date, .row("stage2_start")),
                C("Date Stage 2 ended", .date, .row("stage2_end")),
                C("Date application submitted", .date, .checkedOnly),
                C("Date application approved", .date, .row("approved_date")),
                C("Date adopter matched with child(ren)", .date, .row("matched_date")),
                C("Date child/children placed with adopter(s)", .date, .row("placed_date")),
                C("No. of children placed", .number, .checkedOnly),
                C("Date of Adoption Order", .date, .row("adoption_order_date")),
                C("Date of leaving adoption process", .date, .row("left_date")),
                C("Reason for leaving adoption process", .code(codeList: nil, labels: "reason_left"), .row("reason_left")),
            ]
        }
    }
}
