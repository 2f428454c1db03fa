//! Tests of the layout data, the lookups and emulation.

use std::collections::BTreeMap;

use super::catalog::{all, geometries};
use super::parse::parse_layout;
use super::*;

fn layout(id: &str) -> Layout {
    all().unwrap().into_iter().find(|l| l.id == id).unwrap()
}

#[test]
fn every_built_in_layout_parses_and_validates() {
    let layouts = all().unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<_> = layouts.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["us", "gb", "ru", "ru-mac", "uk-ua", "dvorak", "colemak", "colemak-dh", "workman", "de", "fr"]);
}

#[test]
fn every_character_a_layout_types_round_trips() {
    for l in all().unwrap() {
        for (code, levels) in &l.keys {
            for level in Level::ALL {
                let Some(Output::Char(c)) = levels[level as usize] else { continue };
                let s = l.stroke_for(c).unwrap_or_else(|| panic!("{}: no stroke for {c:?}", l.id));
                assert_eq!(l.output(&s.code, s.level), Some(Output::Char(c)), "{}: {c:?} from {code}", l.id);
                assert_eq!(s.dead, None);
            }
        }
        assert_eq!(l.stroke_for(' ').map(|s| s.code), Some("Space".to_owned()));
    }
}

#[test]
fn every_key_has_a_finger_and_the_home_row_is_complete() {
    for l in all().unwrap() {
        for code in l.keys.keys() {
            assert!(l.finger_of(code).is_some(), "{}: {code} has no finger", l.id);
        }
        let home: Vec<_> = l.geometry.keys.iter().filter(|k| k.home).filter_map(|k| k.code.as_deref()).collect();
        assert_eq!(home, ["KeyA", "KeyS", "KeyD", "KeyF", "KeyJ", "KeyK", "KeyL", "Semicolon"], "{}", l.id);
    }
}

#[test]
fn letters_are_where_touch_typists_expect_them() {
    let us = layout("us");
    let a = us.stroke_for('A').unwrap();
    assert_eq!((a.code.as_str(), a.level, a.finger), ("KeyA", Level::Shift, Finger::LeftPinky));
    assert_eq!(Layout::shift_for(a.finger), "ShiftRight");
    let ru = layout("ru");
    let zh = ru.stroke_for('ж').unwrap();
    assert_eq!((zh.code.as_str(), zh.finger), ("Semicolon", Finger::RightPinky));
    assert_eq!(ru.stroke_for('а').unwrap().code, "KeyF", "а is under the left index finger, with the bump");
    assert_eq!(ru.stroke_for('о').unwrap().code, "KeyJ");
    assert_eq!(ru.stroke_for(',').unwrap().level, Level::Shift, "on Windows ЙЦУКЕН the comma is Shift+.");
    let mac = layout("ru-mac");
    assert_eq!(mac.stroke_for(',').unwrap().code, "Digit6", "on the Mac the comma is Shift+6");
    assert_eq!(mac.stroke_for('.').unwrap().code, "Digit7");
    assert_eq!(mac.stroke_for('ё').unwrap().code, "Backslash", "and ё sits beside Enter");
    assert_eq!(ru.stroke_for('ё').unwrap().code, "Backquote");
    assert_eq!(layout("dvorak").stroke_for('s').unwrap().code, "Semicolon");
    assert_eq!(layout("de").stroke_for('@').unwrap().level, Level::AltGr);
    let uk = layout("uk-ua");
    assert_eq!(uk.stroke_for('ґ').unwrap().code, "Backslash", "ґ on its own key, as XKB's ua has it");
    assert_eq!(uk.stroke_for('Ґ').unwrap().level, Level::Shift);
    let apostrophe = uk.stroke_for('\u{2bc}').unwrap();
    assert_eq!((apostrophe.code.as_str(), apostrophe.level), ("Backquote", Level::Shift), "ʼ is Shift+Backquote");
    assert_eq!(uk.stroke_for('₴').unwrap().level, Level::AltGr, "₴ kept, on AltGr");
    let dh = layout("colemak-dh");
    let bottom = ["KeyZ", "KeyX", "KeyC", "KeyV", "KeyB", "KeyN", "KeyM"].into_iter().zip("xcdvzkh".chars());
    for (code, c) in bottom {
        assert_eq!(dh.stroke_for(c).unwrap().code, code, "Colemak-DH's angle-mod bottom row: {c}");
    }
}

#[test]
fn accented_letters_come_from_dead_keys() {
    let de = layout("de");
    let s = de.stroke_for('é').unwrap();
    assert_eq!(s.code, "KeyE");
    assert_eq!(s.dead, Some(("Equal".to_owned(), Level::Base)));
    let fr = layout("fr");
    assert_eq!(fr.stroke_for('ê').unwrap().dead, Some(("BracketLeft".to_owned(), Level::Base)));
    assert_eq!(fr.stroke_for('é').unwrap().dead, None, "é has its own key on AZERTY");
}

#[test]
fn emulation_types_through_the_chosen_layout() {
    let ru = layout("ru");
    let mut e = Emulator::default();
    let typed: String =
        ["KeyG", "KeyH", "KeyB", "KeyD", "KeyT", "KeyN"].iter().filter_map(|c| e.press(&ru, c, false, false)).collect();
    assert_eq!(typed, "привет");
    assert_eq!(e.press(&ru, "Slash", true, false).as_deref(), Some(","));
    assert_eq!(e.press(&ru, "F13", false, false), None, "an unknown key types nothing");

    let de = layout("de");
    let mut e = Emulator::default();
    assert_eq!(e.press(&de, "Equal", false, false), None);
    assert!(e.is_pending());
    assert_eq!(e.press(&de, "KeyE", false, false).as_deref(), Some("é"));
    assert_eq!(e.press(&de, "Equal", false, false), None);
    assert_eq!(e.press(&de, "Space", false, false).as_deref(), Some("´"));
    assert_eq!(e.press(&de, "Backquote", false, false), None);
    assert_eq!(e.press(&de, "KeyX", false, false).as_deref(), Some("^x"));
}

fn parse_error(text: &str) -> String {
    parse_layout("bad.txt", text, &geometries().unwrap()).unwrap_err().to_string()
}

const HEAD: &str = "id: t\nname: T\nlanguage: en\ngeometry: ansi\n";

#[test]
fn bad_layout_files_are_refused_naming_file_line_and_reason() {
    assert_eq!(parse_error(&format!("{HEAD}KeyQ q Q\nKeyQ w W\n")), "bad.txt:6: duplicate key code KeyQ");
    assert_eq!(
        parse_error(&format!("{HEAD}KeyQ q\n")),
        "bad.txt:5: key KeyQ is missing its Shift level (write \"none\" for nothing)"
    );
    assert_eq!(
        parse_error(&format!("{HEAD}KeyQ q Q\nKeyW q W\n")),
        "bad.txt:0: 'q' is typed by both KeyQ and KeyW at Base"
    );
    assert!(parse_error(&format!("{HEAD}Foo q Q\n")).starts_with("bad.txt:5: key code Foo is not on this geometry"));
    assert!(parse_error("id: t\nname: T\nlanguage: en\ngeometry: qwerty\n").starts_with("bad.txt:4: unknown geometry"));
    assert!(parse_error(&format!("{HEAD}KeyQ qq Q\n")).starts_with("bad.txt:5: \"qq\" is not one character"));
    assert!(parse_error("id: t\nlanguage: en\ngeometry: ansi\n").contains("missing \"name:\""));
}

#[test]
fn bad_geometry_files_are_refused_naming_file_line_and_reason() {
    let e = super::parse::parse_geometry("g.txt", "0 KeyQ 1 LP\n0 KeyW 1 XX\n").unwrap_err();
    assert_eq!(e.to_string(), "g.txt:2: unknown finger \"XX\" (use LP LR LM LI TH RI RM RR RP)");
    let e = super::parse::parse_geometry("g.txt", "0 KeyQ 1 LP\n0 KeyQ 1 LR\n").unwrap_err();
    assert_eq!(e.to_string(), "g.txt:2: duplicate key code KeyQ");
    let _: BTreeMap<String, Geometry> = geometries().unwrap();
}

#[test]
fn a_key_is_placed_after_the_keys_before_it_in_its_row() {
    let ansi = &geometries().unwrap()["ansi"];
    let place = |code| ansi.place(code).unwrap();
    assert_eq!(place("Backquote"), KeyPlace { units: 0.0, row: 0, width: 1.0 });
    // Tab (1.5) and Q..P (10 keys) come before the left bracket.
    assert_eq!(place("BracketLeft"), KeyPlace { units: 11.5, row: 1, width: 1.0 });
    // Caps Lock is 1.75 units wide.
    assert_eq!(place("KeyA"), KeyPlace { units: 1.75, row: 2, width: 1.0 });
    assert_eq!(place("ShiftLeft").units, 0.0);
    // A gap counts like a key: the space bar sits after a 3.75-unit gap.
    assert_eq!(place("Space"), KeyPlace { units: 3.75, row: 4, width: 6.25 });
    assert_eq!(ansi.place("NoSuchKey"), None);
}

#[test]
fn rows_leave_out_empty_ones_and_places_count_only_drawn_rows() {
    let key = |row, code: &str| GeometryKey {
        row,
        code: Some(code.into()),
        width: 1.0,
        finger: None,
        home: false,
        bump: false,
    };
    let g = Geometry { keys: vec![key(3, "KeyB"), key(1, "KeyA"), key(3, "KeyC")] };
    let rows: Vec<Vec<_>> = g.rows().iter().map(|r| r.iter().map(|k| k.code.clone().unwrap()).collect()).collect();
    assert_eq!(rows, [vec!["KeyA"], vec!["KeyB", "KeyC"]]);
    assert_eq!(g.place("KeyC"), Some(KeyPlace { units: 1.0, row: 1, width: 1.0 }));
}
