//! The running typing test, kept in context for the whole visit: leaving the test page and coming back
//! finds the test as it was (a timed test that ran out meanwhile shows its results). It owns the engine,
//! the choice of test and the clock; the test page only feeds it keys. A finished session is saved the
//! moment it ends, on whatever page the learner is.

use klava_core::custom::prepare;
use klava_core::layout::Layout;
use klava_core::profile::Profile;
use klava_core::quotes::Quote;
use klava_core::record::{Body, LessonRun, ModeKind, PracticeRun, Record, Session, SessionMode};
use klava_core::rng::Rng;
use klava_core::settings::{TestChoice, TestMode};
use klava_core::text::wrong_script;
use klava_core::textgen::Marks;
use klava_core::{Engine, Input, KeyKind, Keystroke, Millis, Options};
use leptos::prelude::*;
use leptos_use::use_interval_fn;

use crate::config::{Fetched, Made, TIME_MODE_CHUNK, TestConfig, random_seed};
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::storage::ids;
use crate::test_texts::TestTexts;

/// How long a wrongly pressed key flashes on the on-screen keyboard.
const FLASH_MS: u64 = 250;

/// What a text typed instead of the chosen test is: a lesson with what it needs, adaptive practice
/// with its keys in play (kept in the session's record), or dictation (the quote's id, or the number of
/// words read out).
#[derive(Clone, Debug, PartialEq)]
pub enum Exercise {
    Lesson(LessonRun),
    Practice(PracticeRun),
    Dictation(u32),
    /// Spaced review of the items due.
    Review,
}

/// A lesson's or practice's text: typed instead of the chosen test while its page is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseText {
    pub text: String,
    pub exercise: Exercise,
}

impl ExerciseText {
    /// The key a practice text favours, to be marked in it.
    pub fn focus(&self) -> Option<char> {
        match &self.exercise {
            Exercise::Practice(run) => run.focus,
            Exercise::Lesson(_) | Exercise::Dictation(_) | Exercise::Review => None,
        }
    }
}

/// The running test, provided in context.
#[derive(Clone, Copy)]
pub struct TypingTest {
    /// The session; read it through `with`.
    pub engine: RwSignal<Engine>,
    /// Counts the texts started: changes when a new test replaces the engine.
    pub text: RwSignal<u64>,
    /// The test chosen (a link, the mode bar, or the stored default); changing it starts a new test.
    pub choice: RwSignal<TestChoice>,
    /// The lesson or practice being typed instead, while its page is open.
    pub exercise: RwSignal<Option<ExerciseText>>,
    /// Everything the text and the engine depend on.
    pub config: Memo<TestConfig>,
    /// The layout's language.
    pub language: Memo<String>,
    /// What tests draw from: word lists, quotes, the learner's text.
    pub texts: TestTexts,
    /// The quote being typed, in quote mode.
    pub quote: RwSignal<Option<Quote>>,
    /// The clock now (`performance.now()`, same origin as event time stamps), refreshed ten times a second.
    pub now: ReadSignal<Millis>,
    /// The code of a key just pressed by mistake, while it flashes.
    pub flash: ReadSignal<Option<String>>,
    set_flash: WriteSignal<Option<String>>,
    /// Whether two letters in a row came in the other alphabet (Latin for Cyrillic or the reverse): the
    /// OS layout looks wrong.
    pub wrong_layout: RwSignal<bool>,
    wrong_script_run: StoredValue<u8>,
    rng: StoredValue<Rng>,
    prefs: Prefs,
}

fn performance_now() -> Millis {
    window().performance().map_or(0.0, |p| p.now())
}

/// The engine for the exercise, or for the chosen test, and the quote it types.
fn new_engine(
    config: &TestConfig,
    layout: &Layout,
    exercise: Option<&ExerciseText>,
    last_quote: Option<u32>,
    rng: &mut Rng,
) -> (Engine, Option<Quote>) {
    let made = match exercise {
        Some(l) => Some(Made { text: l.text.clone(), options: config.exercise_options(), quote: None }),
        None => config.make(|c| layout.stroke_for(c).is_some(), last_quote, rng),
    };
    // Until the text is here the test page says why instead of showing the typing area: an empty zen
    // session stands in, which shows nothing.
    let Made { text, options, quote } = made.unwrap_or_else(|| Made {
        text: String::new(),
        options: Options { zen: true, ..config.options() },
        quote: None,
    });
    (Engine::new(&text, options).expect("a made text is never empty and has no control characters"), quote)
}

/// The record of a finished session.
fn session_of(
    e: &Engine,
    profile: Profile,
    choice: TestChoice,
    exercise: Option<Exercise>,
    quote: Option<u32>,
) -> Session {
    let (kind, amount) = match (&exercise, choice.mode) {
        (Some(Exercise::Lesson(_)), _) => (ModeKind::Lesson, 0),
        (Some(Exercise::Practice(_)), _) => (ModeKind::Practice, 0),
        (Some(Exercise::Dictation(amount)), _) => (ModeKind::Dictation, *amount),
        (Some(Exercise::Review), _) => (ModeKind::Review, 0),
        (None, TestMode::Words(n)) => (ModeKind::Words, n),
        (None, TestMode::Time(s)) => (ModeKind::Time, s),
        (None, TestMode::Quote(_)) => (ModeKind::Quote, quote.unwrap_or(0)),
        (None, TestMode::Custom) => (ModeKind::Custom, u32::try_from(e.words().len()).unwrap_or(u32::MAX)),
        (None, TestMode::Zen) => (ModeKind::Zen, 0),
    };
    let generated = exercise.is_none() && choice.mode.generates_words();
    let (punctuation, numbers) = if generated { (choice.punctuation, choice.numbers) } else { (false, false) };
    let mode = SessionMode { kind, amount, punctuation, numbers };
    let now = ids::now_ms();
    let session = Session::typed(e, profile, mode, now, ids::utc_offset_min_at(now));
    match exercise {
        Some(Exercise::Lesson(run)) => Session { lesson: Some(run), ..session },
        Some(Exercise::Practice(run)) => Session { practice: Some(run), ..session },
        Some(Exercise::Dictation(_) | Exercise::Review) | None => session,
    }
}

impl TypingTest {
    /// Starts the first test with the stored choice, restarts on any change of what the text depends on,
    /// saves finished sessions and runs the clock. Needs [`Prefs`] and [`Progress`].
    pub fn provide() -> Self {
        let prefs = Prefs::expect();
        let choice = RwSignal::new(prefs.with_untracked(|s| s.test));
        let language = Memo::new(move |_| prefs.with_layout(|l| l.language.clone()));
        let texts = TestTexts::new();
        let config = Memo::new(move |_| {
            let choice = choice.get();
            let (language, marks) =
                prefs.with_layout(|l| (l.language.clone(), Marks::of(&l.language, |c| l.stroke_for(c).is_some())));
            // Until the answer for this language comes, what is in memory (never another language's).
            let words = texts.words(&language);
            let quotes =
                if matches!(choice.mode, TestMode::Quote(_)) { texts.quotes(&language) } else { Fetched::Loading };
            let custom = (choice.mode == TestMode::Custom).then(|| {
                texts
                    .custom
                    .with(|c| prefs.with_layout(|l| prepare(&c.raw, c.options(), |ch| l.stroke_for(ch).is_some())))
            });
            let (error_mode, yo_as_ye) = prefs.with(|s| (s.error_mode, s.yo_as_ye));
            TestConfig { choice, error_mode, language, marks, words, quotes, custom, yo_as_ye }
        });
        let mut rng = Rng::new(random_seed());
        let (first, quote) =
            prefs.with_layout_untracked(|l| new_engine(&config.get_untracked(), l, None, None, &mut rng));
        let engine = RwSignal::new(first);
        let (now, set_now) = signal(performance_now());
        let (flash, set_flash) = signal(None::<String>);
        let t = Self {
            engine,
            text: RwSignal::new(0),
            choice,
            exercise: RwSignal::new(None),
            config,
            language,
            texts,
            quote: RwSignal::new(quote),
            now,
            flash,
            set_flash,
            wrong_layout: RwSignal::new(false),
            wrong_script_run: StoredValue::new(0),
            rng: StoredValue::new(rng),
            prefs,
        };
        Effect::watch(
            move || config.get(),
            move |now, before, _| {
                // Texts arriving change nothing in a lesson or practice being typed.
                let texts_only = before.is_some_and(|b| {
                    let (words, quotes, custom) = (now.words.clone(), now.quotes.clone(), now.custom.clone());
                    TestConfig { words, quotes, custom, ..b.clone() } == *now
                });
                if !(texts_only && t.exercise.with_untracked(Option::is_some)) {
                    t.restart();
                }
            },
            false,
        );
        Effect::watch(
            move || (language.get(), matches!(choice.get().mode, TestMode::Quote(_))),
            move |(language, quotes), _, _| texts.load(language, *quotes),
            true,
        );
        t.save_when_finished(prefs);
        let _ = use_interval_fn(
            move || {
                let now = performance_now();
                set_now.set(now);
                if engine.with_untracked(|e| e.time_up(now)) {
                    engine.update(|e| {
                        e.tick(now);
                    });
                }
            },
            100,
        );
        provide_context(t);
        t
    }

    /// The provided instance.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Fetches again what the chosen test draws from (after a failure).
    pub fn reload_texts(&self) {
        let quotes = self.choice.with_untracked(|c| matches!(c.mode, TestMode::Quote(_)));
        self.texts.load(&self.language.get_untracked(), quotes);
    }

    /// Ends a zen session (Shift+Enter); other texts end by themselves.
    pub fn finish(&self, at: Millis) {
        if self.engine.with_untracked(|e| e.options().zen) && self.exercise.with_untracked(Option::is_none) {
            self.engine.update(|e| e.finish(at));
        }
    }

    /// Starts a new test with the current settings (the exercise again, while one is open).
    pub fn restart(&self) {
        let config = self.config.get_untracked();
        let exercise = self.exercise.get_untracked();
        let last = self.quote.with_untracked(|q| q.as_ref().map(|q| q.id));
        let fresh = self.prefs.with_layout_untracked(|l| {
            self.rng.try_update_value(|r| new_engine(&config, l, exercise.as_ref(), last, r))
        });
        if let Some((fresh, quote)) = fresh {
            self.quote.set(quote);
            self.engine.set(fresh);
            self.text.update(|n| *n += 1);
            self.wrong_script_run.set_value(0);
        }
    }

    /// Types `exercise` from now on, from its start.
    pub fn start_exercise(&self, exercise: ExerciseText) {
        self.exercise.set(Some(exercise));
        self.restart();
    }

    /// Back to the chosen test, when a lesson or practice was open.
    pub fn leave_exercise(&self) {
        if self.exercise.with_untracked(Option::is_some) {
            self.exercise.set(None);
            self.restart();
        }
    }

    /// Whether a test has started and not finished.
    pub fn in_progress(&self) -> bool {
        self.engine.with(|e| e.started_at().is_some() && !e.is_finished())
    }

    /// Feeds one input, stamped `at`, from physical key `code` (empty when unknown); returns how the
    /// engine judged it (`None` when it was refused: input after the end, or a malformed event).
    pub fn type_input(&self, input: Input, at: Millis, code: &str) -> Option<Keystroke> {
        let timed = self.config.with_untracked(TestConfig::is_timed) && self.exercise.with_untracked(Option::is_none);
        let (needs_more, last) = self.engine.try_update(|e| {
            let before = e.log().len();
            let _ = e.apply(input, at);
            let needs_more = timed && !e.is_finished() && e.caret().0 + TIME_MODE_CHUNK / 2 >= e.words().len();
            (needs_more, (e.log().len() > before).then(|| e.log().last().cloned()).flatten())
        })?;
        if let Some(k) = &last {
            self.watch_mistakes(k, code);
        }
        if needs_more {
            let config = self.config.get_untracked();
            let more = self.prefs.with_layout_untracked(|l| {
                self.rng.try_update_value(|r| config.words(TIME_MODE_CHUNK, |c| l.stroke_for(c).is_some(), r))
            });
            if let Some(more) = more.flatten() {
                self.engine.update(|e| {
                    let _ = e.extend(&more);
                });
            }
        }
        last
    }

    /// Flashes a wrong key and watches for letters in the other alphabet.
    fn watch_mistakes(&self, k: &Keystroke, code: &str) {
        if matches!(k.kind, KeyKind::Incorrect | KeyKind::Extra) && !code.is_empty() {
            let set_flash = self.set_flash;
            set_flash.set(Some(code.to_owned()));
            set_timeout(move || set_flash.set(None), std::time::Duration::from_millis(FLASH_MS));
        }
        // An extra letter is judged against its word; only letters count either way.
        let expected =
            k.expected.clone().or_else(|| self.engine.with_untracked(|e| e.words()[k.word].first().cloned()));
        match wrong_script(expected.as_deref().unwrap_or_default(), k.typed.as_deref().unwrap_or_default()) {
            Some(true) => self.wrong_script_run.update_value(|n| *n = n.saturating_add(1)),
            Some(false) => self.wrong_script_run.set_value(0),
            None => {}
        }
        if self.wrong_script_run.get_value() >= 2 {
            self.wrong_layout.set(true);
        }
    }

    /// A finished session is a record, saved the moment it ends.
    fn save_when_finished(&self, prefs: Prefs) {
        let engine = self.engine;
        let choice = self.choice;
        let exercise = self.exercise;
        let quote = self.quote;
        let finished = Memo::new(move |_| engine.with(Engine::is_finished));
        let progress = Progress::expect();
        Effect::watch(
            move || finished.get(),
            move |done, _, _| {
                if !*done {
                    return;
                }
                let profile =
                    prefs.with_layout_untracked(|l| Profile { layout: l.id.clone(), language: l.language.clone() });
                let exercise = exercise.with_untracked(|l| l.as_ref().map(|l| l.exercise.clone()));
                let quote = quote.with_untracked(|q| q.as_ref().map(|q| q.id));
                let session =
                    engine.with_untracked(|e| session_of(e, profile, choice.get_untracked(), exercise, quote));
                progress.save(Record {
                    id: ids::new_record_id(),
                    device: progress.device(),
                    body: Body::Session(Box::new(session)),
                });
            },
            false,
        );
    }
}
