//! A table whose header row is empty, its header written as its first row, as DingTalk's API
//! pages have it (exported from an editor whose tables have no header row): its columns are
//! named by the first row, as readers take them, and the rows below it are the enum's.

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
    let module = files.iter().find(|file| file.path == "union_id.rs").unwrap().text.to_string();
    for variant in ["未找到对应员工 = 60121,", "无效的参数 = 400002,", "系统繁忙 = -1,"]
    {
        assert!(module.contains(variant), "{variant} in\n{module}");
    }
    assert!(module.contains("&[\"错误码（errcode）\", \"错误码描述（errmsg）\", \"解决方案\"]"));
    assert!(!module.contains("ErrcodeErrmsg"), "the header row is no variant");
}
