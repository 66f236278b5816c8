//! proptest strategies, one module per area, all re-exported here (`strategy::money()`).

mod date;
mod identifier;
mod money;

pub use date::*;
pub use identifier::*;
pub use money::*;
