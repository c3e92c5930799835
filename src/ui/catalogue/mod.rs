//! The catalogue page: search box, filters, and a card per certification.
pub mod card;
pub mod page;
