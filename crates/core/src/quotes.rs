//! Quotes for quote tests: the file format of `lessons/<language>/quotes.tsv`, its validation, the
//! length groups, and the choice of a quote. The app fetches a language's file when a quote test first
//! asks for it.

use serde::{Deserialize, Serialize};

use crate::rng::Rng;

/// The languages with quotes, and the file of each under `lessons/`.
pub const QUOTE_FILES: [(&str, &str); 2] = [("en", "en/quotes.tsv"), ("ru", "ru/quotes.tsv")];

/// The quote file of `language`, if it has one.
pub fn quote_file(language: &str) -> Option<&'static str> {
    QUOTE_FILES.iter().find(|(l, _)| *l == language).map(|(_, file)| *file)
}

/// Quotes are at least this many characters…
pub const MIN_CHARS: usize = 20;
/// …and at most this many.
pub const MAX_CHARS: usize = 600;

/// A quote's length group, from its number of characters (Monkeytype's groups, shortened: short up to
/// 120, medium up to 300, long up to 600).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum QuoteLength {
    Short,
    Medium,
    Long,
}

impl QuoteLength {
    pub const ALL: [QuoteLength; 3] = [Self::Short, Self::Medium, Self::Long];

    /// The group of a text of `chars` characters.
    pub fn of(chars: usize) -> Self {
        match chars {
            0..=120 => Self::Short,
            121..=300 => Self::Medium,
            _ => Self::Long,
        }
    }

    /// The group's name in links and files.
    pub fn name(self) -> &'static str {
        match self {
            Self::Short => "short",
            Self::Medium => "medium",
            Self::Long => "long",
        }
    }

    /// The group named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// One quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Never reused in its file: a session names its quote by it.
    pub id: u32,
    pub author: String,
    pub work: String,
    pub text: String,
}

impl Quote {
    pub fn length(&self) -> QuoteLength {
        QuoteLength::of(self.text.chars().count())
    }
}

/// Why a quote file does not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct QuoteError {
    pub line: usize,
    pub problem: &'static str,
}

/// The quotes of a file: one a line, `id<TAB>author<TAB>work<TAB>text`; blank lines and `#` comments
/// are skipped.
///
/// # Errors
/// The first line that is not a quote: too few fields, an id that is not a number or is used twice,
/// an empty author or work, a text with control characters, spaces at its ends or two in a row, or
/// shorter than [`MIN_CHARS`] or longer than [`MAX_CHARS`]; and a file with no quote at all.
pub fn parse(file: &str) -> Result<Vec<Quote>, QuoteError> {
    let mut quotes: Vec<Quote> = Vec::new();
    for (i, line) in file.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |problem| QuoteError { line: line_no, problem };
        let mut fields = line.splitn(4, '\t');
        let (Some(id), Some(author), Some(work), Some(text)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(bad("expected id, author, work and text separated by tabs"));
        };
        let id: u32 = id.parse().map_err(|_| bad("the id is not a number"))?;
        if quotes.iter().any(|q| q.id == id) {
            return Err(bad("the id is used twice"));
        }
        if author.trim().is_empty() || work.trim().is_empty() {
            return Err(bad("no author or no work"));
        }
        if text.chars().any(char::is_control) {
            return Err(bad("a control character (a tab?) in the text"));
        }
        if text.trim() != text || text.contains("  ") {
            return Err(bad("spaces at the ends of the text or two in a row"));
        }
        if !(MIN_CHARS..=MAX_CHARS).contains(&text.chars().count()) {
            return Err(bad("the text is too short or too long"));
        }
        quotes.push(Quote { id, author: author.to_owned(), work: work.to_owned(), text: text.to_owned() });
    }
    if quotes.is_empty() {
        return Err(QuoteError { line: 0, problem: "no quotes" });
    }
    Ok(quotes)
}

/// A quote of `length` drawn at random, other than `not` (the one just typed) when there is another.
pub fn pick<'a>(quotes: &'a [Quote], length: QuoteLength, not: Option<u32>, rng: &mut Rng) -> Option<&'a Quote> {
    let of_length: Vec<&Quote> = quotes.iter().filter(|q| q.length() == length).collect();
    let fresh: Vec<&Quote> = of_length.iter().copied().filter(|q| Some(q.id) != not).collect();
    let from = if fresh.is_empty() { &of_length } else { &fresh };
    (!from.is_empty()).then(|| from[rng.below(from.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# comment\n\n1\tA. Author\tA Work\tIt was a bright cold day in April.\n\
        2\tB. Author\tB Work\tThe second quote is long enough to be read, and then some more words follow it to pass one hundred and twenty characters in all.\n";

    #[test]
    fn a_file_reads_into_quotes_with_their_length_groups() {
        let q = parse(FILE).unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].id, q[0].author.as_str(), q[0].work.as_str()), (1, "A. Author", "A Work"));
        assert_eq!(q[0].length(), QuoteLength::Short);
        assert_eq!(q[1].length(), QuoteLength::Medium);
        assert_eq!(QuoteLength::of(301), QuoteLength::Long);
        assert_eq!(QuoteLength::from_name("medium"), Some(QuoteLength::Medium));
    }

    #[test]
    fn a_damaged_file_names_its_first_bad_line() {
        let cases = [
            ("1\tA\tW", 1, "expected id, author, work and text separated by tabs"),
            ("x\tA\tW\tIt was a bright cold day in April.", 1, "the id is not a number"),
            (
                "# c\n1\tA\tW\tIt was a bright cold day in April.\n1\tA\tW\tIt was a bright cold day in May.",
                3,
                "the id is used twice",
            ),
            ("1\t\tW\tIt was a bright cold day in April.", 1, "no author or no work"),
            ("1\tA\tW\tIt was a bright\tcold day in April.", 1, "a control character (a tab?) in the text"),
            ("1\tA\tW\tIt was a bright  cold day in April.", 1, "spaces at the ends of the text or two in a row"),
            ("1\tA\tW\tToo short.", 1, "the text is too short or too long"),
            ("<!doctype html>\n<p>not here</p>", 1, "expected id, author, work and text separated by tabs"),
            ("# only a comment", 0, "no quotes"),
        ];
        for (file, line, problem) in cases {
            assert_eq!(parse(file), Err(QuoteError { line, problem }), "{file}");
        }
    }

    #[test]
    fn a_pick_is_of_the_length_asked_and_not_the_one_just_typed() {
        let q = parse(FILE).unwrap();
        let mut rng = Rng::new(4);
        for _ in 0..20 {
            assert_eq!(pick(&q, QuoteLength::Short, None, &mut rng).map(|q| q.id), Some(1));
        }
        assert_eq!(pick(&q, QuoteLength::Short, Some(1), &mut rng).map(|q| q.id), Some(1), "the only one comes again");
        assert_eq!(pick(&q, QuoteLength::Long, None, &mut rng), None);
    }
}
