//! A table whose header row is empty, its header written as its first row, as DingTalk's API
//! pages have it (exported from an editor whose tables have no header row) and pages converted
//! from HTML tables without `<th>`: its columns are named by the first row, as readers take
//! them, and the rows below it are the enum's.

use catalog_gen::{Input, pages_in_memory};

/// The table of error codes of DingTalk's "根据unionid获取用户userid" (open.dingtalk.com),
/// as its Markdown export writes it.
const DINGTALK: &str = "## 错误码\n\n\
|  |  |  |\n\
| --- | --- | --- |\n\
| 错误码（errcode） | 错误码描述（errmsg） | 解决方案 |\n\
| 60121 | 未找到对应员工 | 请检查unionId是否正确 |\n\
| 400002 | 无效的参数 | 请检查unionId是否正确 |\n\
| -1 | 系统繁忙 | 请稍后再试 |\n";

/// Zoho ZeptoMail's SMTP error codes (zoho.com/zeptomail/help/api/smtp-error-codes.html), as a
/// converter from HTML wrote them: the header bold in the first row, and two rows of no code.
const ZOHO: &str = "# SMTP Error Codes\n\n\
|     |     |     |\n\
| --- | --- | --- |\n\
| **Error Code** | **Error Message** | **Reason** |\n\
| 530 | Must issue a STARTTLS command first. | Trying to connect SMTP server in unsecure mode. |\n\
| 535 | Authentication Failed. | Invalid Sendmail token / username. <br>Credits expired.<br>Credits blocked.<br>Account blocked. |\n\
| No error code | 5.2.1 Subject is Mandatory. | Subject field missing. |\n\
| No error code | 5.2.0 Email size exceeded the policy. | Attachment size has exceeded the user policy. |\n";

/// A manifest of one `[[table]]` of `p.md`, module `m`, keyed by `Code` (`u8`) and named by
/// `Name`.
const CODE_AND_NAME: &str = "output = \"o\"\n[[table]]\npage = \"p.md\"\n\
    url = \"https://x.test/p.html\"\nmodule = \"m\"\nenum = \"E\"\nkey-column = \"Code\"\n\
    key-type = \"u8\"\nname-column = \"Name\"\n";

/// The text of the file at `path` among `files`.
fn module(files: &[catalog_gen::GeneratedFile], path: &str) -> String {
    files.iter().find(|file| file.path == path).unwrap().text.to_string()
}

/// The files generated from `page` by `manifest`, or the diagnostics, rendered.
fn generate(page: &str, manifest: &str) -> Result<Vec<catalog_gen::GeneratedFile>, String> {
    let pages = pages_in_memory([("p.md", page)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: manifest, pages: &pages, command: "x" };
    catalog_gen::generate(&input).map_err(|failure| failure.render(false))
}

/// Words in a code cell of integers say the row has none: the help offers the `skip-rows` line
/// that leaves them out, and pasted, it generates the rest.
#[test]
fn words_for_no_code_are_offered_to_be_left_out() {
    let manifest = "output = \"out\"\n[[table]]\npage = \"p.md\"\n\
        url = \"https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html\"\n\
        module = \"smtp\"\nenum = \"SmtpError\"\nkey-column = \"Error Code\"\n\
        key-type = \"u16\"\nname-column = \"Error Message\"\nhelp-column = \"Reason\"\n";
    let refused = generate(ZOHO, manifest).unwrap_err();
    let line = "skip-rows = [\"No error code\"]";
    assert_eq!(refused.matches(line).count(), 2, "{refused}");
    let files = generate(ZOHO, &format!("{manifest}{line}\n")).unwrap();
    let module = module(&files, "smtp.rs");
    assert!(module.contains("MustIssueAStarttlsCommandFirst = 530,"), "{module}");
    assert!(module.contains("AuthenticationFailed = 535,"), "{module}");
    assert!(module.contains("the manifest leaves out the rows of `No error code`"), "{module}");
}

/// A table whose every code is written with its enhanced status (`421, "4.3.0"`, as a page of
/// SMTP errors converted from HTML has Gmail's): each reads as a list of codes, but leaving
/// them all out would leave no row, so no help offers it; each says how to read them instead.
#[test]
fn no_help_offers_to_leave_out_every_row() {
    let page = "|     |     |\n| --- | --- |\n| **Error Code** | **Meaning** |\n\
        | 421, \"4.3.0\" | Temporary System Problem. Try again later |\n\
        | 450, \"4.2.1\" | The user you are trying to contact is receiving mail too quickly |\n";
    let manifest = "output = \"out\"\n[[table]]\npage = \"p.md\"\nurl = \"https://x.test/smtp\"\n\
        module = \"smtp\"\nenum = \"Smtp\"\nkey-column = \"Error Code\"\nkey-type = \"u16\"\n\
        name-column = \"Meaning\"\n";
    let refused = generate(page, manifest).unwrap_err();
    assert_eq!(refused.matches("set `key-type = \"str\"`").count(), 2, "{refused}");
    assert!(!refused.contains("skip-rows"), "{refused}");
    // With a row that reads, the others are offered as before.
    let page = format!("{page}| 552 | Your message exceeded Google's message size limits |\n");
    let refused = generate(&page, manifest).unwrap_err();
    let line = r#"skip-rows = ["421, \"4.3.0\"", "450, \"4.2.1\""]"#;
    assert_eq!(refused.matches(line).count(), 2, "{refused}");
    // A table of one row of no code, a registry's range of reserved codes left alone in it,
    // is offered it: the table is then empty, as the page has it.
    let page = "| Error Code | Meaning |\n| --- | --- |\n| 1000 - 1999 | Reserved |\n";
    let refused = generate(page, manifest).unwrap_err();
    assert!(refused.contains(r#"`skip-rows = ["1000 - 1999"]`"#), "{refused}");
}

#[test]
fn the_first_row_heads_a_table_whose_header_row_is_empty() {
    let manifest = "output = \"out\"\n[[table]]\npage = \"p.md\"\n\
        url = \"https://open.dingtalk.com/document/orgapp/query-a-user-by-the-union-id\"\n\
        module = \"union_id\"\nenum = \"UnionIdError\"\nkey-column = \"错误码（errcode）\"\n\
        key-type = \"i32\"\nname-column = \"错误码描述（errmsg）\"\nhelp-column = \"解决方案\"\n";
    let pages = pages_in_memory([("p.md", DINGTALK)]);
    let input =
        Input { manifest_path: "c.toml", manifest_text: manifest, pages: &pages, command: "x" };
    let files = catalog_gen::generate(&input).unwrap_or_else(|f| panic!("{}", f.render(false)));
    let module = module(&files, "union_id.rs");
    for variant in ["未找到对应员工 = 60121,", "无效的参数 = 400002,", "系统繁忙 = -1,"]
    {
        assert!(module.contains(variant), "{variant} in\n{module}");
    }
    assert!(module.contains("&[\"错误码（errcode）\", \"错误码描述（errmsg）\", \"解决方案\"]"));
    assert!(!module.contains("ErrcodeErrmsg"), "the header row is no variant");
}

/// Azure File Sync's troubleshooting page (MicrosoftDocs' azure-docs, here its zh-tw
/// translation, CC BY 4.0) has a table of its per-item errors, and then gives each sync error a
/// record of its own: a table of empty header whose rows are bold labels and their values.
/// A record keeps its empty header (its first row is a field, `HRESULT`, not the names of its
/// columns), so a `[[table]]` keyed by `HRESULT` finds the one table of errors.
#[test]
fn a_record_of_bold_labels_keeps_its_empty_header() {
    let page = "#### 個別檔案/目錄同步錯誤的疑難排解\n\
        **ItemResults 記錄 - 個別項目同步錯誤**  \n\
        | HRESULT | HRESULT (十進位) | 錯誤字串 | 問題 | 補救 |\n\
        |---------|-------------------|--------------|-------|-------------|\n\
        | 0x7b | 123 | ERROR_INVALID_NAME | 檔案或目錄名稱無效。 | 請重新命名有問題的檔案或目錄。 |\n\
        | 0x20 | 32 | ERROR_SHARING_VIOLATION | 檔案正在使用中，無法同步。 | 不需要任何動作。 |\n\n\
        ### 常見同步錯誤\n\
        <a id=\"-2147023673\"></a>**同步工作階段已取消。**  \n\
        | | |\n|-|-|\n\
        | **HRESULT** | 0x800704c7 |\n\
        | **HRESULT (十進位)** | -2147023673 | \n\
        | **錯誤字串** | ERROR_CANCELLED |\n\
        | **需要補救** | 否 |\n";
    let manifest = "output = \"out\"\n[[table]]\npage = \"p.md\"\n\
        url = \"https://learn.microsoft.com/zh-tw/azure/storage/file-sync/file-sync-troubleshoot\"\n\
        module = \"file_sync\"\nenum = \"ItemError\"\nkey-column = \"HRESULT\"\nkey-type = \"u32\"\n";
    let files = generate(page, manifest).unwrap();
    let module = module(&files, "file_sync.rs");
    assert!(
        module.contains("    _0x7b = 0x7B,\n") && module.contains("    _0x20 = 0x20,\n"),
        "{module}"
    );
    assert!(module.contains("//! A table not generated here: see"), "{module}");
}

/// A column without a header or text in any row (a `| |` too many at the end of each line)
/// holds nothing: no accessor, no label in a variant's rustdoc, and no pin asked for. With
/// text in a row, it needs a pin, as any column whose header makes no name.
#[test]
fn a_column_without_a_header_or_text_is_left_out_of_the_methods_and_docs() {
    let manifest = CODE_AND_NAME;
    let page = "| Code | Name | Message | |\n|---|---|---|-|\n| 1 | One | First. | |\n\
                | 2 | Two | Second. | |\n";
    let files = generate(page, manifest).unwrap();
    let module = module(&files, "m.rs");
    assert!(module.contains("pub const fn message(self)"), "{module}");
    assert!(
        module.contains("/// **Message:** First.\n") && !module.contains("Column 4"),
        "{module}"
    );
    let snapshot = files.iter().find(|file| file.path.ends_with(".toml")).unwrap();
    assert!(snapshot.text.to_string().contains("accessors = [\"message\"]"), "{}", snapshot.text);
    let errors = generate(&page.replace("Second. | |", "Second. | x |"), manifest).unwrap_err();
    assert!(errors.contains("a column without a header has no method name"), "{errors}");
}

/// A cell empty in one row shows no label in that variant's rustdoc (`**Notes:**` with nothing
/// after it says nothing), while the rows that fill the column keep it, and a cell of an image
/// alone, which has no text, keeps its label and the image.
#[test]
fn an_empty_cell_shows_no_label() {
    let manifest = CODE_AND_NAME;
    let page = "| Code | Name | Message | Notes |\n|---|---|---|---|\n\
                | 1 | One | First. | |\n| 2 | Two | Second. | See [this](x.md). |\n\
                | 3 | Three | | ![icon](i.png) |\n";
    let files = generate(page, manifest).unwrap();
    let module = module(&files, "m.rs");
    assert!(
        module.contains("/// **Message:** First.\n    #[doc(alias = \"1\")]\n    One = 1,"),
        "{module}"
    );
    assert!(module.contains("/// **Notes:** See [this](https://x.test/x.html).\n"), "{module}");
    assert!(module.contains("/// 3: Three\n    ///\n    /// **Notes:** ![icon]("), "{module}");
    let one = &module[module.find("/// 1: One").unwrap()..module.find("One = 1,").unwrap()];
    let three = &module[module.find("/// 3: Three").unwrap()..module.find("Three = 3,").unwrap()];
    assert!(!one.contains("Notes") && !three.contains("Message"), "{module}");
    assert!(module.contains("pub const fn notes(self)"), "{module}");
}
