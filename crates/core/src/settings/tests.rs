//! Settings: per-key reading with fallback, legacy records, last writer wins, test links.

use super::*;
use crate::quotes::QuoteLength;
use crate::record::{Hlc, Id};

fn setting(key: &str, value: &str, ms: u64, device: &str) -> Setting {
    Setting { key: key.into(), value: value.into(), hlc: Hlc { ms, counter: 0, device: Id::new(device).unwrap() } }
}

#[test]
fn every_key_round_trips_and_keys_are_unique() {
    let mut keys = Settings::KEYS.to_vec();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Settings::KEYS.len());
    let s = Settings {
        layout: "ru".into(),
        input: InputMode::Emulate,
        theme: Theme::HighContrast,
        test: TestChoice { mode: TestMode::Time(60), punctuation: true, numbers: false },
        target_wpm: TargetWpm::new(75).unwrap(),
        daily_goal: DailyGoal::Xp(300),
        reminder: true,
        reminder_at: ReminderTime::new(7 * 60 + 30).unwrap(),
        language: UiLanguage::Ru,
        ..Settings::default()
    };
    let mut back = Settings::default();
    for (k, v) in s.entries() {
        back.set(k, &v).unwrap();
    }
    assert_eq!(back, s);
}

#[test]
fn a_bad_value_keeps_that_setting_and_the_rest_still_apply() {
    let mut s = Settings::default();
    let problems = s.apply_all([
        ("theme", "\"dark\""),
        ("target_wpm", "9000"),
        ("font_size", "\"big\""),
        ("no_such_key", "1"),
        ("daily_goal", r#"{"Minutes":0}"#),
        ("test", r#"{"mode":{"Words":999},"punctuation":false,"numbers":false}"#),
        ("heatmap", "\"Speed\""),
        ("language", "\"xx\""),
        ("reminder_at", "1440"),
    ]);
    assert_eq!(s.theme, Theme::Dark);
    assert_eq!(s.heatmap, Heatmap::Speed);
    assert_eq!(s.target_wpm, TargetWpm::default());
    assert_eq!(s.font_size, FontSize::default());
    assert_eq!(s.daily_goal, DailyGoal::default());
    assert_eq!(s.test, TestChoice::default());
    assert_eq!(s.language, UiLanguage::Auto);
    assert_eq!(s.reminder_at.get(), 19 * 60, "a time past midnight keeps the default");
    assert_eq!(problems.len(), 7, "{problems:?}");
    assert!(problems.contains(&SettingError::UnknownKey("no_such_key".into())));
}

#[test]
fn reminder_times_read_and_write_as_a_time_input_has_them() {
    assert_eq!(ReminderTime::from_clock("07:05").map(ReminderTime::get), Some(425));
    assert_eq!(ReminderTime::from_clock(" 19:00:30").map(ReminderTime::get), Some(1140), "seconds are dropped");
    for bad in ["24:00", "12:60", "7", "", "ab:cd", "-1:00", "12:5"] {
        assert_eq!(ReminderTime::from_clock(bad), None, "{bad:?}");
    }
    assert_eq!(ReminderTime::new(425).unwrap().clock(), "07:05");
    assert_eq!(ReminderTime::new(0).unwrap().clock(), "00:00");
    assert_eq!(ReminderTime::default().clock(), "19:00");
}

#[test]
fn a_daily_goal_changes_unit_within_range() {
    assert_eq!(DailyGoal::Minutes(10).in_other_unit(), DailyGoal::Xp(200));
    assert_eq!(DailyGoal::Xp(200).in_other_unit(), DailyGoal::Minutes(10));
    assert_eq!(DailyGoal::Minutes(240).in_other_unit(), DailyGoal::Xp(2000));
    assert_eq!(DailyGoal::Xp(10).in_other_unit(), DailyGoal::Minutes(1));
}

#[test]
fn legacy_keyboard_and_test_records_still_read_field_by_field() {
    let mut s = Settings::default();
    let keyboard =
        r#"{"layout":"dvorak","input":"Emulate","show_keyboard":false,"finger_colours":true,"heatmap":"Bogus"}"#;
    let test = r#"{"mode":{"Time":60},"punctuation":true,"numbers":false,"error_mode":"StopOnWord"}"#;
    let problems = s.apply_all([("keyboard", keyboard), ("test", test)]);
    assert_eq!(s.layout, "dvorak");
    assert_eq!(s.input, InputMode::Emulate);
    assert!(!s.show_keyboard);
    assert_eq!(s.heatmap, Heatmap::Off, "the one bad field keeps its default");
    assert_eq!(problems.len(), 1);
    assert_eq!(s.error_mode, ErrorMode::StopOnWord);
    assert_eq!(s.test, TestChoice { mode: TestMode::Time(60), punctuation: true, numbers: false });
    assert_eq!(s.apply_all([("keyboard", "[1,2")]).len(), 1, "an unreadable legacy record is reported");
}

#[test]
fn the_log_applies_the_newest_writer_whatever_the_arrival_order() {
    let a = setting("theme", "\"dark\"", 10, "a");
    let b = setting("theme", "\"light\"", 20, "b");
    let c = setting("keyboard", r#"{"layout":"ru"}"#, 5, "a");
    let d = setting("layout", "\"dvorak\"", 30, "b");
    let base = Settings::default();
    let (one, _) = Settings::from_log(&base, [&a, &b, &c, &d]);
    let (two, _) = Settings::from_log(&base, [&d, &c, &b, &a]);
    assert_eq!(one, two);
    assert_eq!(one.theme, Theme::Light);
    assert_eq!(one.layout, "dvorak", "the split key is newer than the legacy record");
    assert_eq!(Settings::logged_keys([&a, &c]), vec!["layout".to_owned(), "theme".to_owned()]);
}

#[test]
fn changes_list_only_what_differs() {
    let a = Settings::default();
    let b = Settings { key_sound: true, theme: Theme::Dark, ..a.clone() };
    assert_eq!(a.changes_to(&b), vec![("theme", "\"dark\"".to_owned()), ("key_sound", "true".to_owned())]);
    assert!(a.changes_to(&a).is_empty());
}

#[test]
fn test_links_read_back_and_refuse_what_is_not_offered() {
    let c = TestChoice { mode: TestMode::Words(50), punctuation: true, numbers: true };
    let q = c.to_query();
    assert_eq!(q, "mode=words&n=50&punctuation=1&numbers=1");
    let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|p| p.split_once('=')).collect();
    assert_eq!(TestChoice::from_query(pairs), Some(c));
    assert_eq!(
        TestChoice::from_query([("mode", "time")]),
        Some(TestChoice { mode: TestMode::Time(30), ..TestChoice::default() })
    );
    assert_eq!(TestChoice::from_query([("mode", "words"), ("n", "7")]), None);
    assert_eq!(TestChoice::from_query([("mode", "warp")]), None);
    assert_eq!(TestChoice::from_query([("utm", "x")]), None);
    // Quote, custom and zen tests.
    for mode in [TestMode::Quote(QuoteLength::Long), TestMode::Custom, TestMode::Zen] {
        let c = TestChoice { mode, ..TestChoice::default() };
        let q = c.to_query();
        let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|p| p.split_once('=')).collect();
        assert_eq!(TestChoice::from_query(pairs), Some(c), "{q}");
    }
    assert_eq!(
        TestChoice { mode: TestMode::Quote(QuoteLength::Long), ..TestChoice::default() }.to_query(),
        "mode=quote&length=long"
    );
    assert_eq!(TestChoice::from_query([("mode", "quote")]).map(|c| c.mode), Some(TestMode::Quote(QuoteLength::Medium)));
    assert_eq!(TestChoice::from_query([("mode", "quote"), ("length", "huge")]), None);
}

#[test]
fn languages_resolve_from_the_browser_preferences() {
    assert_eq!(UiLanguage::Auto.resolve(["de-DE", "ru-RU", "en"]), UiLanguage::Ru);
    assert_eq!(UiLanguage::Auto.resolve(["fr"]), UiLanguage::En);
    assert_eq!(UiLanguage::Auto.resolve([]), UiLanguage::En);
    assert_eq!(UiLanguage::En.resolve(["ru"]), UiLanguage::En);
    assert_eq!(UiLanguage::from_tag("RU"), Some(UiLanguage::Ru));
}
