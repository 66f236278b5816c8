//! Benchmarks of apkalpe-payments (being written).
fn main() {}
