//! proptest strategies, one module per area. Core's are re-exported here
//! (`strategy::money()`); a domain crate's sit in their own module behind the crate's feature
//! (`strategy::clients::registry()`), so `cargo test -p apkalpe-core` builds only core.

mod date;
mod identifier;
mod money;

pub use date::*;
pub use identifier::*;
pub use money::*;

#[cfg(feature = "accounting")]
pub mod accounting;
#[cfg(feature = "catalogue")]
pub mod catalogue;
#[cfg(feature = "clients")]
pub mod clients;
#[cfg(feature = "documents")]
pub mod documents;
#[cfg(feature = "payments")]
pub mod payments;
