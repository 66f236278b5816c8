//! Benchmarks of apkalpe-clients (being written).
fn main() {}
