//! A session's review facts as one short line of text, the way the history keeps them: smaller than
//! JSON in the cache of a long history, and no serde code for them in the app's first download.
//!
//! `K:a,12,1,2345 b,3,0,;B:th,2103;C:e,r;M:word;R:other words` — sections `K` (key, hits, misses, mean
//! time in tenths of a millisecond or nothing), `B` (bigram, mean time in tenths of a millisecond), `C`
//! (expected, typed), `M` (mistyped words) and `R` (words typed right), separated by `;`, entries by
//! spaces, fields by commas. Times are whole numbers so that writing them needs no float formatting
//! (which would add its code to the first download). Items are letters only
//! ([`super::Facts::from_stats`] and [`super::Facts::with_words`] keep no others), so the separators never
//! occur in them. Reading is lenient: an unknown section or a malformed entry is skipped, never a panic.

use std::fmt::Write as _;

use super::Facts;

/// A time (ms) as whole tenths of a millisecond.
fn tenths(ms: f64) -> i64 {
    (ms * 10.0).round() as i64
}

/// A time written by [`tenths`], back in ms.
fn from_tenths(s: &str) -> Option<f64> {
    s.parse::<i64>().ok().map(|t| t as f64 / 10.0)
}

/// Whether `s` can be kept in the line: letters only (what the facts hold anyway).
fn plain(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

impl Facts {
    /// The facts as one line (empty when there are none).
    pub fn encode(&self) -> String {
        let mut sections: Vec<String> = Vec::new();
        let mut section = |tag: char, entries: Vec<String>| {
            if !entries.is_empty() {
                sections.push(format!("{tag}:{}", entries.join(" ")));
            }
        };
        section(
            'K',
            self.keys
                .iter()
                .filter(|(k, _)| plain(k))
                .map(|(k, (hits, misses, mean))| {
                    let mut e = format!("{k},{hits},{misses},");
                    if let Some(ms) = mean.filter(|ms| ms.is_finite()) {
                        let _ = write!(e, "{}", tenths(ms));
                    }
                    e
                })
                .collect(),
        );
        section(
            'B',
            self.bigrams
                .iter()
                .filter(|(b, ms)| plain(b) && ms.is_finite())
                .map(|(b, ms)| format!("{b},{}", tenths(*ms)))
                .collect(),
        );
        section(
            'C',
            self.confusions.iter().filter(|(e, t)| plain(e) && plain(t)).map(|(e, t)| format!("{e},{t}")).collect(),
        );
        section('M', self.mistyped.iter().filter(|w| plain(w)).cloned().collect());
        section('R', self.typed_right.iter().filter(|w| plain(w)).cloned().collect());
        sections.join(";")
    }

    /// The facts of a line written by [`Facts::encode`]; what cannot be read is left out.
    pub fn decode(line: &str) -> Facts {
        let mut f = Facts::default();
        for section in line.split(';') {
            let Some((tag, entries)) = section.split_once(':') else { continue };
            for entry in entries.split(' ').filter(|e| !e.is_empty()) {
                let fields: Vec<&str> = entry.split(',').collect();
                match (tag, fields.as_slice()) {
                    ("K", [k, hits, misses, mean]) if plain(k) => {
                        let (Ok(hits), Ok(misses)) = (hits.parse(), misses.parse()) else { continue };
                        let mean = from_tenths(mean);
                        f.keys.insert((*k).to_owned(), (hits, misses, mean));
                    }
                    ("B", [b, ms]) if plain(b) => {
                        if let Some(ms) = from_tenths(ms) {
                            f.bigrams.insert((*b).to_owned(), ms);
                        }
                    }
                    ("C", [e, t]) if plain(e) && plain(t) => {
                        f.confusions.insert(((*e).to_owned(), (*t).to_owned()));
                    }
                    ("M", [w]) if plain(w) => {
                        f.mistyped.insert((*w).to_owned());
                    }
                    ("R", [w]) if plain(w) => {
                        f.typed_right.insert((*w).to_owned());
                    }
                    _ => {}
                }
            }
        }
        f
    }
}
