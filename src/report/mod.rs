//! `claimex report`: one self-contained HTML page of who is quoted, how, where and when,
//! drawn from claim records or documents (as `claimex speakers` reads them).

pub mod figures;
pub mod html;
pub mod tally;

pub use figures::{figures, Figures};
pub use html::page;
pub use tally::Tally;
