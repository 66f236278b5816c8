//! Benchmarks of apkalpe-documents (being written).
fn main() {}
