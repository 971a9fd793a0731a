//! Words that name one thing in news reports of figures: what a figure
//! counts ("members", "people") and the event around it ("arrested",
//! "detained"). Matching reads a word of one group as the group, so "40
//! members … detained" meets "50 people … arrested". Each group is one
//! string of lower-case word forms; the first word names the group. The
//! words of a title that name one office ("head", "chief") are here too.

const GROUPS: &[&str] = &[
    // Who is counted.
    "people persons individuals members suspects",
    "countries nations",
    "gang ring group groups gangs rings network networks syndicate syndicates crew cell cells",
    // What happened to them.
    "arrested arrest arrests arresting detained detain detains detaining detention detentions \
     detainees apprehended apprehend custody nabbed",
    "sentenced sentence sentences sentencing jailed jail jailing prison imprisoned imprisonment \
     incarceration incarcerated bars",
    "stole stolen steal steals stealing theft thefts embezzled embezzlement looted siphoned \
     swindled",
    "killed kill kills killing killings dead deaths death died dying fatalities",
    "injured injuring injuries wounded wounding hurt",
    "fined fine fines penalty penalties",
    "charged charges charging indicted indictment indictments prosecuted",
];

/// The group a (lower-case) word belongs to, named by its first word.
pub fn concept(word: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut m = std::collections::HashMap::new();
            for g in GROUPS {
                let mut words = g.split_whitespace();
                let head = words.next().expect("a group has a word");
                m.insert(head, head);
                for w in words {
                    m.insert(w, head);
                }
            }
            m
        })
        .get(word)
        .copied()
}

/// Words of a title that name one office: the first of each group.
const TITLE_GROUPS: &[&str] = &["head chief director leader"];

/// The word a (lower-case) title word stands for ("chief" → "head").
pub fn title_synonym(word: &str) -> Option<&'static str> {
    TITLE_GROUPS.iter().find_map(|g| {
        let mut words = g.split_whitespace();
        let head = words.next()?;
        (word == head || words.any(|w| w == word)).then_some(head)
    })
}

#[cfg(test)]
mod tests {
    use super::concept;

    #[test]
    fn groups_name_their_members() {
        assert_eq!(concept("detained"), Some("arrested"));
        assert_eq!(concept("arrest"), Some("arrested"));
        assert_eq!(concept("members"), concept("people"));
        assert_eq!(concept("jailed"), concept("sentenced"));
        assert_eq!(concept("said"), None);
    }

    #[test]
    fn a_word_is_in_one_group() {
        let mut seen = std::collections::HashSet::new();
        for g in super::GROUPS {
            for w in g.split_whitespace() {
                assert!(seen.insert(w), "{w} is in two groups");
            }
        }
    }
}
