//! "Did you mean" hints for the mistakes trainers make most: a misspelt key or a misspelt name.

/// The closest of `candidates` to `typo`, if one is close enough to be a likely intent.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(typo, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Rewrites serde's "unknown field `phrase`, expected one of `id`, `phrases`, ..." into a
/// shorter message with a hint: "unknown key `phrase` (did you mean `phrases`?)". Other messages
/// pass through unchanged.
pub fn explain_unknown_key(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((key, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match closest(key, known.iter().copied()) {
        Some(best) => format!("unknown key `{key}` (did you mean `{best}`?)"),
        None => format!("unknown key `{key}`; expected one of {}", quoted(&known)),
    }
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let m = "unknown field `phrase`, expected one of `id`, `kind`, `phrases`, `patterns`";
        assert_eq!(
            explain_unknown_key(m),
            "unknown key `phrase` (did you mean `phrases`?)"
        );
        let m = "unknown field `zzz`, expected one of `id`, `kind`";
        assert_eq!(
            explain_unknown_key(m),
            "unknown key `zzz`; expected one of `id`, `kind`"
        );
        assert_eq!(explain_unknown_key("invalid type"), "invalid type");
    }

    #[test]
    fn closest_ignores_far_names() {
        assert_eq!(
            closest("policy-excus", ["policy-excuse", "calm-down"]),
            Some("policy-excuse")
        );
        assert_eq!(closest("xyz", ["policy-excuse"]), None);
    }
}
