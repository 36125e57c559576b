//! The Bot API specification the fake server checks requests against, loaded from
//! `tests/fixtures/bot-api/methods.json` (a subset of the official machine-readable
//! spec; see the README there).
//!
//! A request that lacks a required parameter is rejected like Telegram does; anything
//! Telegram would silently ignore or coerce (an unknown parameter, a field of the
//! wrong JSON type, an unknown field inside `reply_markup`) is reported as a
//! violation instead, so tests catch what the real server would let slide.

use std::{collections::HashMap, sync::OnceLock};

use serde::Deserialize;
use serde_json::{Map, Value};

const SPEC_JSON: &str = include_str!("../../../fixtures/bot-api/methods.json");

#[derive(Debug, Deserialize)]
pub struct FieldSpec {
    pub name: String,
    pub types: Vec<String>,
    pub required: bool,
}

#[derive(Debug, Deserialize)]
pub struct MethodSpec {
    #[serde(skip)]
    pub name: String,
    pub fields: Vec<FieldSpec>,
}

#[derive(Debug, Deserialize)]
struct Discriminator {
    field: String,
    value: String,
}

#[derive(Debug, Deserialize)]
struct TypeSpec {
    #[serde(default)]
    fields: Option<Vec<FieldSpec>>,
    #[serde(default)]
    subtypes: Vec<String>,
    #[serde(default)]
    discriminator: Option<Discriminator>,
}

#[derive(Debug, Deserialize)]
pub struct Spec {
    methods: HashMap<String, MethodSpec>,
    types: HashMap<String, TypeSpec>,
    #[serde(skip)]
    by_lowercase: HashMap<String, String>,
}

/// The outcome of checking one call's parameters.
#[derive(Debug, Default)]
pub struct ParamCheck {
    /// The first required parameter that is missing (Telegram answers 400).
    pub missing: Option<String>,
    /// (path, message) pairs: unknown parameters, wrong JSON types.
    pub violations: Vec<(String, String)>,
}

impl Spec {
    /// The spec, parsed once per test binary.
    pub fn get() -> &'static Spec {
        static SPEC: OnceLock<Spec> = OnceLock::new();
        SPEC.get_or_init(|| {
            let mut spec: Spec =
                serde_json::from_str(SPEC_JSON).expect("tests/fixtures/bot-api/methods.json is valid");
            for (name, m) in &mut spec.methods {
                m.name = name.clone();
            }
            spec.by_lowercase = spec.methods.keys().map(|k| (k.to_ascii_lowercase(), k.clone())).collect();
            spec
        })
    }

    /// Looks a method up case-insensitively, as Telegram does.
    pub fn method(&self, name: &str) -> Option<&MethodSpec> {
        self.by_lowercase.get(&name.to_ascii_lowercase()).and_then(|n| self.methods.get(n))
    }

    /// Form and multipart values arrive as strings; Telegram decodes them according
    /// to the parameter's type (numbers, booleans, JSON-serialized objects). Doing
    /// the same makes recorded parameters look alike whatever the encoding.
    pub fn coerce_strings(&self, method: &MethodSpec, params: &mut Map<String, Value>) {
        for field in &method.fields {
            let Some(Value::String(s)) = params.get(&field.name) else {
                continue;
            };
            let s = s.trim();
            let mut coerced = None;
            for ty in &field.types {
                coerced = match ty.as_str() {
                    "String" | "InputFile" => None,
                    "Integer" => s.parse::<i64>().ok().map(Value::from),
                    "Float" => s.parse::<f64>().ok().map(Value::from),
                    "Boolean" | "True" => match s {
                        "true" | "True" | "1" => Some(Value::Bool(true)),
                        "false" | "False" | "0" => Some(Value::Bool(false)),
                        _ => None,
                    },
                    _ => serde_json::from_str::<Value>(s).ok().filter(|v| v.is_object() || v.is_array()),
                };
                if coerced.is_some() {
                    break;
                }
            }
            if let Some(v) = coerced {
                params.insert(field.name.clone(), v);
            }
        }
    }

    /// Checks a call's parameters against the method's spec.
    pub fn check_params(&self, method: &MethodSpec, params: &Map<String, Value>) -> ParamCheck {
        let mut check = ParamCheck::default();
        for field in &method.fields {
            match params.get(&field.name) {
                None | Some(Value::Null) if field.required => {
                    check.missing.get_or_insert_with(|| field.name.clone());
                }
                None | Some(Value::Null) => {}
                Some(v) => self.check_any(&field.types, v, &field.name, &mut check.violations),
            }
        }
        for key in params.keys() {
            if !method.fields.iter().any(|f| &f.name == key) {
                check.violations.push((key.clone(), format!("unknown parameter for {}", method.name)));
            }
        }
        check
    }

    /// Checks `v` against any of `types`; reports the problems of the closest match.
    fn check_any(&self, types: &[String], v: &Value, path: &str, out: &mut Vec<(String, String)>) {
        let mut best: Option<Vec<(String, String)>> = None;
        for ty in types {
            if !shape_matches(ty, v) {
                continue;
            }
            let mut issues = Vec::new();
            self.check_type(ty, v, path, &mut issues);
            if issues.is_empty() {
                return;
            }
            if best.as_ref().is_none_or(|b| issues.len() < b.len()) {
                best = Some(issues);
            }
        }
        match best {
            Some(issues) => out.extend(issues),
            None => {
                out.push((path.to_owned(), format!("expected {}, got {}", types.join(" or "), json_kind(v))))
            }
        }
    }

    fn check_type(&self, ty: &str, v: &Value, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(inner) = ty.strip_prefix("Array of ") {
            let Value::Array(items) = v else {
                out.push((path.to_owned(), format!("expected {ty}, got {}", json_kind(v))));
                return;
            };
            for (i, item) in items.iter().enumerate() {
                self.check_any(&[inner.to_owned()], item, &format!("{path}[{i}]"), out);
            }
            return;
        }
        let ok = match ty {
            "Integer" => v.is_i64() || v.is_u64(),
            "Float" => v.is_number(),
            "String" => v.is_string(),
            "Boolean" => v.is_boolean(),
            "True" => v == &Value::Bool(true),
            // A file_id/URL string, or an uploaded part (recorded as an object).
            "InputFile" => v.is_string() || v.is_object(),
            _ => return self.check_object(ty, v, path, out),
        };
        if !ok {
            out.push((path.to_owned(), format!("expected {ty}, got {}", json_kind(v))));
        }
    }

    fn check_object(&self, ty: &str, v: &Value, path: &str, out: &mut Vec<(String, String)>) {
        let Value::Object(obj) = v else {
            out.push((path.to_owned(), format!("expected {ty} object, got {}", json_kind(v))));
            return;
        };
        let Some(spec) = self.types.get(ty) else {
            return; // A type outside the fixture: its shape is not checked.
        };
        if !spec.subtypes.is_empty() {
            // A union: pick the subtypes the discriminator allows, then the best fit.
            let candidates: Vec<String> = spec
                .subtypes
                .iter()
                .filter(|s| match self.types.get(*s).and_then(|t| t.discriminator.as_ref()) {
                    Some(d) => obj.get(&d.field).and_then(Value::as_str) == Some(d.value.as_str()),
                    None => true,
                })
                .cloned()
                .collect();
            if candidates.is_empty() {
                out.push((path.to_owned(), format!("matches no subtype of {ty}")));
            } else {
                self.check_any(&candidates, v, path, out);
            }
            return;
        }
        let fields = spec.fields.as_deref().unwrap_or_default();
        for field in fields {
            let sub = format!("{path}.{}", field.name);
            match obj.get(&field.name) {
                None | Some(Value::Null) if field.required => {
                    out.push((sub, format!("missing required field of {ty}")))
                }
                None | Some(Value::Null) => {}
                Some(fv) => self.check_any(&field.types, fv, &sub, out),
            }
        }
        for key in obj.keys() {
            if !fields.iter().any(|f| &f.name == key) {
                out.push((format!("{path}.{key}"), format!("unknown field of {ty}")));
            }
        }
    }
}

/// Whether `v` has the JSON shape of `ty` at all (before looking inside).
fn shape_matches(ty: &str, v: &Value) -> bool {
    match ty {
        t if t.starts_with("Array of ") => v.is_array(),
        "Integer" | "Float" => v.is_number(),
        "String" => v.is_string(),
        "Boolean" | "True" => v.is_boolean(),
        "InputFile" => v.is_string() || v.is_object(),
        _ => v.is_object(),
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a float",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
