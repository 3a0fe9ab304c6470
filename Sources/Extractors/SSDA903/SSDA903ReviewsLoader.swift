import CSCCore

/// Reviews → `cla_reviews`: the review date and the child's participation
/// (PN0–PN7). DOB repeats the Header's and is not read.
struct SSDA903ReviewsLoader: SSDA903TableLoader {
    let review, code: Int

    init(_ c: SSDA903Columns) {
        review = c["REVIEW"]
        code = c["REVIEW_CODE"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        [f.childID, f.date(r, review), f.code(r, code, .reviewParticipation)]
    }
}
