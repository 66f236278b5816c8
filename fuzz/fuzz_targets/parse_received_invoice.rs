//! Fuzz target of the received e-invoice reader (issue 12). The input is the text of a
//! document (lossily decoded, so any bytes reach the XML parser). Oracle: nothing panics or
//! hangs; whatever reads renders, and its saved JSON restores to an equal document
//! (parse → print → parse).
//!
//! Fuzz with `cargo +nightly fuzz run parse_received_invoice
//! ../crates/apkalpe-accounting/tests/fixtures/received/official` (the corpus files make good
//! seeds); without nightly, `cargo run --bin parse_received_invoice -- FILE...` replays inputs
//! (a corpus, or a crash) through the same checks.
#![cfg_attr(fuzzing, no_main)]

use apkalpe_accounting::{ReceivedInvoice, read_received_invoice, render_received_invoice};

fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(invoice) = read_received_invoice(&text) else {
        return;
    };
    let _ = render_received_invoice(&invoice);
    let json = match serde_json::to_string(&invoice) {
        Ok(json) => json,
        Err(error) => panic!("a read document does not serialize: {error}"),
    };
    match serde_json::from_str::<ReceivedInvoice>(&json) {
        Ok(restored) => assert_eq!(restored, invoice, "the saved form restores another document"),
        Err(error) => panic!("the saved form of a read document does not restore: {error}"),
    }
}

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));

#[cfg(not(fuzzing))]
fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(data) => check(&data),
            Err(error) => eprintln!("{path}: {error}"),
        }
    }
}
