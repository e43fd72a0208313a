//! Fuzz target: `claimex::fuzzing::annotate_and_write` on arbitrary bytes (invariants in src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimex::fuzzing::annotate_and_write(data));
