//! scriptlint: a linter for customer-service language.
//!
//! Data flows one way: [`cli`] -> [`config`] -> [`rules`]; [`walk`] -> [`document`] ->
//! [`check`] -> [`report`]. The engine ([`check`]) and the readers ([`document`]) do no I/O and
//! print nothing; [`lint`] ties one file's bytes to its diagnostics, and [`app`] runs a command.

pub mod app;
pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod hint;
pub mod lint;
pub mod lsp;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod selftest;
pub mod text;
pub mod walk;
