//! What a plan file may hold beyond plain YAML, applied while serde reads it: merge keys
//! (`<<: *base`) that copy a block's keys under the keys written beside them, top-level `x-`
//! keys that are skipped (a place for anchors, as in Docker Compose), and values replaced by
//! data path (`--set`, `--each`).
//!
//! It wraps serde_yaml's own deserializer, so that every other value is read as before and
//! every error keeps the line and column of the file.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess};
use serde::de::{EnumAccess, Visitor};
use serde_yaml::Value;

use crate::error::Seg;
use crate::model;
use crate::msg;

/// One value put in place of the file's, at a data path of English key names.
pub struct Replacement<'a> {
    pub path: &'a [Seg],
    pub value: &'a Value,
}

/// What the replacements did, read once the plan is read.
pub struct State<'a> {
    replacements: Vec<Replacement<'a>>,
    applied: RefCell<Vec<bool>>,
    /// The replacement whose value the model refused.
    refused: Cell<Option<usize>>,
}

impl<'a> State<'a> {
    pub fn new(replacements: Vec<Replacement<'a>>) -> State<'a> {
        let applied = RefCell::new(vec![false; replacements.len()]);
        State {
            replacements,
            applied,
            refused: Cell::new(None),
        }
    }

    /// Which replacements found their place in the file (or a place made for them).
    pub fn applied(&self) -> Vec<bool> {
        self.applied.borrow().clone()
    }

    pub fn refused(&self) -> Option<usize> {
        self.refused.get()
    }

    /// The plan, read from `deserializer` with merges, `x-` keys and the replacements.
    pub fn read<'de, T, D>(&self, deserializer: D) -> Result<T, D::Error>
    where
        T: de::Deserialize<'de>,
        D: Deserializer<'de>,
    {
        let live = (0..self.replacements.len()).map(|r| (r, 0)).collect();
        T::deserialize(Layer {
            inner: deserializer,
            at: At {
                state: self,
                live,
                top: true,
            },
        })
    }

    fn mark(&self, r: usize) {
        if let Some(done) = self.applied.borrow_mut().get_mut(r) {
            *done = true;
        }
    }
}

/// Where in the file a value stands, as far as the replacements care: which of them lead
/// through it and how far along their path it is.
#[derive(Clone)]
struct At<'s> {
    state: &'s State<'s>,
    live: Vec<(usize, usize)>,
    /// The plan's own mapping, where `x-` keys are skipped.
    top: bool,
}

impl<'s> At<'s> {
    fn inside(&self, live: Vec<(usize, usize)>) -> At<'s> {
        At {
            state: self.state,
            live,
            top: false,
        }
    }

    /// The step after this one of each live replacement that takes it, and the one (the
    /// last given) that ends here.
    fn step(&self, taken: impl Fn(&Seg) -> bool) -> (At<'s>, Option<usize>) {
        let mut deeper = Vec::new();
        let mut ends = None;
        for &(r, done) in &self.live {
            let path = self.state.replacements[r].path;
            if !path.get(done).is_some_and(&taken) {
                continue;
            }
            if done + 1 == path.len() {
                ends = Some(r);
            } else {
                deeper.push((r, done + 1));
            }
        }
        (self.inside(deeper), ends)
    }
}

/// Whether a key as written is the key of the English name `english`.
fn is_key(written: &str, english: &str) -> bool {
    written == english || model::aliases_of(english).contains(&written)
}

/// The English name of a key as written, or the key itself when no struct has it.
fn canonical(written: &str) -> String {
    model::english_name(written).unwrap_or(written).to_owned()
}

struct Layer<'s, D> {
    inner: D,
    at: At<'s>,
}

macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.inner.$method(Wrap { inner: visitor, at: self.at })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Layer<'_, D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_unit_struct(
            name,
            Wrap {
                inner: visitor,
                at: self.at,
            },
        )
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_newtype_struct(
            name,
            Wrap {
                inner: visitor,
                at: self.at,
            },
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_tuple(
            len,
            Wrap {
                inner: visitor,
                at: self.at,
            },
        )
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = Wrap {
            inner: visitor,
            at: self.at,
        };
        self.inner.deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = Wrap {
            inner: visitor,
            at: self.at,
        };
        self.inner.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = Wrap {
            inner: visitor,
            at: self.at,
        };
        self.inner.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A visitor that hands on mappings and lists wrapped, and everything else as it is.
struct Wrap<'s, V> {
    inner: V,
    at: At<'s>,
}

macro_rules! pass {
    ($($method:ident: $ty:ty)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    pass! {
        visit_bool: bool visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64
        visit_i128: i128 visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64
        visit_u128: u128 visit_f32: f32 visit_f64: f64 visit_char: char visit_str: &str
        visit_borrowed_str: &'de str visit_string: String visit_bytes: &[u8]
        visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Layer {
            inner: d,
            at: self.at,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Layer {
            inner: d,
            at: self.at,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(Entries {
            inner: seq,
            at: self.at,
            index: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Keys {
            inner: map,
            at: self.at,
            written: Vec::new(),
            merged: Vec::new(),
            next: Next::File(None),
            rest: None,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

/// A value's deserializer wrapped at a place.
struct Placed<'s, S> {
    inner: S,
    at: At<'s>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Placed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Layer {
            inner: d,
            at: self.at,
        })
    }
}

/// A replacement's value, read where the file's stood.
fn replace<'de, S, E>(seed: S, state: &State, r: usize) -> Result<S::Value, E>
where
    S: DeserializeSeed<'de>,
    E: de::Error,
{
    state.mark(r);
    seed.deserialize(state.replacements[r].value.clone())
        .map_err(|e| {
            state.refused.set(Some(r));
            E::custom(e)
        })
}

struct Entries<'s, A> {
    inner: A,
    at: At<'s>,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Entries<'_, A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        let index = self.index;
        self.index += 1;
        let (at, ends) = self.at.step(|seg| *seg == Seg::Index(index));
        match ends {
            Some(r) => match self.inner.next_element::<de::IgnoredAny>()? {
                Some(_) => replace(seed, self.at.state, r).map(Some),
                None => Ok(None),
            },
            None => self.inner.next_element_seed(Placed { inner: seed, at }),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// What the value after the key just given is.
enum Next<'s> {
    /// The file's value, at this place.
    File(Option<At<'s>>),
    /// The file's value, skipped for a replacement's.
    Replaced(usize),
    /// A key the file does not have, added: a replacement's value.
    Added(usize),
    /// A key the file does not have on the way to replacements: an empty mapping they fill.
    Made(At<'s>),
    /// A key copied in by `<<`.
    Merged(Value, At<'s>),
}

/// A key as the file writes it, sorted out.
enum Key<K> {
    /// `x-…` at the top: skipped, value and all.
    Skip,
    /// `<<`: its value's keys are merged in.
    Merge,
    Field(K, String),
}

struct KeySeed<'a, K> {
    seed: &'a mut Option<K>,
    top: bool,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, K> {
    type Value = Key<K::Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> KeySeed<'_, K> {
    fn field<E: de::Error>(self, written: &str) -> Result<Key<K::Value>, E> {
        if written == "<<" {
            return Ok(Key::Merge);
        }
        if self.top && written.starts_with("x-") {
            return Ok(Key::Skip);
        }
        let seed = self
            .seed
            .take()
            .ok_or_else(|| E::custom("a key was read twice"))?;
        let key = seed.deserialize(de::value::StrDeserializer::<E>::new(written))?;
        Ok(Key::Field(key, written.to_owned()))
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for KeySeed<'_, K> {
    type Value = Key<K::Value>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.field(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.field(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.field(&v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.field(&v.to_string())
    }
}

struct Keys<'s, A> {
    inner: A,
    at: At<'s>,
    /// The keys the file writes here, as written.
    written: Vec<String>,
    /// What `<<` brings, in order, before the keys written beside it are known.
    merged: Vec<(String, Value)>,
    next: Next<'s>,
    /// Once the file's keys are done: the keys merged in or added, with their values.
    rest: Option<VecDeque<(String, Next<'s>)>>,
}

impl<'de, 's, A: MapAccess<'de>> Keys<'s, A> {
    /// Takes in what `<<` brings: a mapping, or a list of them (of which the first given
    /// wins), each with the merges inside it, its own keys over theirs.
    fn merge(&mut self, value: Value) -> Result<(), A::Error> {
        match value {
            Value::Mapping(map) => {
                let mut inside = None;
                for (key, value) in map {
                    let key = match key {
                        Value::String(s) => s,
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        _ => return Err(model::refuse(msg!("merge-key-not-a-text"))),
                    };
                    if key == "<<" {
                        inside = Some(value);
                        continue;
                    }
                    if self.at.top && key.starts_with("x-") {
                        continue;
                    }
                    let name = canonical(&key);
                    if !self.merged.iter().any(|(k, _)| canonical(k) == name) {
                        self.merged.push((key, value));
                    }
                }
                match inside {
                    Some(inside) => self.merge(inside),
                    None => Ok(()),
                }
            }
            Value::Sequence(list) => list.into_iter().try_for_each(|value| match value {
                Value::Mapping(_) => self.merge(value),
                _ => Err(model::refuse(msg!("merge-not-a-mapping"))),
            }),
            _ => Err(model::refuse(msg!("merge-not-a-mapping"))),
        }
    }

    /// What follows the file's keys: the keys merged in that the file does not write, then
    /// the keys the replacements lead through that neither has.
    fn rest(&mut self) -> VecDeque<(String, Next<'s>)> {
        let mut rest = VecDeque::new();
        let mut present: Vec<String> = self.written.iter().map(|k| canonical(k)).collect();
        for (key, value) in std::mem::take(&mut self.merged) {
            let name = canonical(&key);
            if present.contains(&name) {
                continue;
            }
            let (at, ends) = self
                .at
                .step(|seg| matches!(seg, Seg::Key(e) if is_key(&key, e)));
            present.push(name);
            let next = match ends {
                Some(r) => Next::Added(r),
                None => Next::Merged(value, at),
            };
            rest.push_back((key, next));
        }
        // Replacements whose next step is a key that is nowhere here: the key is added, with
        // the replacement's value, or, on the way to one, as an empty mapping the
        // replacements then fill, each at its own place.
        let mut added: Vec<&'static str> = Vec::new();
        for &(r, done) in &self.at.live {
            let path = self.at.state.replacements[r].path;
            let Some(&Seg::Key(key)) = path.get(done) else {
                continue;
            };
            // A list cannot be made: there would be no entry to put a value in.
            if matches!(path.get(done + 1), Some(Seg::Index(_))) {
                continue;
            }
            if present.iter().any(|k| k == key) || added.contains(&key) {
                continue;
            }
            added.push(key);
            let (at, ends) = self.at.step(|seg| *seg == Seg::Key(key));
            let next = match ends {
                Some(r) => Next::Added(r),
                None => Next::Made(at),
            };
            rest.push_back((key.to_owned(), next));
        }
        rest
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Keys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut seed = Some(seed);
        while self.rest.is_none() {
            let key = KeySeed {
                seed: &mut seed,
                top: self.at.top,
            };
            match self.inner.next_key_seed(key)? {
                Some(Key::Skip) => {
                    self.inner.next_value::<de::IgnoredAny>()?;
                }
                Some(Key::Merge) => {
                    let value: Value = self.inner.next_value()?;
                    self.merge(value)?;
                }
                Some(Key::Field(key, written)) => {
                    let (at, ends) = self
                        .at
                        .step(|seg| matches!(seg, Seg::Key(e) if is_key(&written, e)));
                    self.next = match ends {
                        Some(r) => Next::Replaced(r),
                        None => Next::File(Some(at)),
                    };
                    self.written.push(written);
                    return Ok(Some(key));
                }
                None => self.rest = Some(self.rest()),
            }
        }
        let seed = seed.ok_or_else(|| de::Error::custom("a key was read twice"))?;
        let Some((key, next)) = self.rest.as_mut().and_then(VecDeque::pop_front) else {
            return Ok(None);
        };
        self.next = next;
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let state = self.at.state;
        match std::mem::replace(&mut self.next, Next::File(None)) {
            Next::File(at) => {
                let at = at.unwrap_or_else(|| self.at.inside(Vec::new()));
                self.inner.next_value_seed(Placed { inner: seed, at })
            }
            Next::Replaced(r) => {
                self.inner.next_value::<de::IgnoredAny>()?;
                replace(seed, state, r)
            }
            Next::Added(r) => replace(seed, state, r),
            Next::Made(at) => seed
                .deserialize(Layer {
                    inner: Value::Mapping(Default::default()),
                    at,
                })
                .map_err(de::Error::custom),
            Next::Merged(value, at) => seed
                .deserialize(Layer { inner: value, at })
                .map_err(de::Error::custom),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    fn read(text: &str, replacements: &[(&[Seg], Value)]) -> Result<(Plan, Vec<bool>), String> {
        let state = State::new(
            replacements
                .iter()
                .map(|(path, value)| Replacement { path, value })
                .collect(),
        );
        let plan = state
            .read::<Plan, _>(serde_yaml::Deserializer::from_str(text))
            .map_err(|e| e.to_string())?;
        Ok((plan, state.applied()))
    }

    fn organization(plan: &Plan) -> Option<&str> {
        plan.organization.as_ref().map(|t| t.0.as_str())
    }

    #[test]
    fn keys_written_beside_a_merge_win_wherever_they_stand() {
        let text = "x-a: &a {单位: 甲, 年度: 2026}\nx-b: &b {单位: 乙, 标题: 乙的标题}\n\
                    <<: [*a, *b]\norganization: 丙\n";
        let (plan, _) = read(text, &[]).unwrap();
        // Written beside the merge (under its English name): 丙; of the merged, the first: 2026.
        assert_eq!(organization(&plan), Some("丙"));
        assert_eq!(plan.year.map(|y| y.0), Some(2026));
        assert_eq!(plan.title.map(|t| t.0).as_deref(), Some("乙的标题"));
    }

    #[test]
    fn a_merge_inside_a_merged_block_is_merged_too() {
        let text = "x-a: &a {单位: 甲}\nx-b: &b {<<: *a, 年度: 2027}\n<<: *b\n";
        let (plan, _) = read(text, &[]).unwrap();
        assert_eq!(organization(&plan), Some("甲"));
        assert_eq!(plan.year.map(|y| y.0), Some(2027));
    }

    #[test]
    fn a_merge_of_a_text_is_refused() {
        let err = read("<<: 甲\n单位: 乙\n", &[]).unwrap_err();
        assert!(err.contains("`<<` takes a mapping"), "{err}");
    }

    #[test]
    fn replacements_reach_through_merged_blocks_and_make_missing_keys() {
        let text = "x-s: &s {单位: 甲}\n落款:\n  <<: *s\n";
        let date = Value::String("2027-01-05".into());
        let organization = Value::String("乙".into());
        let (plan, applied) = read(
            text,
            &[
                (
                    &[Seg::Key("signature"), Seg::Key("organization")],
                    organization,
                ),
                (&[Seg::Key("signature"), Seg::Key("date")], date),
                (
                    &[Seg::Key("style"), Seg::Key("month"), Seg::Key("january")],
                    "元".into(),
                ),
                (&[Seg::Key("sections"), Seg::Index(0)], "甲".into()),
            ],
        )
        .unwrap();
        let signature = plan.signature.unwrap();
        assert_eq!(signature.organization.map(|t| t.0).as_deref(), Some("乙"));
        assert!(signature.date.is_some());
        assert_eq!(plan.style.month.january, crate::model::January::Yuan);
        // No list to put an entry in: not applied, which loading says.
        assert_eq!(applied, [true, true, true, false]);
    }
}
