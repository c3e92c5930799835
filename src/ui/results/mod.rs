//! Results: readiness per certification and bloc, ranking, side-by-side comparison, report.
pub mod chart;
pub mod compare;
pub mod page;
pub mod report;
