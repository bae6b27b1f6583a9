//! Feature hashing: every feature is a 64-bit key built from a template
//! number and a few values. FNV-1a for strings, a splitmix finaliser for
//! mixing; both fixed, so a model means the same on every machine.

/// FNV-1a of a string's bytes.
pub(crate) fn text(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The key of template `t` over values `a`, `b`, `c` (never 0: 0 marks an
/// empty slot in a compiled table). One finalising round over the values
/// spread by odd multipliers: a parser transition computes some seventy of
/// these, so the hash is kept to a handful of multiplications.
pub(crate) fn feature(t: u8, a: u64, b: u64, c: u64) -> u64 {
    let x = u64::from(t).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ a.wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
        ^ b.rotate_left(23).wrapping_mul(0x1656_67b1_9e37_79f9)
        ^ c.rotate_left(41).wrapping_mul(0x27d4_eb2f_1656_67c5);
    mix(x).max(1)
}
