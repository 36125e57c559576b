//! serde for the engine's fields that are not plain data: the stemmers, made anew on
//! reading (they are code, not data), and cells filled the first time they are needed.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

pub fn english() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

pub fn russian() -> Stemmer {
    Stemmer::create(Algorithm::Russian)
}

/// `Vec<OnceLock<T>>` as a list of `Option<T>`: what was filled stays filled.
pub mod cells {
    use super::OnceLock;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(cells: &[OnceLock<T>], to: S) -> Result<S::Ok, S::Error> {
        to.collect_seq(cells.iter().map(OnceLock::get))
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        from: D,
    ) -> Result<Vec<OnceLock<T>>, D::Error> {
        let values: Vec<Option<T>> = Vec::deserialize(from)?;
        Ok(values.into_iter().map(|value| value.map_or_else(OnceLock::new, OnceLock::from)).collect())
    }
}

/// `OnceLock<T>` as an `Option<T>`: what was filled stays filled.
pub mod cell {
    use super::OnceLock;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(cell: &OnceLock<T>, to: S) -> Result<S::Ok, S::Error> {
        cell.get().serialize(to)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        from: D,
    ) -> Result<OnceLock<T>, D::Error> {
        Ok(Option::<T>::deserialize(from)?.map_or_else(OnceLock::new, OnceLock::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Lazy(#[serde(with = "cells")] Vec<OnceLock<u32>>);

    #[test]
    fn filled_cells_stay_filled_and_empty_ones_empty() {
        let lazy = Lazy(vec![OnceLock::new(), OnceLock::from(7)]);
        let back: Lazy = postcard::from_bytes(&postcard::to_stdvec(&lazy).unwrap()).unwrap();
        assert_eq!(back.0.iter().map(|c| c.get().copied()).collect::<Vec<_>>(), [None, Some(7)]);
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Once(#[serde(with = "cell")] OnceLock<u32>);

    #[test]
    fn a_filled_cell_stays_filled_and_an_empty_one_empty() {
        let round_trip = |once: Once| -> Option<u32> {
            let back: Once = postcard::from_bytes(&postcard::to_stdvec(&once).unwrap()).unwrap();
            back.0.get().copied()
        };
        assert_eq!(round_trip(Once(OnceLock::from(7))), Some(7));
        assert_eq!(round_trip(Once(OnceLock::new())), None);
    }
}
