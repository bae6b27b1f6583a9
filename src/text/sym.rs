//! Shared immutable strings: the subject, group and attribute of a claim
//! repeat across thousands of claims, so each distinct one is stored once.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string whose clones share one allocation. Reads as a
/// `&str`; compares, orders, hashes, prints and serialises as its text.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sym(Arc<str>);

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
        Sym(s.into())
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym(s.into())
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym(s.as_str().into())
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.0.to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self.as_str() == &*other.0
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl serde::Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
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
        assert_eq!(a, "Nvidia");
        assert_eq!(a.as_str(), "Nvidia");
        assert_eq!(format!("{a} {a:?}"), "Nvidia \"Nvidia\"");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Nvidia\"");
    }
}
