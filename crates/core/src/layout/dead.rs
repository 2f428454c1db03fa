//! Dead keys: an accent key that changes the next letter (´ then e gives é).

/// The letter `base` with `accent`, when such a precomposed letter exists.
pub fn compose(accent: char, base: char) -> Option<char> {
    let table: &[(char, &str, &str)] = &[
        ('^', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('´', "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ('`', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('¨', "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ('~', "anoANO", "ãñõÃÑÕ"),
    ];
    let (_, from, to) = table.iter().find(|(a, _, _)| *a == accent)?;
    let i = from.chars().position(|c| c == base)?;
    to.chars().nth(i)
}

/// Every letter the dead keys can make: (accent, base, result).
pub fn all() -> impl Iterator<Item = (char, char, char)> {
    ['^', '´', '`', '¨', '~']
        .into_iter()
        .flat_map(|a| ('A'..='z').filter_map(move |b| compose(a, b).map(|r| (a, b, r))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_compose() {
        assert_eq!(compose('´', 'e'), Some('é'));
        assert_eq!(compose('^', 'O'), Some('Ô'));
        assert_eq!(compose('¨', 'y'), Some('ÿ'));
        assert_eq!(compose('~', 'n'), Some('ñ'));
        assert_eq!(compose('^', 'x'), None);
        assert!(all().count() > 40);
    }
}
