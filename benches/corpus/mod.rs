//! A deterministic corpus of support emails, call scripts and HTML emails with the six benchmark
//! phrases planted in all their spellings, and a manifest of where each one is. Shared by the
//! `gen-corpus` example (which writes it to disk for `bench/compare.sh`) and `cargo bench`.

use serde::Serialize;

/// The six phrases of the benchmark, as the trainer writes them, each with the spellings
/// planted: curly and missing apostrophes, long forms, capitals, and line breaks.
pub const PHRASES: &[(&str, &[&str])] = &[
    (
        "that's our policy",
        &[
            "that's our policy",
            "that’s our policy",
            "thats our policy",
            "That is our policy",
            "THAT'S OUR POLICY",
            "that’s our\npolicy",
            "that's  our policy",
        ],
    ),
    (
        "that is not my department",
        &[
            "that is not my department",
            "that's not my department",
            "That’s not my\ndepartment",
            "THAT IS NOT MY DEPARTMENT",
            "thatʼs not my department",
        ],
    ),
    (
        "I'm new here",
        &[
            "I'm new here",
            "I’m new here",
            "I am new here",
            "Im new here",
            "I am\nnew here",
        ],
    ),
    (
        "calm down",
        &["calm down", "Calm down", "CALM DOWN", "calm\ndown"],
    ),
    (
        "you can't afford it",
        &[
            "you can't afford it",
            "you can’t afford it",
            "you cannot afford it",
            "You can not afford it",
            "you cant afford\nit",
        ],
    ),
    (
        "there's nothing I can do",
        &[
            "there's nothing I can do",
            "there’s nothing I can do",
            "There is nothing I can do",
            "theres nothing I can\ndo",
        ],
    ),
];

/// Neutral support sentences: none contains any of the six phrases or their words in an order
/// that could match.
const FILLER: &[&str] = &[
    "Thanks for getting in touch with us today.",
    "I have looked at your order and everything is on track.",
    "Your parcel left our warehouse this morning.",
    "The tracking link will be active within a few hours.",
    "If you would like to change the delivery address, just reply to this message.",
    "We have updated the billing details on your account.",
    "Your refund will reach your card within five working days.",
    "The replacement ships with express delivery at no extra cost.",
    "Our team checked the device and found a loose cable.",
    "You can manage your subscription from the account page.",
    "I’ve added a note to your file so any colleague can see the history.",
    "The invoice is attached as a PDF for your records.",
    "We’re happy to help with anything else you need.",
    "Please keep the original packaging until the courier collects the item.",
    "The new plan starts on the first day of next month.",
];

/// One planted phrase: where it is and how it was written.
#[derive(Debug, Clone, Serialize)]
pub struct Planted {
    /// File path relative to the corpus root.
    pub path: String,
    /// First byte of the planted words.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// The phrase as written in the rule.
    pub phrase: &'static str,
    /// The spelling planted.
    pub text: &'static str,
}

/// SplitMix64: small, fast and the same everywhere, so a seed always gives the same corpus.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// The kinds of file in the corpus.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Email,
    Markdown,
    Call,
    Html,
}

/// Generates `files` files of about `file_size` bytes each, calling `emit(path, bytes)` for each,
/// and returns the manifest of planted phrases. About one file in three gets a phrase.
pub fn generate(
    seed: u64,
    files: usize,
    file_size: usize,
    mut emit: impl FnMut(&str, &[u8]),
) -> Vec<Planted> {
    let mut rng = Rng::new(seed);
    let mut manifest = Vec::new();
    for i in 0..files {
        let kind = [Kind::Email, Kind::Markdown, Kind::Call, Kind::Html][i % 4];
        let (folder, ext) = match kind {
            Kind::Email => ("emails", "txt"),
            Kind::Markdown => ("emails", "md"),
            Kind::Call => ("calls", "txt"),
            Kind::Html => ("html", "html"),
        };
        let path = format!("{folder}/{:03}/{i:06}.{ext}", i % 500);
        let plant = (rng.below(3) == 0).then(|| {
            let (phrase, spellings) = PHRASES[rng.below(PHRASES.len())];
            (phrase, spellings[rng.below(spellings.len())])
        });
        let mut out = String::with_capacity(file_size + 256);
        let mut planted_at = None;
        match kind {
            Kind::Html => out.push_str("<!DOCTYPE html>\n<html><body>\n"),
            Kind::Call => out.push_str("Agent: Thank you for calling Acme, this is Sam.\n"),
            _ => out.push_str("Hi Alex,\n\n"),
        }
        let plant_after = file_size / 2;
        while out.len() < file_size {
            let sentence = FILLER[rng.below(FILLER.len())];
            let start_line = match kind {
                Kind::Call if rng.below(3) == 0 => "Customer: ",
                Kind::Call => "Agent: ",
                Kind::Html => "<p>",
                _ => "",
            };
            out.push_str(start_line);
            out.push_str(sentence);
            if let (Some((phrase, text)), None, true) = (plant, planted_at, out.len() > plant_after)
            {
                if start_line != "Customer: " {
                    out.push_str(" Sadly, ");
                    let start = out.len();
                    out.push_str(text);
                    planted_at = Some((start, out.len(), phrase, text));
                    out.push('.');
                }
            }
            out.push_str(match kind {
                Kind::Html => "</p>\n",
                Kind::Call => "\n",
                _ if rng.below(4) == 0 => "\n\n",
                _ => " ",
            });
        }
        match kind {
            Kind::Html => out.push_str("<p>Kind regards,<br>Sam</p>\n</body></html>\n"),
            Kind::Call => out.push_str("Agent: Thanks for calling, goodbye.\n"),
            _ => out.push_str("\n\nKind regards,\nSam\n"),
        }
        if let Some((byte_start, byte_end, phrase, text)) = planted_at {
            manifest.push(Planted {
                path: path.clone(),
                byte_start,
                byte_end,
                phrase,
                text,
            });
        }
        emit(&path, out.as_bytes());
    }
    manifest
}
