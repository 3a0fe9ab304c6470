import CSCCore

/// Episodes → `cla_episodes`, column for column. The hot path of the reader:
/// every value is read from the cell's bytes, and a String is made only for
/// the value kept.
struct SSDA903EpisodesLoader: SSDA903TableLoader {
    let decom, rne, ls, cin, place, provider, dec, rec, placeChange, homePost, plPost, urn: Int

    init(_ c: SSDA903Columns) {
        decom = c["DECOM"]
        rne = c["RNE"]
        ls = c["LS"]
        cin = c["CIN"]
        place = c["PLACE"]
        provider = c["PLACE_PROVIDER"]
        dec = c["DEC"]
        rec = c["REC"]
        placeChange = c["REASON_PLACE_CHANGE"]
        homePost = c["HOME_POST"]
        plPost = c["PL_POST"]
        urn = c["URN"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        // child_id, start_date, reason_new_episode, legal_status, category_of_need, placement,
        // placement_provider, end_date, reason_ended, reason_place_change, home_postcode,
        // placement_postcode, urn
        [f.childID, f.date(r, decom), f.code(r, rne, .reasonNewEpisode), f.code(r, ls, .legalStatus),
         f.code(r, cin, .categoryOfNeed), f.code(r, place, .placement), f.code(r, provider, .placementProvider),
         f.date(r, dec), f.code(r, rec, .reasonEpisodeCeased), f.code(r, placeChange, .reasonPlaceChange),
         f.postcode(r, homePost), f.postcode(r, plPost), f.text(r, urn)]
    }
}
