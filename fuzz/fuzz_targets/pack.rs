//! Fuzz target `pack`: the property is `tests/fuzz_cases/mod.rs::pack`.
#![no_main]

// Each target uses one of the shared properties; the others are unused here.
#[allow(dead_code)]
#[path = "../../tests/fuzz_cases/mod.rs"]
mod cases;

libfuzzer_sys::fuzz_target!(|text: &str| cases::pack(text));
