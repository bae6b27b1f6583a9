//! Feature hashing: every feature is a 64-bit key built from a template
//! number and a few values. FNV-1a for strings, a splitmix finaliser for
//! mixing; both fixed, so a model means the same on every machine.

/// FNV-1a of a string's bytes.
pub(crate) fn text(s: &str) -> u64 {
    bytes(s.bytes())
}

/// FNV-1a of bytes as they come (`text` of a string made of them).
pub(crate) fn bytes(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(FNV_START, fnv)
}

/// FNV-1a's starting state.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte more into an FNV-1a state.
#[inline]
pub(crate) fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One value's share of a feature key in each of the three places a value
/// can take, so a value many templates use is spread once (a parser
/// transition builds some seventy keys from about thirty values).
#[derive(Clone, Copy)]
pub(crate) struct Part([u64; 3]);

impl Part {
    pub(crate) fn of(x: u64) -> Part {
        Part([
            x.wrapping_mul(0xc2b2_ae3d_27d4_eb4f),
            x.rotate_left(23).wrapping_mul(0x1656_67b1_9e37_79f9),
            x.rotate_left(41).wrapping_mul(0x27d4_eb2f_1656_67c5),
        ])
    }
}

/// The key of template `t` over values `a`, `b`, `c` (never 0: 0 marks an
/// empty slot in a compiled table). One finalising round over the values
/// spread by odd multipliers: a parser transition computes some seventy of
/// these, so the hash is kept to a handful of multiplications.
pub(crate) fn feature(t: u8, a: u64, b: u64, c: u64) -> u64 {
    key(t, Part::of(a), Part::of(b), Part::of(c))
}

/// `feature` over values already spread.
#[inline]
pub(crate) fn key(t: u8, a: Part, b: Part, c: Part) -> u64 {
    let [a, _, _] = a.0;
    let [_, b, _] = b.0;
    let [_, _, c] = c.0;
    mix(u64::from(t).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a ^ b ^ c).max(1)
}
