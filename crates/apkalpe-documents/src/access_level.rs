//! The access level of a document (*pieejamības statuss*): what both a document's
//! requisites and the confidentiality checks read, in its own module so neither imports the
//! other.

use std::fmt;

/// The access level of a document (*pieejamības statuss*), lowest first.
///
/// The order is meaningful: a reader may read a document whose level is at most the
/// reader's clearance.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::AccessLevel;
///
/// assert!(AccessLevel::CommercialSecret > AccessLevel::RestrictedAccess);
/// assert!(AccessLevel::RestrictedAccess.is_logged());
/// assert!(!AccessLevel::Internal.is_logged());
/// assert_eq!(AccessLevel::CommercialSecret.latvian_mark(), "KOMERCNOSLĒPUMS");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// # Legal basis
///
/// Serves S20, C15 (protect commercial information and confidentiality); the
/// restricted-access mark is a requisite (`docs/sources.md` §5a).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AccessLevel {
    /// Public (*vispārpieejama informācija*).
    Public,
    /// For the organisation's staff (*iekšējai lietošanai*); the default.
    #[default]
    Internal,
    /// Restricted access (*ierobežotas pieejamības informācija*): named readers only.
    RestrictedAccess,
    /// Commercial secret (*komercnoslēpums*).
    CommercialSecret,
}

impl AccessLevel {
    /// Returns the mark written on a document of this level.
    pub const fn latvian_mark(self) -> &'static str {
        match self {
            AccessLevel::Public => "VISPĀRPIEEJAMA INFORMĀCIJA",
            AccessLevel::Internal => "IEKŠĒJAI LIETOŠANAI",
            AccessLevel::RestrictedAccess => "IEROBEŽOTAS PIEEJAMĪBAS INFORMĀCIJA",
            AccessLevel::CommercialSecret => "KOMERCNOSLĒPUMS",
        }
    }

    /// Returns the Latvian name, as the Latvian error messages say it ("ierobežotas
    /// pieejamības informācija").
    pub(crate) const fn latvian_name(self) -> &'static str {
        match self {
            AccessLevel::Public => "vispārpieejama informācija",
            AccessLevel::Internal => "iekšējai lietošanai",
            AccessLevel::RestrictedAccess => "ierobežotas pieejamības informācija",
            AccessLevel::CommercialSecret => "komercnoslēpums",
        }
    }

    /// Tells whether every read of a document at this level is logged (restricted access
    /// and commercial secret).
    pub const fn is_logged(self) -> bool {
        matches!(
            self,
            AccessLevel::RestrictedAccess | AccessLevel::CommercialSecret
        )
    }

    /// Returns the snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            AccessLevel::Public => "public",
            AccessLevel::Internal => "internal",
            AccessLevel::RestrictedAccess => "restricted_access",
            AccessLevel::CommercialSecret => "commercial_secret",
        }
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
