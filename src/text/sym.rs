//! Shared immutable strings: the subject, group and attribute of a claim
//! repeat across thousands of claims, so each distinct one is stored once.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string whose clones share one allocation. Reads as a
/// `&str`; compares, orders, hashes, prints and serialises as its text.
/// One pointer wide (the text's length is kept with the text): a claim
/// holds five, and at 16 bytes each they were a fifth of a large run's
/// claims.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(Arc<Box<str>>);

impl Default for Sym {
    /// The empty text, one allocation shared by every empty `Sym` (most
    /// claims' group is empty until grouping sets it).
    fn default() -> Sym {
        static EMPTY: std::sync::OnceLock<Sym> = std::sync::OnceLock::new();
        EMPTY.get_or_init(|| Sym::from("")).clone()
    }
}

impl Sym {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym(Arc::new(s.into_boxed_str()))
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym(Arc::new(Box::from(s)))
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym::from(s.as_str())
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Hands out one shared `Sym` per distinct text.
#[derive(Default)]
pub struct Interner(crate::text::QuickSet<Sym>);

impl Interner {
    /// The shared copy of `s`, made the first time it is asked for.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(known) = self.0.get(s) {
            return known.clone();
        }
        let new = Sym::from(s);
        self.0.insert(new.clone());
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_texts_share_one_allocation_and_read_as_strings() {
        let mut i = Interner::default();
        let a = i.intern("Nvidia");
        let b = i.intern(&String::from("Nvidia"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 8);
        assert_eq!(a, "Nvidia");
        assert_eq!(a.as_str(), "Nvidia");
        assert_eq!(format!("{a} {a:?}"), "Nvidia \"Nvidia\"");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Nvidia\"");
    }
}
