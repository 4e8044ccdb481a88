//! Properties over arbitrary input, as the `lint` fuzzer checks them (tests/fuzz_cases/mod.rs):
//! checking never panics, and every span lies inside the file on character boundaries.

// Only the `lint` property applies here; the others serve the fuzzers and their regressions.
#[allow(dead_code)]
mod fuzz_cases;

use proptest::prelude::*;

/// Text that looks like support writing with markup, so the readers' paths are exercised.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Agent: ".to_string()),
        Just("Customer: ".to_string()),
        Just("that’s our policy".to_string()),
        Just("calm\r\ndown".to_string()),
        Just("<p>".to_string()),
        Just("&#8217;".to_string()),
        Just("{{ name }}".to_string()),
        Just("**bold**".to_string()),
        Just("\"key\": ".to_string()),
        Just("\n\n".to_string()),
        "\\PC{0,8}",
    ];
    proptest::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        fuzz_cases::lint(&data);
    }

    #[test]
    fn support_like_text_in_every_format_has_aligned_spans(format in 0u8..6, text in texty()) {
        let mut data = vec![format];
        data.extend_from_slice(text.as_bytes());
        fuzz_cases::lint(&data);
    }
}
