//! The built-in rules flag every phrase that customer-service guides warn about, written the way
//! agents actually write them: curly apostrophes, long forms ("that is" for "that's"), odd case,
//! and phrases broken over two lines. Each case marks the phrase with ⟦ ⟧; the test strips the
//! marks and asserts a finding whose span lies within (or on) the marked words.

use std::path::Path;

use scriptlint::document::Format;
use scriptlint::document::speakers::Speakers;
use scriptlint::lint::Linter;
use scriptlint::rules::{RuleSet, builtin};

const CASES: &[&str] = &[
    // Refusals and excuses.
    "I'm afraid ⟦that’s our policy⟧.",
    "Sorry, ⟦that is our\npolicy⟧.",
    "⟦It’s company policy⟧, so no.",
    "⟦If I do that for you, I’ll have to do it for everyone⟧.",
    "⟦If I did that for you I would have to do it for everyone⟧.",
    "Well, ⟦that is not my department⟧.",
    "⟦That’s not my\ndepartment⟧, try billing.",
    "⟦I’m new here⟧, so bear with me.",
    "⟦I am new here⟧ and still learning.",
    "⟦I can’t help you⟧ with that.",
    "⟦I cannot help you⟧ today.",
    "⟦There’s nothing I can do⟧.",
    "⟦There is nothing I can\ndo⟧ about it.",
    "⟦I don’t know⟧.",
    "⟦I do not know⟧ when it will arrive.",
    // Prejudging.
    "Honestly ⟦you can’t afford it⟧.",
    "⟦You cannot afford that⟧ plan.",
    // Arguing and blame.
    "⟦You’re wrong⟧ about the charge.",
    "⟦You are wrong⟧.",
    "⟦You should have⟧ read the terms.",
    "⟦You should’ve⟧ called earlier.",
    "Please ⟦calm down⟧.",
    "Sir, ⟦CALM\nDOWN⟧.",
    "⟦As I said⟧, the refund is pending.",
    "⟦Like I said⟧, it ships Monday.",
    "⟦As I already told you⟧, we closed the case.",
    // Making people wait.
    "⟦Hold on⟧, let me look.",
    "⟦Hang on⟧ a second.",
    // Form-letter cop-outs.
    "⟦Do not reply to this email⟧.",
    "⟦Please do not reply to this e-mail⟧.",
    "⟦This is an automated message⟧.",
    // Clichés and non-apologies.
    "⟦No problem⟧!",
    "⟦Your call is very important to us⟧.",
    "⟦I’m sorry if you feel⟧ that way.",
    "⟦I’m sorry, but⟧ we can’t refund that.",
    "⟦I am sorry but⟧ the offer has ended.",
];

#[test]
fn builtin_rules_flag_every_listed_phrase_in_its_real_spellings() {
    let rules = RuleSet::load(&builtin::sources()).expect("built-in rules load");
    let speakers = Speakers::default();
    let linter = Linter {
        rules: &rules,
        speakers: &speakers,
    };
    let mut missed = Vec::new();
    for case in CASES {
        let open = case.find('⟦').expect("case marks its phrase");
        let close = case.find('⟧').expect("case marks its phrase") - '⟦'.len_utf8();
        let text = case.replace(['⟦', '⟧'], "");
        let found = linter
            .lint(
                "case.txt",
                text.as_bytes(),
                Format::of(Path::new("case.txt")),
                None,
            )
            .into_iter()
            .any(|d| {
                d.matched.is_some()
                    && d.byte_start < close
                    && d.byte_end > open
                    && d.byte_start >= open.saturating_sub(8)
            });
        if !found {
            missed.push(text);
        }
    }
    assert!(missed.is_empty(), "not flagged: {missed:#?}");
}
