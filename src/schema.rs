//! The JSON Schema of the plan format, generated from the model's own types, with every
//! Chinese alias of keys and values, for editors' YAML support.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::model::{
    self, Content, Date, DateStyle, Item, January, Kind, Layout, Marker, MonthNumerals, MonthStyle,
    MonthSuffix, Months, Node, OneOrMany, Paragraphs, Period, Plan, RangeStyle, ScheduleEntry,
    SchoolYear, Signature, Style, Text, Year,
};

/// The schema, as JSON.
pub fn schema() -> Value {
    let mut root = SchemaGenerator::default()
        .into_root_schema_for::<Plan>()
        .to_value();
    add_key_aliases(&mut root, keys_of_plan());
    // Top-level `x-` keys hold what the plan shares by anchors; the tool skips them.
    if let Some(object) = root.as_object_mut() {
        object.insert(
            "patternProperties".to_owned(),
            serde_json::json!({ "^x-": {} }),
        );
    }
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
    Marker => { "description": "the first marker of a level: 一、 （一） 1. （1） ①", "type": ["string", "number"] },
}

impl JsonSchema for Months {
    fn schema_name() -> Cow<'static, str> {
        "Months".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "a month 1–12 or a run of months: 3, 3月, 三月份, 元月, 七、八月, 7-8, [7, 8], 12-1",
            "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": 12 },
                { "type": "string", "pattern": months_pattern() },
                { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 12 }, "minItems": 1, "maxItems": 2 }
            ]
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "a date: 2027-01-05, 2027-1-5, 2027/1/5, 2027.1.5, 2027年1月5日, 二〇二七年一月五日",
            "type": "string",
            "pattern": date_pattern()
        })
    }
}

impl JsonSchema for Year {
    fn schema_name() -> Cow<'static, str> {
        "Year".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "a year such as 2027 (also 2027年, ２０２７, 二〇二七年)",
            "anyOf": [
                { "type": "integer", "minimum": 1900, "maximum": 2200 },
                { "type": "string", "pattern": year_pattern() }
            ]
        })
    }
}

impl JsonSchema for SchoolYear {
    fn schema_name() -> Cow<'static, str> {
        "SchoolYear".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "a school year, its two years in a row: 2026—2027 (also 2026-2027, 2026～2027, 2026至2027, 2026—2027学年, ２０２６—２０２７)",
            "type": "string",
            "pattern": school_year_pattern()
        })
    }
}

impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("OneOrMany{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<T>();
        json_schema!({
            "description": "a list, or its one entry alone",
            "anyOf": [{ "type": "array", "items": one }, one]
        })
    }
}

/// An arabic digit, half- or full-width, in a character class: `d("0-9")` is `0-9０-９`.
fn d(range: &str) -> String {
    let wide: String = range
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    format!("[{range}{wide}]")
}

/// A number from 1 to `max` (12 or 28 to 31), in arabic digits (a leading zero allowed) or
/// as a Chinese numeral, as [`crate::numerals::parse_number`] reads it.
fn number_pattern(max: u8, months: bool) -> String {
    let mut arabic = vec![format!("{}?{}", d("0"), d("1-9"))];
    let mut chinese = vec!["[一二三四五六七八九]".to_owned(), "十".to_owned()];
    if max == 12 {
        arabic.push(format!("{}{}", d("1"), d("0-2")));
        chinese.push("十[一二]".to_owned());
    } else {
        arabic.push(format!("{}{}", d("1"), d("0-9")));
        chinese.push("十[一二三四五六七八九]".to_owned());
        arabic.push(format!("{}{}", d("2"), d("0-8")));
        chinese.push("二十[一二三四五六七八]?".to_owned());
        if max >= 29 {
            arabic.push(format!("{}{}", d("2"), d("9")));
            chinese.push("二十九".to_owned());
        }
        if max >= 30 {
            arabic.push(format!("{}{}", d("3"), d("0")));
            chinese.push("三十".to_owned());
        }
        if max >= 31 {
            arabic.push(format!("{}{}", d("3"), d("1")));
            chinese.push("三十一".to_owned());
        }
    }
    if months {
        chinese.push("元".to_owned());
    }
    format!("(?:{}|{})", arabic.join("|"), chinese.join("|"))
}

/// A month or a run of months as [`crate::numerals::parse_months`] reads them. That more
/// than two months follow one another is the tool's to check.
fn months_pattern() -> String {
    let month = format!(
        "(?:{}|一二|二三|三四|四五|五六|六七|七八|八九)\\s*(?:月份|月)?",
        number_pattern(12, true)
    );
    format!("^\\s*{month}(?:\\s*[、—–\\-~～〜至到,，－]\\s*{month})*\\s*$")
}

/// A Chinese digit written digit by digit, in a character class: `c("048")` is `[〇零四八]`.
fn c(digits: &str) -> String {
    let chinese: String = digits
        .chars()
        .flat_map(|digit| match digit {
            '0' => "〇零".chars().collect::<Vec<_>>(),
            _ => crate::numerals::chinese(u64::from(digit.to_digit(10).unwrap_or(0)))
                .chars()
                .collect(),
        })
        .collect();
    format!("[{chinese}]")
}

/// A four-digit year of a leap year, each digit written with `digit`: divisible by 4 but
/// not by 100, or by 400.
fn leap_year(digit: &dyn Fn(&str) -> String) -> String {
    let by_four = format!(
        "{}{}|{}{}|{}{}",
        digit("0"),
        digit("48"),
        digit("2468"),
        digit("048"),
        digit("13579"),
        digit("26")
    );
    format!(
        "(?:{}{}(?:{by_four})|(?:{}{}|{}{}){}{})",
        digit("123456789"),
        digit("0123456789"),
        digit("2468"),
        digit("048"),
        digit("13579"),
        digit("26"),
        digit("0"),
        digit("0")
    )
}

/// A date as [`crate::numerals::parse_date`] reads it, with no day past its month's end:
/// 29 February only in a leap year.
fn date_pattern() -> String {
    let year = format!(
        "(?:{}{}{{3}}|[一二三四五六七八九][〇零一二三四五六七八九]{{3}})",
        d("1-9"),
        d("0-9")
    );
    let leap = format!(
        "(?:{}|{})",
        leap_year(&|digits: &str| d(digits)),
        leap_year(&c)
    );
    let february = format!("(?:{}?{}|二)", d("0"), d("2"));
    let month_days = [
        (
            format!(
                "(?:{}?{}|{}{}|[一三五七八元]|十|十二)",
                d("0"),
                d("13578"),
                d("1"),
                d("02")
            ),
            31,
        ),
        (
            format!(
                "(?:{}?{}|{}{}|[四六九]|十一)",
                d("0"),
                d("469"),
                d("1"),
                d("1")
            ),
            30,
        ),
        (february.clone(), 28),
    ];
    let runs: Vec<String> = month_days
        .iter()
        .map(|(month, days)| format!("{month}SEP{}", number_pattern(*days, false)))
        .collect();
    let runs = runs.join("|");
    let leap_day = format!("{february}SEP(?:{}{}|二十九)", d("2"), d("9"));
    let forms: Vec<String> = ["[\\-－]", "[/／]", "[.．]"]
        .iter()
        .map(|sep| {
            let sep = format!("\\s*{sep}\\s*");
            format!(
                "{year}{sep}(?:{})|{leap}{sep}{}",
                runs.replace("SEP", &sep),
                leap_day.replace("SEP", &sep)
            )
        })
        .chain([format!(
            "(?:{year}\\s*年\\s*(?:{})|{leap}\\s*年\\s*{})\\s*[日号]?",
            runs.replace("SEP", "\\s*月\\s*"),
            leap_day.replace("SEP", "\\s*月\\s*")
        )])
        .collect();
    format!("^\\s*(?:{})\\s*$", forms.join("|"))
}

/// A year from 1900 to 2200 written as text, as [`crate::numerals::parse_year`] reads it,
/// its 年 included, for a pattern to anchor.
fn year_body() -> String {
    let n = |r: &str| d(r);
    let arabic = format!(
        "{}{}{}{{2}}|{}{}{}{{2}}|{}{}{}{}",
        n("1"),
        n("9"),
        n("0-9"),
        n("2"),
        n("01"),
        n("0-9"),
        n("2"),
        n("2"),
        n("0"),
        n("0")
    );
    let chinese =
        "一九[〇零一二三四五六七八九]{2}|二[〇零一][〇零一二三四五六七八九]{2}|二二[〇零]{2}";
    format!("(?:{arabic}|{chinese})\\s*年?")
}

/// A year from 1900 to 2200 written as text, as [`crate::numerals::parse_year`] reads it.
fn year_pattern() -> String {
    format!("^\\s*{}\\s*$", year_body())
}

/// Two years with a separator between them, as [`SchoolYear::parse`] reads them (whether
/// they follow each other is checked by validation).
fn school_year_pattern() -> String {
    let separators: String = model::SCHOOL_YEAR_SEPARATORS
        .iter()
        .map(|c| match c {
            '-' | '~' => format!("\\{c}"),
            c => c.to_string(),
        })
        .collect();
    let year = year_body();
    format!("^\\s*{year}\\s*[{separators}]{{1,2}}\\s*{year}\\s*(?:学年度?)?\\s*$")
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
    use crate::numerals;

    fn matches(pattern: &str, text: &str) -> bool {
        regex_lite::Regex::new(pattern).unwrap().is_match(text)
    }

    /// Forms the tool reads and forms it refuses: the schema's pattern says the same of each,
    /// but for what a pattern cannot say (listed).
    #[test]
    fn patterns_agree_with_the_tool() {
        let months = [
            "3",
            "３",
            "12",
            "03",
            "3月",
            "3月份",
            "三月",
            "三月份",
            "元月",
            "十月",
            "十一月",
            "十二月份",
            "七、八月",
            "七、八月份",
            "七至八月",
            "七月至八月",
            "7—8月",
            "7-8月",
            "7-8",
            "7~8",
            "7～8",
            "７—８",
            "七八月",
            "三四月份",
            "七九月",
            "12-1",
            "九、十、十一月",
            "十三月",
            "0月",
            "13",
            "正月",
            "spring",
            "7-",
            "三月底",
            "第三月",
        ];
        for text in months {
            assert_eq!(
                matches(&months_pattern(), text),
                numerals::parse_months(text).is_ok(),
                "{text}"
            );
        }
        // Three months that do not follow one another: the tool's to refuse.
        assert!(matches(&months_pattern(), "三、五、七月"));

        let others = [
            "二零二七年十二月三十一日",
            "2027-12-31",
            "2027-04-30",
            "2027-02-28",
            "2028-02-29",
            "2027-02-29",
            "2000-02-29",
            "1900-02-29",
            "2100年2月29日",
            "2024年2月29日",
            "二〇二四年二月二十九日",
            "二〇二七年二月二十九日",
            "二〇〇〇年二月二十九日",
            "１９９６/２/２９",
            "2027-02-30",
            "2027-02-31",
            "2027-04-31",
            "2027-06-31",
            "2027-13-01",
            "2027-00-10",
            "2027-01-00",
            "2027-01-32",
            "2027-1/5",
            "20270105",
            "27-1-5",
            "二〇二七年四月三十一日",
            "明天",
        ];
        for text in numerals::JANUARY_5_AS_TYPED.into_iter().chain(others) {
            assert_eq!(
                matches(&date_pattern(), text),
                numerals::parse_date(text).is_ok(),
                "{text}"
            );
        }

        let years = [
            "2027",
            "2027年",
            "２０２７",
            "二〇二七年",
            "二零二七",
            "1900",
            "2200",
            "1899",
            "2201",
            "2027.5",
            "明年",
            "",
        ];
        for text in years {
            let tool = numerals::parse_year(text).is_some_and(|y| (1900..=2200).contains(&y));
            assert_eq!(matches(&year_pattern(), text), tool, "{text}");
        }

        let school_years = [
            "2026—2027",
            "2026-2027",
            "2026 - 2027",
            "2026～2027",
            "2026~2027",
            "2026至2027",
            "2026到2027",
            "2026——2027",
            "2026－2027",
            "2026–2027",
            "2026—2027学年",
            "2026-2027学年度",
            "２０２６—２０２７",
            "2026年—2027年",
            "二〇二六至二〇二七学年",
            "2026—2028",
            "2026",
            "2026—",
            "—2027",
            "2026———2027",
            "2026/2027",
            "2026—2027学期",
            "1899—1900",
            "2026—2027年度",
            "",
        ];
        for text in school_years {
            assert_eq!(
                matches(&school_year_pattern(), text),
                SchoolYear::parse(text).is_some(),
                "{text}"
            );
        }
    }

    #[test]
    fn keys_and_values_in_both_languages() {
        let schema = schema();
        let properties = &schema["properties"];
        assert!(properties.get("organization").is_some());
        assert!(properties.get("单位").is_some());
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        assert!(schema["patternProperties"].get("^x-").is_some());
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
