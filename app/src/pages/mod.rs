//! Pages: one file each, one route each (see `app.rs`).

pub mod account;
pub mod data_page;
pub mod dictation_page;
pub mod home_page;
pub mod lazy;
pub mod learn;
pub mod not_found_page;
pub mod practice_chart;
pub mod practice_page;
pub mod progress;
pub mod review_page;
pub mod settings_page;
pub mod test_page;
