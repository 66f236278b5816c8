//! Benchmarks of apkalpe-catalogue (being written).
fn main() {}
