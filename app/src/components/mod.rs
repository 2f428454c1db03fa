//! Small presentational components: one file each, narrow props.

pub mod figures;
pub mod text_line;
