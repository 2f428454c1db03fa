//! Profiles: a learner practises one layout in one language at a time, and statistics belong to that
//! pairing — Dvorak speed says nothing about QWERTY speed. (Stored by the persistence layer.)

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::accumulate::Accumulator;
use crate::fingers::FingerMap;
use crate::keystats::SessionKeyStats;

/// A layout and the language practised on it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Profile {
    /// A layout id from the catalog (`us`, `ru`, …).
    pub layout: String,
    /// A language code (`en`, `ru`, …).
    pub language: String,
}

impl Profile {
    /// A stable key, `layout/language`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.layout, self.language)
    }
}

/// Folded statistics per profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileStats {
    by_profile: BTreeMap<String, Accumulator>,
}

impl ProfileStats {
    /// The statistics of `profile` (empty when it has none yet).
    pub fn get(&self, profile: &Profile) -> Option<&Accumulator> {
        self.by_profile.get(&profile.key())
    }

    /// Folds a session typed in `profile` into that profile's statistics only.
    pub fn add_session(&mut self, profile: &Profile, at_ms: f64, stats: &SessionKeyStats, fingers: &dyn FingerMap) {
        self.by_profile.entry(profile.key()).or_default().add_session(at_ms, stats, fingers);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingers::UsQwerty;
    use crate::keystats::KeyStat;

    #[test]
    fn statistics_stay_with_their_profile() {
        let us = Profile { layout: "us".into(), language: "en".into() };
        let dvorak = Profile { layout: "dvorak".into(), language: "en".into() };
        let mut s = SessionKeyStats::default();
        s.keys.insert("a".into(), KeyStat { hits: 3, ..KeyStat::default() });
        let mut stats = ProfileStats::default();
        stats.add_session(&us, 0.0, &s, &UsQwerty);
        assert_eq!(stats.get(&us).map(|a| a.keys["a"].hits), Some(3));
        assert!(stats.get(&dvorak).is_none());
        assert_eq!(us.key(), "us/en");
    }
}
