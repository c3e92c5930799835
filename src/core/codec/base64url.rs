//! Base64url without padding (RFC 4648 §5), for share links: the alphabet `A–Z a–z 0–9 - _`
//! is safe in a URL fragment as is. Written here rather than taken from a crate because it is
//! forty lines and the link format must not change under us.
//!
//! Decoding rejects any other character (including `=` padding and whitespace) and a length
//! of 1 modulo 4, which no encoding produces. The unused low bits of the last character are
//! ignored, as RFC 4648 §3.5 allows: changing only those gives the same bytes.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a text is not base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet.
    InvalidChar,
    /// A length of 1 modulo 4: a character too many or, more likely, cut short.
    BadLength,
}

fn char_of(six_bits: u32) -> char {
    char::from(ALPHABET[(six_bits & 63) as usize])
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Encodes bytes, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| chunk.get(i).map_or(0, |b| u32::from(*b));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char_of(n >> (18 - 6 * i)));
        }
    }
    out
}

/// Decodes unpadded base64url.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        return Err(Base64Error::BadLength);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value_of(*c).ok_or(Base64Error::InvalidChar)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors_without_padding() {
        fn check(bytes: &[u8], text: &str) {
            assert_eq!(encode(bytes), text, "{bytes:?}");
            assert_eq!(decode(text), Ok(bytes.to_vec()), "{text}");
        }
        check(b"", "");
        check(b"f", "Zg");
        check(b"fo", "Zm8");
        check(b"foo", "Zm9v");
        check(b"foob", "Zm9vYg");
        check(b"fooba", "Zm9vYmE");
        check(b"foobar", "Zm9vYmFy");
        check(&[0xfb, 0xff, 0xbf], "-_-_");
        check(&[0, 0x10, 0x83, 0x10, 0x51, 0x87], "ABCDEFGH");
    }

    #[test]
    fn decode_errors_and_slack_bits() {
        fn check(text: &str, expected: Result<&[u8], Base64Error>) {
            assert_eq!(decode(text), expected.map(<[u8]>::to_vec), "{text:?}");
        }
        check("Z", Err(Base64Error::BadLength));
        check("Zm9vY", Err(Base64Error::BadLength));
        check("Zm9v=", Err(Base64Error::BadLength));
        check("Zg==", Err(Base64Error::InvalidChar));
        check("Zm+v", Err(Base64Error::InvalidChar));
        check("Zm/v", Err(Base64Error::InvalidChar));
        check("Zm 9", Err(Base64Error::InvalidChar));
        check("Zmé", Err(Base64Error::InvalidChar));
        // `Zh` differs from `Zg` only in bits beyond the last byte.
        check("Zh", Ok(b"f"));
    }

    #[test]
    fn all_byte_values_round_trip() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            let text = encode(&bytes[..len]);
            assert_eq!(text.len(), (len * 4).div_ceil(3));
            assert_eq!(decode(&text), Ok(bytes[..len].to_vec()));
        }
    }
}
