//! Validates the data in `lessons/`: every line is a target a learner can type.

use klava_core::lessons::{EN_FIRST_LINES, parse_lines};
use klava_core::{Engine, text};

#[test]
fn english_first_lines_are_typeable_targets() {
    let lines = parse_lines(EN_FIRST_LINES);
    assert!(lines.len() >= 10, "too few lines: {}", lines.len());
    for (i, line) in lines.iter().enumerate() {
        assert!(
            Engine::new(line).is_ok(),
            "line {i} is not a valid target: {line:?}"
        );
        let n = text::graphemes(line).len();
        assert!(
            (20..=80).contains(&n),
            "line {i} has {n} characters, want 20–80: {line:?}"
        );
        assert!(
            line.chars()
                .all(|c| c.is_ascii_lowercase() || " ,.".contains(c)),
            "line {i} uses a character beyond the first page's set: {line:?}"
        );
        assert!(
            !line.contains("  "),
            "line {i} has a double space: {line:?}"
        );
    }
}
