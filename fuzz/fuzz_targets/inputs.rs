//! Fuzz target: `claimex::fuzzing::read_inputs` on arbitrary bytes (invariants in src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimex::fuzzing::read_inputs(data));
