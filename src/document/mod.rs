//! Documents: a file read the way a person reads it. A reader turns the file's decoded text into
//! the words a customer sees plus a map back to byte offsets; speaker turns and scopes
//! (opening, closing) are found on that text. Nothing here does I/O.

pub mod offsets;
pub mod placeholders;
pub mod readers;
pub mod source;
pub mod speakers;
pub mod suppress;

use std::ops::Range;

use crate::rules::{Channel, Speaker, Within};
use offsets::OffsetMap;
pub use readers::Format;
use speakers::{Role, Speakers, Turn};

/// One text to check: an email, a call script, or one string of a template export.
#[derive(Debug, Clone)]
pub struct Document {
    /// The words a person reads.
    pub text: String,
    /// Offsets in `text` -> offsets in the decoded file.
    pub map: OffsetMap,
    /// Speaker turns; empty unless this is a call script.
    pub turns: Vec<Turn>,
    /// The channel, from config or from the document itself (speaker labels mean a call).
    pub channel: Option<Channel>,
    /// A one-line string of a template export: courtesies are not required of it.
    pub fragment: bool,
}

impl Document {
    /// Builds a document from read text, finding its turns and, when config gives no channel,
    /// judging one from them.
    pub fn new(
        text: String,
        map: OffsetMap,
        speakers: &Speakers,
        channel: Option<Channel>,
    ) -> Self {
        let turns = speakers.turns(&text);
        let channel = channel.or((!turns.is_empty()).then_some(Channel::Call));
        Document {
            text,
            map,
            turns,
            channel,
            fragment: false,
        }
    }

    /// Reads a file's decoded text in `format` into its documents, template placeholders masked
    /// first (see [`placeholders`]).
    pub fn read_all(
        format: Format,
        src: &str,
        speakers: &Speakers,
        channel: Option<Channel>,
    ) -> Vec<Document> {
        let masked = placeholders::mask(src);
        format
            .read(&masked)
            .into_iter()
            .map(|read| Document {
                fragment: read.fragment,
                ..Document::new(read.text, read.map, speakers, channel)
            })
            .collect()
    }

    /// The ranges of text a rule for `speaker` may judge: the speaker's turns in a call script;
    /// everything (for agent and any) or nothing (for customer) in any other text.
    pub fn regions(&self, speaker: Speaker) -> Vec<Range<usize>> {
        let whole = 0..self.text.len();
        if self.turns.is_empty() {
            return match speaker {
                Speaker::Customer => Vec::new(),
                Speaker::Agent | Speaker::Any => vec![whole],
            };
        }
        let role = match speaker {
            Speaker::Any => return vec![whole],
            Speaker::Agent => Role::Agent,
            Speaker::Customer => Role::Customer,
        };
        self.turns
            .iter()
            .filter(|t| t.role == role)
            .map(|t| t.range.clone())
            .collect()
    }

    /// The range a `require` rule searches for `within`, or `None` when the document has no
    /// such part (a call script with no agent turn).
    pub fn scope(&self, within: Within) -> Option<Range<usize>> {
        if !self.turns.is_empty() {
            let mut agent = self.regions(Speaker::Agent).into_iter();
            return match within {
                Within::Document => Some(0..self.text.len()),
                Within::Opening => agent.next(),
                Within::Closing => agent.next_back(),
            };
        }
        let paragraphs = paragraphs(&self.text);
        match within {
            Within::Document => Some(0..self.text.len()),
            Within::Opening => paragraphs.first().cloned(),
            Within::Closing => paragraphs.last().cloned(),
        }
    }
}

/// The non-blank paragraphs of a text (separated by blank lines), stopping at a signature
/// delimiter (`-- ` on a line of its own), each trimmed of surrounding whitespace.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim();
        if content == "--" {
            break;
        }
        if content.is_empty() {
            out.extend(current.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let end = start + line.trim_end().len();
        match &mut current {
            Some(p) => p.end = end,
            None => current = Some(start + lead..end),
        }
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new(
            text.to_string(),
            OffsetMap::identity(text.len()),
            &Speakers::default(),
            None,
        )
    }

    #[test]
    fn email_opening_and_closing_are_first_and_last_paragraphs_before_signature() {
        let d = doc("Hi Sam,\n\nYour order shipped.\n\nThanks,\nJo\n-- \nAcme Ltd\n");
        assert_eq!(&d.text[d.scope(Within::Opening).unwrap()], "Hi Sam,");
        assert_eq!(&d.text[d.scope(Within::Closing).unwrap()], "Thanks,\nJo");
        assert_eq!(d.channel, None);
    }

    #[test]
    fn call_opening_and_closing_are_first_and_last_agent_turns() {
        let d = doc("Customer: hi\nAgent: Hello!\nCustomer: bye\nAgent: Goodbye.\n");
        assert_eq!(d.text[d.scope(Within::Opening).unwrap()].trim(), "Hello!");
        assert_eq!(d.text[d.scope(Within::Closing).unwrap()].trim(), "Goodbye.");
        assert_eq!(d.channel, Some(Channel::Call));
        assert_eq!(d.regions(Speaker::Customer).len(), 2);
    }
}
