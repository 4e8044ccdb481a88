//! Property: after applying every safe fix, checking again finds nothing fixable, and every byte
//! outside the fixed spans is unchanged.

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;
use scriptlint::document::Format;
use scriptlint::document::source::encoding_of;
use scriptlint::document::speakers::Speakers;
use scriptlint::fix::{Fix, apply};
use scriptlint::lint::Linter;
use scriptlint::rules::{RuleSet, builtin};

const FILLER: &[&str] = &[
    "we", "have", "your", "order", "today", "thanks", "for", "waiting", "the", "team", "’s", "\n",
    "\r\n", "  ", "é",
];
const FIXABLE: &[&str] = &[
    "e-mail",
    "kindly",
    "revert back",
    "at your earliest\nconvenience",
    "revert to us",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(FILLER).prop_map(str::to_string),
        1 => (proptest::sample::select(FIXABLE), 0..3u8).prop_map(|(w, case)| match case {
            0 => w.to_string(),
            1 => w.to_uppercase(),
            _ => {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        }),
    ]
}

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::load(&builtin::sources()).expect("built-in rules"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fixing_is_complete_and_touches_nothing_else(words in proptest::collection::vec(word(), 1..40)) {
        let speakers = Speakers::default();
        let linter = Linter { rules: &RULES, speakers: &speakers };
        let text = words.join(" ");
        let format = Format::of(Path::new("draft.txt"));
        let before = linter.lint("draft.txt", text.as_bytes(), format, None);
        let fixes: Vec<&Fix> = before.iter().filter_map(|d| d.fix.as_ref()).collect();
        let (after, applied) = apply(text.as_bytes(), encoding_of(text.as_bytes()), &fixes);
        prop_assert_eq!(applied, fixes.len(), "planted fixes do not overlap");

        let again = linter.lint("draft.txt", &after, format, None);
        prop_assert!(again.iter().all(|d| d.fix.is_none()), "{:?}", again);

        // Outside the fixed spans, old and new bytes are the same, in the same order.
        let mut sorted = fixes.clone();
        sorted.sort_by_key(|f| f.byte_start);
        let (mut old_at, mut new_at) = (0, 0);
        for f in sorted {
            let kept = f.byte_start - old_at;
            prop_assert_eq!(&text.as_bytes()[old_at..f.byte_start], &after[new_at..new_at + kept]);
            old_at = f.byte_end;
            new_at += kept + f.replacement.len();
        }
        prop_assert_eq!(&text.as_bytes()[old_at..], &after[new_at..]);
    }
}
