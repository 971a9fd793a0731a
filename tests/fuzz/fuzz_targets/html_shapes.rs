#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| claimtrack::fuzz::html_shapes(data));
