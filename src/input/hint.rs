//! "Did you mean …?": the candidate closest to what a user typed, for the hint of a
//! diagnostic about an unknown id, key or status.

/// The candidate closest to `input`, if it is close enough to be a likely typo and no other
/// candidate is as close. Compared on lowercase text without diacritics.
pub fn closest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let target = crate::text::skeleton(input);
    let mut best: Option<(f64, &str)> = None;
    let mut tied = false;
    for c in candidates {
        let cs = crate::text::skeleton(c);
        let score = strsim::normalized_damerau_levenshtein(&target, &cs)
            .max(strsim::jaro_winkler(&target, &cs) - 0.1);
        if score < 0.66 {
            continue;
        }
        match best {
            Some((b, _)) if score < b => {}
            Some((b, _)) if score == b => tied = true,
            _ => {
                best = Some((score, c));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

/// The hint "có phải ý bạn là '…'?" for the closest candidate, if there is one.
pub fn did_you_mean<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    closest(input, candidates).map(meant)
}

/// The hint "có phải ý bạn là '…'?" for a known answer.
pub fn meant(s: &str) -> String {
    format!("có phải ý bạn là '{s}'?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_typos() {
        let ids = ["phong-tu-phap", "phong-noi-vu", "phong-y-te"];
        assert_eq!(closest("phong-tu-phaq", ids), Some("phong-tu-phap"));
        assert_eq!(closest("phòng-nội-vụ", ids), Some("phong-noi-vu"));
        assert_eq!(closest("xyz", ids), None);
        assert_eq!(closest("2.n", ["2.m", "2.o", "1.a"]), None);
        assert_eq!(closest("1.dd", ["1.d", "1.đ", "2.a"]), Some("1.đ"));
    }
}
