//! Benchmarks of apkalpe-accounting (being written).
fn main() {}
