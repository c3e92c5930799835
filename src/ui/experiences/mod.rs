//! Recording experiences and turning them into evidence for competencies.
pub mod form;
pub mod page;
