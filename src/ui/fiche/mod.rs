//! The fiche page: everything about one certification.
pub mod page;
pub mod sections;
