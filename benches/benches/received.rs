//! Benchmarks of reading received e-invoices (issue 12): a 1 000-line invoice (target
//! ≤ 2 ms) and the whole received corpus as throughput (target ≥ 50 MB/s). Inputs are the
//! committed files, read outside the timed closures.
// A bench harness: unwrap on fixed, known-good inputs is fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use apkalpe_accounting::read_received_invoice;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn accounting_tests() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/apkalpe-accounting/tests")
}

/// Every XML file below `dir`, sorted, as text.
fn corpus(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "xml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

fn read(c: &mut Criterion) {
    // Target (issue 12): ≤ 2 ms for a 1 000-line invoice.
    let thousand =
        std::fs::read_to_string(accounting_tests().join("ubl/invoice-1000-lines.xml")).unwrap();
    assert_eq!(
        read_received_invoice(&thousand).unwrap().lines().len(),
        1000
    );
    let mut group = c.benchmark_group("received/read");
    group.throughput(Throughput::Bytes(u64::try_from(thousand.len()).unwrap()));
    group.bench_function("invoice_1000_lines", |b| {
        b.iter(|| read_received_invoice(black_box(&thousand)))
    });
    // Target (issue 12): ≥ 50 MB/s over real documents of every size.
    let files = corpus(&accounting_tests().join("fixtures/received"));
    let bytes: usize = files.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(u64::try_from(bytes).unwrap()));
    group.bench_function(format!("corpus_{}_files", files.len()), |b| {
        b.iter(|| {
            for file in &files {
                let _ = black_box(read_received_invoice(black_box(file)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
