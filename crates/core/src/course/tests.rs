use super::*;
use crate::layout::catalog;
use crate::lessons::parse_lines;

/// The word list a course of `language` is built with.
fn words(language: &str) -> Vec<&'static str> {
    parse_lines(match language {
        "en" => include_str!("../../../../lessons/en/words-1000.txt"),
        "ru" => include_str!("../../../../lessons/ru/words-1000.txt"),
        "uk" => include_str!("../../../../lessons/uk/words-1000.txt"),
        "de" => include_str!("../../../../lessons/de/words-1000.txt"),
        "fr" => include_str!("../../../../lessons/fr/words-1000.txt"),
        other => panic!("no list for {other}"),
    })
}

fn courses() -> Vec<(Layout, Course)> {
    catalog::all()
        .unwrap()
        .into_iter()
        .map(|layout| {
            let course = plan(&layout, &words(&layout.language));
            (layout, course)
        })
        .collect()
}

fn course(id: &str) -> Course {
    courses().into_iter().find(|(l, _)| l.id == id).unwrap().1
}

fn new_keys(course: &Course, unit: UnitKind) -> Vec<String> {
    course.lessons.iter().filter(|l| l.unit == unit).map(|l| l.new.iter().collect()).collect()
}

#[test]
fn every_lesson_uses_only_what_was_taught_and_the_layout_can_type() {
    for (layout, course) in courses() {
        let mut taught: Vec<char> = Vec::new();
        for lesson in &course.lessons {
            taught.extend(&lesson.new);
            assert_eq!(lesson.allowed, taught, "{} {}", course.id, lesson.id);
            for seed in 0..8 {
                let text = course.text(lesson, seed);
                assert!(!text.is_empty() && !text.contains("  "), "{} {}: {text:?}", course.id, lesson.id);
                for c in text.chars().filter(|c| *c != ' ') {
                    assert!(
                        taught.contains(&c),
                        "{} {} seed {seed}: {c:?} not taught in {text:?}",
                        course.id,
                        lesson.id
                    );
                    assert!(layout.stroke_for(c).is_some(), "{} cannot type {c:?}", layout.id);
                }
            }
        }
    }
}

#[test]
fn every_letter_of_the_layout_is_taught_and_lessons_bring_one_or_two_keys() {
    for (layout, course) in courses() {
        let taught: Vec<char> = course.lessons.iter().flat_map(|l| l.new.iter().copied()).collect();
        for row in 0..4 {
            for c in order::base_letters(&layout, row) {
                assert!(taught.contains(&c), "{}: {c} is never taught", layout.id);
            }
        }
        for digit in '0'..='9' {
            assert!(taught.contains(&digit), "{}: {digit}", layout.id);
        }
        for lesson in course.lessons.iter().filter(|l| !matches!(l.unit, UnitKind::Capitals | UnitKind::Words)) {
            assert!((1..=2).contains(&lesson.new.len()), "{} {}: {:?}", layout.id, lesson.id, lesson.new);
        }
        let ids: std::collections::BTreeSet<&str> = course.lessons.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids.len(), course.lessons.len(), "{}: lesson ids are unique", layout.id);
    }
}

#[test]
fn rows_start_under_the_index_fingers_with_both_hands() {
    let us = course("us");
    assert_eq!(new_keys(&us, UnitKind::Home), ["fj", "dk", "sl", "a", "gh"]);
    assert_eq!(new_keys(&us, UnitKind::Top), ["ru", "ei", "wo", "qp", "ty"]);
    assert_eq!(new_keys(&us, UnitKind::Bottom), ["vm", "cx", "z", "bn"]);
    let ru = course("ru");
    assert_eq!(new_keys(&ru, UnitKind::Home), ["ао", "вл", "ыд", "фж", "пр", "э"]);
    assert_eq!(new_keys(&ru, UnitKind::Top), ["кг", "уш", "цщ", "йз", "ен", "хъ"]);
    let dvorak = course("dvorak");
    assert_eq!(new_keys(&dvorak, UnitKind::Home)[0], "uh");
}

#[test]
fn the_same_seed_gives_the_same_text() {
    let ru = course("ru");
    for lesson in &ru.lessons {
        assert_eq!(ru.text(lesson, 42), ru.text(lesson, 42));
    }
    let first = &ru.lessons[0];
    let texts: std::collections::BTreeSet<String> = (0..10).map(|s| ru.text(first, s)).collect();
    assert!(texts.len() > 5, "seeds vary the text: {texts:?}");
}

#[test]
fn later_lessons_use_real_words_and_capitals_with_the_opposite_shift() {
    let us = course("us");
    let text = us.text(us.lesson("top-2").unwrap(), 1);
    let list = words("en");
    assert!(text.split(' ').filter(|w| list.contains(w)).count() >= 10, "{text}");
    let caps: Vec<&Lesson> = us.lessons.iter().filter(|l| l.unit == UnitKind::Capitals).collect();
    assert_eq!(caps.len(), 2);
    assert!(caps[0].new.contains(&'F') && !caps[0].new.contains(&'J'), "left hand first: {:?}", caps[0].new);
    let text = us.text(caps[0], 3);
    assert!(text.chars().any(|c| caps[0].new.contains(&c)), "{text}");
    let sentences = us.text(us.lessons.last().unwrap(), 5);
    assert!(sentences.contains('.') && sentences.chars().next().unwrap().is_uppercase(), "{sentences}");
}

#[test]
fn numbers_and_the_number_rows_letters() {
    let fr = course("fr");
    let numbers = new_keys(&fr, UnitKind::Numbers);
    assert!(numbers.iter().any(|k| k.contains('é')), "{numbers:?}");
    let ru = course("ru");
    assert!(new_keys(&ru, UnitKind::Numbers).iter().any(|k| k.contains('ё')));
    let digits = ru.lessons.iter().find(|l| l.unit == UnitKind::Numbers).unwrap();
    assert!(ru.text(digits, 1).split(' ').any(|t| t.chars().all(|c| c.is_ascii_digit())));
}

fn lesson_row(course: &str, lesson: &str, wpm: f64, accuracy: f64, at: f64) -> crate::history::Row {
    use crate::record::{Id, ModeKind, SessionMode, Source};
    crate::history::Row {
        id: Id::new(format!("r{at}")).unwrap(),
        ended_at_ms: at,
        utc_offset_min: 0,
        profile: "us/en".into(),
        mode: SessionMode { kind: ModeKind::Lesson, amount: 0, punctuation: false, numbers: false },
        wpm: Some(wpm),
        raw_wpm: Some(wpm),
        accuracy: Some(accuracy),
        consistency: None,
        duration_ms: 60_000.0,
        source: Source::Klava,
        lesson: Some(crate::record::LessonRun {
            course: course.into(),
            lesson: lesson.into(),
            speed: 16.0,
            min_accuracy: 95.0,
        }),
        practice: None,
        keys: std::collections::BTreeMap::new(),
        facts: String::new(),
    }
}

#[test]
fn a_pass_opens_the_next_lesson_and_a_lesson_keeps_its_best_stars() {
    use progress::Progress;
    let us = course("us");
    let none = Progress::from_rows(&[]);
    assert!(none.unlocked(&us, "home-1") && !none.unlocked(&us, "home-2"));
    assert_eq!(none.next(&us).unwrap().id, "home-1");

    let failed = lesson_row("us", "home-1", 12.0, 99.0, 1.0);
    let passed = lesson_row("us", "home-1", 24.0, 98.0, 2.0);
    let worse = lesson_row("us", "home-1", 17.0, 96.0, 3.0);
    let rows = [failed.clone(), passed.clone(), worse.clone()];
    let p = Progress::from_rows(&rows);
    assert_eq!(p.stars("us", "home-1"), Some(2));
    assert!(p.unlocked(&us, "home-2") && !p.unlocked(&us, "home-3"));
    assert_eq!(p.next(&us).unwrap().id, "home-2");
    assert_eq!(p.count(&us), (1, us.lessons.len()));
    // Any order gives the same.
    assert_eq!(Progress::from_rows(&[worse, passed, failed.clone()]), p);
    let only_failed = Progress::from_rows(&[failed]);
    assert_eq!(only_failed.stars("us", "home-1"), Some(0));
    assert!(!only_failed.unlocked(&us, "home-2"), "a failed lesson opens nothing");
    // Another course's lessons are its own.
    assert!(!Progress::from_rows(&[lesson_row("ru", "home-1", 30.0, 100.0, 4.0)]).passed("us", "home-1"));
}

#[test]
fn passing_a_lesson_far_on_opens_every_lesson_before_it() {
    let us = course("us");
    let p = progress::Progress::from_rows(&[lesson_row("us", "bottom-2", 20.0, 97.0, 1.0)]);
    assert!(p.unlocked(&us, "top-1") && p.unlocked(&us, "bottom-3"));
    assert!(!p.unlocked(&us, "bottom-4"));
    assert_eq!(p.next(&us).unwrap().id, "bottom-3");
}

#[test]
fn every_language_gets_words_of_its_own() {
    for (layout, course) in courses() {
        let last = course.lessons.last().unwrap();
        let text = course.text(last, 9);
        let list = words(&layout.language);
        let real = text.split(' ').filter(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphabetic());
            list.contains(&bare) || list.contains(&bare.to_lowercase().as_str())
        });
        assert!(real.count() >= 20, "{}: {text}", layout.id);
        assert!(course.words.len() >= 900, "{}: {} typable words", layout.id, course.words.len());
    }
}

#[test]
fn a_placement_test_passes_checkpoints_and_starts_the_learner_at_the_first_it_does_not() {
    let us = course("us");
    let checkpoints = us.checkpoints();
    let units = us.units();
    assert_eq!(checkpoints.len(), units.len());
    for ((_, lessons), checkpoint) in units.iter().zip(&checkpoints) {
        assert_eq!(lessons.last().map(|l| &l.id), Some(&checkpoint.id), "the last lesson of its unit");
    }
    assert_eq!(progress::Progress::from_rows(&[]).placement_from(&us), Some(0));
    // Home and top rows typed at their targets, the bottom row not.
    let rows = [
        lesson_row("us", &checkpoints[0].id, 30.0, 99.0, 1.0),
        lesson_row("us", &checkpoints[1].id, 30.0, 99.0, 2.0),
        lesson_row("us", &checkpoints[2].id, 8.0, 80.0, 3.0),
    ];
    let p = progress::Progress::from_rows(&rows);
    assert_eq!(p.placement_from(&us), Some(2), "a second placement goes on from the bottom row");
    assert!(units[1].1.iter().all(|l| p.unlocked(&us, &l.id)), "every top-row lesson is open");
    assert_eq!(
        p.next(&us).map(|l| l.id.as_str()),
        Some(units[2].1[0].id.as_str()),
        "the learner starts on the bottom row"
    );
    assert!(!p.unlocked(&us, &units[2].1[1].id));
}

#[test]
fn hand_written_texts_are_checked_against_what_their_lessons_taught() {
    use written::{Written, WrittenError, parse};
    assert_eq!(
        parse("# c\n\nsentences\tThe end."),
        Ok(vec![Written { line: 3, key: "sentences".into(), text: "The end.".into() }])
    );
    assert_eq!(parse("sentences The end."), Err(WrittenError::Format { line: 1 }));
    assert_eq!(parse("<p>not here</p>"), Err(WrittenError::Format { line: 1 }));
    let us = course("us");
    let home = |text: &str| vec![Written { line: 1, key: "home".into(), text: text.into() }];
    // "ask" is typable from the home row's lessons on, but not from its first ("f j" only).
    assert!(
        matches!(us.clone().with_written(home("ask")), Err(WrittenError::NotTaught { lesson, found: 'a', .. }) if lesson == "home-1")
    );
    let unknown = vec![Written { line: 7, key: "chapter".into(), text: "x".into() }];
    assert_eq!(us.clone().with_written(unknown), Err(WrittenError::UnknownLessons { line: 7, key: "chapter".into() }));
    let with = us.with_written(home("fj jf")).unwrap();
    let first = with.lessons[0].clone();
    assert!(with.text(&first, 3).starts_with("fj jf "));
}
