//! Fuzz target: `claimex::fuzzing::compile_rules` on arbitrary bytes (invariants in src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimex::fuzzing::compile_rules(data));
