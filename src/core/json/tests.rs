use super::*;

fn obj(members: &[(&str, Json)]) -> Json {
    Json::Obj(
        members
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    )
}

#[test]
fn reads_every_kind_of_value() {
    let s = |t: &str| Json::Str(t.to_owned());
    let cases: Vec<(&str, Json)> = vec![
        ("null", Json::Null),
        (" true ", Json::Bool(true)),
        ("false", Json::Bool(false)),
        ("0", Json::Int(0)),
        ("18446744073709551615", Json::Int(u64::MAX)),
        (r#""""#, s("")),
        (r#""Médiateur social""#, s("Médiateur social")),
        (r#""a\"b\\c\/d\b\f\n\r\t""#, s("a\"b\\c/d\u{8}\u{c}\n\r\t")),
        (r#""\u00e9\u00C9""#, s("éÉ")),
        (r#""\ud83d\ude00""#, s("😀")),
        ("[]", Json::Arr(vec![])),
        (
            "[ 1 , [ null ] ]",
            Json::Arr(vec![Json::Int(1), Json::Arr(vec![Json::Null])]),
        ),
        ("{}", obj(&[])),
        (
            "{\"b\": 1, \"a\": {\"c\": []}, \"b\": 2}",
            obj(&[
                ("b", Json::Int(1)),
                ("a", obj(&[("c", Json::Arr(vec![]))])),
                ("b", Json::Int(2)),
            ]),
        ),
        ("\n\t\r [true]\n", Json::Arr(vec![Json::Bool(true)])),
    ];
    for (text, expected) in cases {
        assert_eq!(parse(text), Ok(expected), "{text}");
    }
}

#[test]
fn refuses_with_what_and_where() {
    let cases: Vec<(&str, &str, usize, usize)> = vec![
        ("", "EOF while parsing a value", 1, 1),
        ("<html>", "expected value", 1, 1),
        ("nul", "expected value", 1, 1),
        ("[1,]", "expected value", 1, 4),
        ("[1 2]", "expected `,` or `]`", 1, 4),
        ("{\"a\" 1}", "expected `:`", 1, 6),
        ("{1: 2}", "key must be a string", 1, 2),
        ("{\"a\": 1", "EOF while parsing an object", 1, 8),
        ("[1", "EOF while parsing a list", 1, 3),
        ("\"abc", "EOF while parsing a string", 1, 5),
        ("\"a\nb\"", "control character in a string", 1, 3),
        (r#""\x""#, "invalid escape", 1, 3),
        (r#""\u12""#, "invalid escape", 1, 6),
        (r#""\ud83d""#, "lone leading surrogate in hex escape", 1, 8),
        (r#""\ude00""#, "lone trailing surrogate in hex escape", 1, 8),
        ("1.5", "only whole numbers are expected here", 1, 2),
        ("1e3", "only whole numbers are expected here", 1, 2),
        ("-1", "a number below 0 is not expected here", 1, 1),
        ("01", "invalid number", 1, 1),
        ("18446744073709551616", "number out of range", 1, 1),
        ("{} x", "trailing characters", 1, 4),
        ("[\n  \"é\",\n  x]", "expected value", 3, 3),
    ];
    for (text, what, line, column) in cases {
        assert_eq!(
            parse(text),
            Err(JsonError { what, line, column }),
            "{text:?}"
        );
    }
}

#[test]
fn nesting_is_limited_not_a_stack_overflow() {
    let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(parse(&deep(MAX_DEPTH)).is_ok());
    assert_eq!(
        parse(&deep(MAX_DEPTH + 1)).unwrap_err().what,
        "recursion limit exceeded"
    );
    assert!(parse(&deep(100_000)).is_err());
}

#[test]
fn an_error_inside_a_character_names_its_column() {
    // The column counts characters, not bytes.
    assert_eq!(parse("[\"é\" \"x\"]").unwrap_err().column, 6);
}
