//! Pages: one file each.

pub mod data_page;
pub mod history_page;
pub mod test_page;
