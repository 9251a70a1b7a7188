//! Each manifest option, seen in what the library generates from a small page: the API it
//! makes (variant and method names) and the shape of the code. The generated crates that
//! compile and answer lookups are tested in `xtask/tests`.

use catalog_gen::api::EnumApi;
use catalog_gen::{Generation, Input, pages_in_memory};

const PAGE: &str = "# Device errors\n\n\
## Faults\n\n| Fault | Name | Type |\n|---|---|---|\n\
| 0x1F | Disk Full | hardware |\n| 0x20 | Disk Full | software |\n| 7 | Input Error | data |\n\n\
## Responses\n\n**HTTP responses**\n\n| Status | Exception | Fix |\n|---|---|---|\n\
| 400 Bad Request | BadRequestException | Fix the request. |\n\
| 400 Bad Request | MalformedPolicyException | Fix the policy. |\n\
| 404 Not Found | NotFoundException | Check the name. |\n\n\
## Sensors\n\n| Sensor | Measures | |\n|---|---|---|\n| 10 | Heat | `°C` |\n";

/// Generates the one `[[table]]` made of `options`.
fn generate(options: &str) -> Generation {
    generate_on(PAGE, options)
}

/// Generates the one `[[table]]` made of `options` on `page`.
fn generate_on(page: &str, options: &str) -> Generation {
    let manifest = format!(
        "output = \"out\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/p.html\"\n\
         module = \"m\"\nenum = \"E\"\n{options}\n"
    );
    let pages = pages_in_memory([("p.md", page)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: &manifest, pages: &pages, command: "x" };
    let manifest = catalog_gen::parse_manifest("c.toml", &manifest).unwrap();
    catalog_gen::generate_from(&manifest, &input).unwrap_or_else(|f| panic!("{}", f.render(false)))
}

fn api(generation: &Generation) -> &EnumApi {
    &generation.api.enums["E"]
}

fn variants(generation: &Generation) -> Vec<&str> {
    api(generation).variants.iter().map(|v| v.variant.as_str()).collect()
}

fn module(generation: &Generation) -> String {
    generation.files.iter().find(|file| file.path == "m.rs").unwrap().text.to_string()
}

const FAULTS: &str =
    "heading = \"Faults\"\nkey-column = \"Fault\"\nkey-type = \"u8\"\nname-column = \"Name\"";
const RESPONSES: &str = "caption = \"HTTP responses\"\nkey-column = \"Status\"\nkey-type = \"u16\"\n\
                         name-column = \"Exception\"\nkey-pattern = '^(\\d+)'\nshared-codes = true";

#[test]
fn unique_integer_codes_are_the_discriminants_and_repeated_names_take_their_code() {
    let generation = generate(FAULTS);
    assert_eq!(variants(&generation), ["DiskFull0x1F", "DiskFull0x20", "InputError"]);
    // Every column has its accessor; the name column's would be `name`, which `name()` serves.
    assert_eq!(api(&generation).accessors, ["fault", "r#type"]);
    let code = module(&generation);
    assert!(code.contains("#[repr(u8)]") && code.contains("InputError = 7,"), "{code}");
    assert!(!code.contains("const CODES"), "{code}");
    // Codes the page writes in hexadecimal are written so, as the page reads.
    let hex = ["DiskFull0x1F = 0x1F,", "DiskFull0x20 = 0x20,", "0x1F => ::core::option::Option"];
    assert!(hex.iter().all(|line| code.contains(line)), "{code}");
}

/// A table a README folds in `<details>` is picked by its `<summary>`, as GitHub shows it right
/// above the table, and the summary titles the enum, as a bold caption does.
#[test]
fn caption_picks_a_table_by_the_summary_it_is_folded_under() {
    let page = "# Errors\n\n<details>\n<summary><b>Client</b> errors</summary>\n\n\
                | Code | Name |\n|---|---|\n| 400 | Bad Request |\n\n</details>\n\n\
                <details><summary>Server errors</summary>\n\n\
                | Code | Name |\n|---|---|\n| 500 | Internal |\n\n</details>\n";
    let options = "key-column = \"Code\"\nkey-type = \"u16\"\nname-column = \"Name\"";
    let generation = generate_on(page, &format!("caption = \"Server errors\"\n{options}"));
    assert_eq!(variants(&generation), ["Internal"]);
    let code = module(&generation);
    // The enum's rustdoc and `E::TABLE`'s title.
    assert!(code.contains("/// Server errors\n"), "{code}");
    assert!(code.contains("\"m\",\n        \"Server errors\",\n"), "{code}");
    let client = generate_on(page, &format!("caption = \"Client errors\"\n{options}"));
    assert_eq!(variants(&client), ["BadRequest"]);
}

#[test]
fn discriminants_false_keeps_codes_in_a_table() {
    let code = module(&generate(&format!("{FAULTS}\ndiscriminants = false"))).to_owned();
    assert!(!code.contains("#[repr(u8)]") && !code.contains("InputError = 7,"), "{code}");
    assert!(code.contains("const CODES: &'static [::core::primitive::u8]"), "{code}");
}

/// `skip-rows` names rows by a whole key or name cell; the rows it names are in neither the
/// enum nor the snapshot, and the enum's rustdoc says which rows it leaves out.
#[test]
fn skip_rows_leaves_rows_out_and_the_rustdoc_says_which() {
    let generation = generate(&format!("{FAULTS}\nskip-rows = [\"0x20\", \"Input Error\"]"));
    assert_eq!(variants(&generation), ["DiskFull"]);
    let code = module(&generation);
    let doc = "generated from `p.md`; the manifest leaves out the rows of `0x20`, `7`.\n";
    assert!(code.contains(doc), "{code}");
    assert!(code.contains("DiskFull = 0x1F,") && !code.contains("Software"), "{code}");
    assert!(!module(&generate(FAULTS)).contains("leaves out"));
}

#[test]
fn layout_match_writes_a_match_per_accessor_instead_of_rows() {
    let code = module(&generate(&format!("{FAULTS}\nlayout = \"match\""))).to_owned();
    assert!(!code.contains("const ROWS"), "{code}");
    assert!(code.contains("E::InputError => \"data\","), "{code}");
}

#[test]
fn pins_name_variants_and_accessors() {
    let generation = generate(&format!(
        "{FAULTS}\nvariants = {{ \"0x1F\" = \"DiskFull\" }}\naccessors = {{ \"type\" = \"kind\" }}"
    ));
    assert_eq!(variants(&generation), ["DiskFull", "DiskFull0x20", "InputError"]);
    assert_eq!(api(&generation).accessors, ["fault", "kind"]);
}

#[test]
fn a_pin_names_the_method_of_a_column_without_a_header_and_rustdoc_its_position() {
    let generation = generate(
        "heading = \"Sensors\"\nkey-column = \"Sensor\"\nkey-type = \"u8\"\n\
         name-column = \"Measures\"\naccessors = { \"\" = \"unit\" }",
    );
    assert_eq!(api(&generation).accessors, ["sensor", "measures", "unit"]);
    let code = module(&generation);
    assert!(code.contains("/// **Column 3:** `°C`"), "{code}");
    assert!(code.contains("/// The row's Column 3 cell, as plain text."), "{code}");
}

#[test]
fn a_key_pattern_takes_the_code_and_keeps_the_cell_reachable() {
    let generation = generate(RESPONSES);
    let codes: Vec<&str> = api(&generation).variants.iter().map(|v| v.code.as_str()).collect();
    assert_eq!(codes, ["400", "400", "404"]);
    assert_eq!(api(&generation).accessors, ["status", "exception", "fix"]);
}

#[test]
fn shared_codes_group_rows_and_are_not_discriminants() {
    let generation = generate(&format!("{RESPONSES}\nstrip-suffix = \"Exception\""));
    assert_eq!(variants(&generation), ["BadRequest", "MalformedPolicy", "NotFound"]);
    let code = module(&generation);
    assert!(code.contains("(400, &[E::BadRequest, E::MalformedPolicy]),"), "{code}");
    assert!(
        code.contains("404 => ::core::option::Option::Some(E::NotFound),")
            && !code.contains("#[repr"),
        "{code}"
    );
}

#[test]
fn without_a_name_column_the_key_column_names_the_variants() {
    let generation = generate(
        "heading = \"Faults\"\nkey-column = \"Type\"\nkey-type = \"str\"\n\
         accessors = { \"Name\" = \"message\" }",
    );
    assert_eq!(variants(&generation), ["Hardware", "Software", "Data"]);
    assert_eq!(api(&generation).accessors, ["fault", "message", "r#type"]);
}
