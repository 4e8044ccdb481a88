//! The phrase language: trainers write phrases the way a person says them, and this module turns
//! each one into a regular expression.
//!
//! A phrase matches case-insensitively, at word boundaries, across any run of whitespace (line
//! breaks included) between its words, with any apostrophe (`'` `’` `‘` `ʼ`) or none, and with a
//! contraction and its long form as one ("that's" = "that is", "can't" = "cannot" = "can not").
//! `*` stands for exactly one word. Punctuation that ends a word in the phrase (`, ; : . ! ?`) is
//! optional in the text, so "I'm sorry, but" also matches "I'm sorry but".
//!
//! The compiler works in two steps: the phrase is split into words and every contraction is
//! expanded to its long form ("that's our policy" -> `that is our policy`); then the regex is
//! built from the long form, and wherever two neighbouring words are the long form of a
//! contraction, both spellings are allowed. So the phrase "that is" and the phrase "that's" give
//! the same regex.

use super::matcher::ASCII_BOUNDARY;

/// Every apostrophe a writer or a word processor may put in a contraction.
const APOSTROPHE: &str = "['’‘ʼ]";

/// One word of text, for `*`: letters and digits, with inner apostrophes or hyphens.
const ANY_WORD: &str = r"[\p{L}\p{N}_]+(?:['’‘ʼ-][\p{L}\p{N}_]+)*";

/// Between two words: optional punctuation, then whitespace (which includes line breaks).
const GAP: &str = r"[,;:.!?]?\s+";

/// Contractions whose apostrophe-less spelling is another everyday word ("we're" / "were",
/// "it's" / "its", "I'll" / "ill"). These need their apostrophe, or a trainer's "we're not
/// able to" would flag "were not able to".
const APOSTROPHE_REQUIRED: &[&str] = &[
    "we're", "we'll", "we'd", "i'll", "i'd", "it's", "he'll", "she'll", "she'd", "let's", "who're",
];

/// Contractions that do not split at the apostrophe: (contraction, long form).
const IRREGULAR: &[(&str, &str)] = &[
    ("can't", "can not"),
    ("cannot", "can not"),
    ("won't", "will not"),
    ("shan't", "shall not"),
    ("ain't", "am not"),
    ("let's", "let us"),
    ("y'all", "you all"),
];

/// Regular suffix contractions: the part after the apostrophe and the word it stands for.
const SUFFIXES: &[(&str, &str)] = &[
    ("n't", "not"),
    ("'re", "are"),
    ("'m", "am"),
    ("'ll", "will"),
    ("'ve", "have"),
    ("'d", "would"),
    ("'s", "is"),
];

/// Words that take a regular suffix contraction; others keep `'s` as a possessive
/// ("customer's" stays one word).
const CONTRACTING: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "that", "there", "here", "what", "who", "where",
    "how", "when", "why", "is", "are", "was", "were", "do", "does", "did", "has", "have", "had",
    "could", "should", "would", "must", "might", "need",
];

/// A phrase that could not be compiled, with the reason in words a trainer understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhraseError {
    /// The phrase has no words at all.
    #[error("the phrase is empty")]
    Empty,
    /// The phrase is only wildcards, which would flag every word of every script.
    #[error("the phrase `{0}` has no word besides `*`, so it would match everything")]
    OnlyWildcards(String),
}

/// Compiles one phrase to the source of a regular expression (without flags; the caller adds
/// `(?i)` once for the whole rule).
pub fn compile(phrase: &str) -> Result<String, PhraseError> {
    let words = long_form(phrase);
    if words.is_empty() {
        return Err(PhraseError::Empty);
    }
    if words.iter().all(|w| w == "*") {
        return Err(PhraseError::OnlyWildcards(phrase.to_string()));
    }
    let body = sequence(&words);
    let first = words.first().map(String::as_str).unwrap_or_default();
    let last = words.last().map(String::as_str).unwrap_or_default();
    Ok(format!(
        "{}{body}{}",
        boundary_before(first),
        boundary_after(last)
    ))
}

/// A word that occurs, spelt the same up to ASCII case, in every text the phrase matches: the
/// longest word that is not part of a contraction, has no apostrophe, and is plain ASCII. The
/// prefilter looks for it before the phrase's regex runs; `None` means there is no such word.
pub fn anchor(phrase: &str) -> Option<String> {
    let words = long_form(phrase);
    let mut paired = vec![false; words.len()];
    for i in 1..words.len() {
        if contraction_of(&words[i - 1], &words[i]).is_some() {
            paired[i - 1] = true;
            paired[i] = true;
        }
    }
    words
        .iter()
        .zip(paired)
        .filter(|(w, paired)| !paired && *w != "*" && w.is_ascii() && !w.contains('\''))
        .map(|(w, _)| w)
        .max_by_key(|w| w.len())
        .cloned()
}

/// The regex for a run of long-form words. Wherever two neighbouring words have a contraction,
/// both readings are offered, and the rest is built again after each, so that "that is not"
/// matches "that is not", "that's not" and "that isn't" alike. Phrases are a few words long, so
/// the repetition stays small.
fn sequence(words: &[String]) -> String {
    let Some((first, rest)) = words.split_first() else {
        return String::new();
    };
    let single = join(&word_regex(first), rest);
    let Some(short) = rest.first().and_then(|next| contraction_of(first, next)) else {
        return single;
    };
    let mut short = contracted_regex(&short);
    if first == "can" {
        short.push_str("|cannot");
    }
    format!("(?:{single}|{})", join(&format!("(?:{short})"), &rest[1..]))
}

/// `head` followed by the regex for `rest`, with a gap between them when `rest` has words.
fn join(head: &str, rest: &[String]) -> String {
    if rest.is_empty() {
        head.to_string()
    } else {
        format!("{head}{GAP}{}", sequence(rest))
    }
}

/// Splits a phrase into lower-case words with every contraction expanded and every apostrophe
/// made plain, so that "That’s" and "that is" give the same words.
fn long_form(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    for raw in phrase.split_whitespace() {
        let word: String = raw
            .trim_end_matches([',', ';', ':', '.', '!', '?'])
            .chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect::<String>()
            .to_lowercase();
        if word.is_empty() {
            continue;
        }
        words.extend(expand(&word).split(' ').map(str::to_string));
    }
    words
}

/// Expands one word if it is a contraction ("can't" -> "can not"), else returns it unchanged.
fn expand(word: &str) -> String {
    if let Some((_, long)) = IRREGULAR.iter().find(|(short, _)| *short == word) {
        return (*long).to_string();
    }
    for (suffix, long) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix) {
            if CONTRACTING.contains(&stem) {
                return format!("{stem} {long}");
            }
        }
    }
    word.to_string()
}

/// The contraction of two neighbouring long-form words, if they have one ("that", "is" ->
/// "that's").
fn contraction_of(a: &str, b: &str) -> Option<String> {
    let long = format!("{a} {b}");
    if let Some((short, _)) = IRREGULAR
        .iter()
        .find(|(short, l)| *l == long && *short != "cannot")
    {
        return Some((*short).to_string());
    }
    let (suffix, _) = SUFFIXES.iter().find(|(_, l)| *l == b)?;
    // "had" shares "'d" with "would", and "has" shares "'s" with "is", but a phrase names one of
    // them: only the long form the trainer wrote is contracted back.
    CONTRACTING.contains(&a).then(|| format!("{a}{suffix}"))
}

/// The regex for a contraction: its apostrophe may be any apostrophe, or missing unless the
/// missing form is a different everyday word.
fn contracted_regex(short: &str) -> String {
    let apostrophe = if APOSTROPHE_REQUIRED.contains(&short) {
        APOSTROPHE.to_string()
    } else {
        format!("{APOSTROPHE}?")
    };
    short
        .split('\'')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(&apostrophe)
}

/// The regex for one word of a phrase: `*` is any word, an apostrophe inside a word is any
/// apostrophe or none ("customer's" = "customers").
fn word_regex(word: &str) -> String {
    if word == "*" {
        return ANY_WORD.to_string();
    }
    word.split('\'')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(&format!("{APOSTROPHE}?"))
}

/// An ASCII word boundary where the phrase starts with an ASCII word character. Other edges
/// (`*`, a non-ASCII letter) get none here: the matcher checks Unicode word boundaries on every
/// match (see [`super::matcher`]).
fn boundary_before(word: &str) -> &'static str {
    if word.chars().next().is_some_and(is_ascii_word_char) {
        ASCII_BOUNDARY
    } else {
        ""
    }
}

/// Like [`boundary_before`], for the end of the phrase.
fn boundary_after(word: &str) -> &'static str {
    if word.chars().next_back().is_some_and(is_ascii_word_char) {
        ASCII_BOUNDARY
    } else {
        ""
    }
}

fn is_ascii_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `c` is one of the apostrophes the phrase language treats as the same.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::matcher::Matcher;

    fn hits(phrase: &str, text: &str) -> bool {
        let matcher = Matcher::phrases(&[compile(phrase).unwrap()]).unwrap();
        matcher.find_all(text).next().is_some()
    }

    #[test]
    fn matches_case_insensitively() {
        assert!(hits("that's our policy", "THAT'S OUR POLICY."));
        assert!(hits("calm down", "Sir, Calm Down please"));
    }

    #[test]
    fn matches_at_word_boundaries_only() {
        assert!(!hits("hold on", "we will hold onto it"));
        assert!(!hits("no problem", "ano problems"));
        assert!(hits("hold on", "Please hold on."));
    }

    #[test]
    fn matches_across_whitespace_and_line_breaks() {
        assert!(hits("not my department", "that is not my\ndepartment"));
        assert!(hits("not my department", "not   my \r\n  department"));
    }

    #[test]
    fn matches_every_apostrophe_and_none() {
        for text in ["that's", "that’s", "that‘s", "thatʼs", "thats"] {
            assert!(
                hits("that's our policy", &format!("{text} our policy")),
                "{text}"
            );
        }
    }

    #[test]
    fn contractions_equal_long_forms() {
        assert!(hits("that's our policy", "That is our policy"));
        assert!(hits("that is our policy", "that’s our policy"));
        assert!(hits("I'm new here", "I am new here"));
        assert!(hits("I am new here", "Im new here"));
        assert!(hits("you're wrong", "you are wrong"));
        assert!(hits("I don't know", "I do not know"));
        assert!(hits(
            "there's nothing I can do",
            "there is nothing I can do"
        ));
        assert!(hits("you should've", "you should have"));
        assert!(hits("I'll have to", "I will have to"));
    }

    #[test]
    fn cant_cannot_and_can_not_are_one() {
        for text in [
            "I can't help you",
            "I cannot help you",
            "I can not help you",
            "I cant help",
        ] {
            assert!(hits("I can't help", text), "{text}");
            assert!(hits("I cannot help", text), "{text}");
        }
    }

    #[test]
    fn overlapping_contractions_are_all_offered() {
        for text in [
            "that is not my job",
            "that's not my job",
            "that isn’t my job",
        ] {
            assert!(hits("that isn't my job", text), "{text}");
            assert!(hits("that's not my job", text), "{text}");
        }
    }

    #[test]
    fn wont_equals_will_not() {
        assert!(hits("you won't be able to", "You will not be able to"));
        assert!(hits("you will not be able to", "you won’t be able to"));
    }

    #[test]
    fn missing_apostrophe_is_not_allowed_where_it_makes_another_word() {
        assert!(!hits("we're not able to", "we were not able to"));
        assert!(hits("we're not able to", "we’re not able to"));
        assert!(hits("we're not able to", "we are not able to"));
        assert!(!hits("it's company policy", "its company policy"));
    }

    #[test]
    fn star_stands_for_exactly_one_word() {
        assert!(hits("as I * said", "as I already said"));
        assert!(!hits("as I * said", "as I said"));
        assert!(!hits("as I * said", "as I have already said"));
    }

    #[test]
    fn trailing_punctuation_in_a_phrase_is_optional() {
        assert!(hits("I'm sorry, but", "I'm sorry but we can't"));
        assert!(hits("I'm sorry, but", "I’m sorry, but we can’t"));
        assert!(hits("I'm sorry but", "I’m sorry, but we can’t"));
    }

    #[test]
    fn possessives_are_not_contractions() {
        assert!(hits("customer's account", "customers account"));
        assert!(hits("customer's account", "customer’s account"));
    }

    #[test]
    fn regex_metacharacters_are_literal() {
        assert!(hits("e-mail", "send an E-mail"));
        assert!(hits("24/7 (really)", "we are open 24/7 (really)"));
        assert!(!hits("a.b", "axb"));
    }

    #[test]
    fn anchors_are_words_every_match_contains() {
        assert_eq!(anchor("that's our policy").as_deref(), Some("policy"));
        assert_eq!(anchor("I can't help you").as_deref(), Some("help"));
        assert_eq!(anchor("e-mail").as_deref(), Some("e-mail"));
        assert_eq!(anchor("can't"), None);
        assert_eq!(anchor("customer's *"), None);
        for (phrase, text) in [
            ("I can't help you", "I cannot help you"),
            ("that is not my job", "that isn’t my job"),
        ] {
            let a = anchor(phrase).unwrap();
            assert!(
                hits(phrase, text) && text.to_lowercase().contains(&a),
                "{phrase}"
            );
        }
    }

    #[test]
    fn rejects_phrases_without_words() {
        assert_eq!(compile("  "), Err(PhraseError::Empty));
        assert!(matches!(compile("* *"), Err(PhraseError::OnlyWildcards(_))));
    }
}
