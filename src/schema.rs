//! The JSON Schema of the plan format, generated from the model's own types, with every
//! Chinese alias of keys and values, for editors' YAML support.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::model::{
    self, Content, Date, DateStyle, Item, January, Kind, Layout, Marker, MonthNumerals, MonthStyle,
    MonthSuffix, Months, Node, Paragraphs, Period, Plan, RangeStyle, ScheduleEntry, Signature,
    Style, Text, Year,
};

/// The schema, as JSON.
pub fn schema() -> Value {
    let mut root = SchemaGenerator::default()
        .into_root_schema_for::<Plan>()
        .to_value();
    add_key_aliases(&mut root, keys_of_plan());
    if let Some(defs) = root.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, keys) in [
            ("Node", model::keys_of::<Node>()),
            ("ScheduleEntry", model::keys_of::<ScheduleEntry>()),
            ("Signature", model::keys_of::<Signature>()),
            ("Style", model::keys_of::<Style>()),
            ("MonthStyle", model::keys_of::<MonthStyle>()),
        ] {
            if let Some(def) = defs.get_mut(name) {
                add_key_aliases(def, keys);
            }
        }
    }
    root
}

fn keys_of_plan() -> &'static [&'static str] {
    model::keys_of::<Plan>()
}

/// Each property is accepted under its Chinese name too; a required key under either name.
fn add_key_aliases(schema: &mut Value, keys: &[&str]) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let pairs: Vec<(&str, &str)> = keys
        .chunks(2)
        .filter_map(|pair| match pair {
            [english, alias] => Some((*english, *alias)),
            _ => None,
        })
        .collect();
    if let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) {
        for (english, alias) in &pairs {
            if let Some(property) = properties.get(*english).cloned() {
                properties.insert((*alias).to_owned(), property);
            }
        }
    }
    let required: Vec<String> = match object.remove("required") {
        Some(Value::Array(required)) => required
            .into_iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect(),
        _ => return,
    };
    let either: Vec<Value> = required
        .iter()
        .map(|key| {
            let alias = pairs
                .iter()
                .find(|(english, _)| english == key)
                .map(|(_, a)| *a);
            match alias {
                Some(alias) => {
                    serde_json::json!({ "oneOf": [{ "required": [key] }, { "required": [alias] }] })
                }
                None => serde_json::json!({ "required": [key] }),
            }
        })
        .collect();
    object.insert("allOf".to_owned(), Value::Array(either));
}

/// Types whose schema is written out, as JSON.
macro_rules! plain_schema {
    ($($ty:ty => $schema:tt),* $(,)?) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    )*};
}

/// A closed set of names: its variants as the YAML spells them, with a description.
macro_rules! enum_schema {
    ($($ty:ty => $description:literal),* $(,)?) => {
        plain_schema! {
            $($ty => { "description": $description, "enum": model::variants_of::<$ty>() }),*
        }
    };
}

enum_schema! {
    Period => "year 全年, first-half 上半年, second-half 下半年, autumn-term 上学期, spring-term 下学期, school-year 学年",
    Kind => "plan 计划 or summary 总结",
    Layout => "heading: title on its own line; inline: title runs into the body",
    MonthNumerals => "chinese 二月份 or arabic 2月份",
    January => "一 一月份 or 元 元月份",
    RangeStyle => "、 七、八月份 or — 七—八月份",
    MonthSuffix => "月份 二月份 or 月 二月",
    DateStyle => "arabic 2027年1月5日 or chinese 二〇二七年一月五日",
}

plain_schema! {
    Text => { "type": ["string", "integer", "boolean"] },
    Paragraphs => {
        "description": "a paragraph, or a list of paragraphs",
        "anyOf": [
            { "type": ["string", "integer", "boolean", "null"] },
            { "type": "array", "items": { "type": ["string", "integer", "boolean"] } }
        ]
    },
    Months => {
        "description": "a month 1–12, or a range such as \"7-8\" or [7, 8]",
        "anyOf": [
            { "type": "integer", "minimum": 1, "maximum": 12 },
            { "type": "string", "pattern": "^\\s*\\d{1,2}\\s*([-—–~～至、,]\\s*\\d{1,2}\\s*)?$" },
            { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 12 }, "minItems": 1, "maxItems": 2 }
        ]
    },
    Date => { "description": "YYYY-MM-DD", "type": "string", "pattern": "^\\d{4}-\\d{1,2}-\\d{1,2}$" },
    Year => { "description": "a year such as 2027", "type": "integer", "minimum": 1900, "maximum": 2200 },
    Marker => { "description": "the first marker of a level: 一、 （一） 1. （1） ①", "type": ["string", "number"] },
}

impl JsonSchema for Item {
    fn schema_name() -> Cow<'static, str> {
        "Item".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let node = generator.subschema_for::<Node>();
        json_schema!({
            "description": "a node, or a string standing for a node with only a body",
            "anyOf": [{ "type": ["string", "integer", "boolean"] }, node]
        })
    }
}

impl JsonSchema for Content {
    fn schema_name() -> Cow<'static, str> {
        "Content".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<Item>();
        let node = generator.subschema_for::<Node>();
        json_schema!({
            "description": "the section's body (text or a list of texts), its items, or a whole node",
            "anyOf": [
                { "type": ["string", "integer", "boolean"] },
                { "type": "array", "items": item },
                node
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_in_both_languages() {
        let schema = schema();
        let properties = &schema["properties"];
        assert!(properties.get("organization").is_some());
        assert!(properties.get("单位").is_some());
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        let node = &schema["$defs"]["Node"]["properties"];
        assert!(node.get("事项").is_some() && node.get("items").is_some());
        let period = &schema["$defs"]["Period"]["enum"];
        let values: Vec<&str> = period
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            values.contains(&"first-half") && values.contains(&"上半年"),
            "{values:?}"
        );
    }
}
