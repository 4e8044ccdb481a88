//! The language server driven through real LSP JSON-RPC over its stdin/stdout: initialize,
//! didOpen, codeAction, hover, didChange, a config change on disk, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(root: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scriptlint"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().expect("length");
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).expect("body");
                if tx
                    .send(serde_json::from_slice(&body).expect("JSON"))
                    .is_err()
                {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id)["result"].clone()
    }

    /// The next message satisfying `pred`, skipping others; fails after 10 s.
    fn wait(&self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(10))
                .expect("a message in time");
            if pred(&m) {
                return m;
            }
        }
    }

    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .clone()
    }
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn editor_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("root");
    let root_uri = format!("file://{}", root.display());
    let uri = format!("{root_uri}/reply.txt");
    let mut client = Client::start(&root);

    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", json!({}));

    // Emoji and curly quotes before the phrase: positions are UTF-16 code units.
    let text = "Hi 😀, “that’s our policy”.\nThanks!\n";
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    let found = client.diagnostics(&uri);
    let policy = found
        .iter()
        .find(|d| d["code"] == "policy-excuse")
        .expect("policy-excuse flagged");
    assert_eq!(
        policy["range"],
        json!({"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 25}})
    );
    assert_eq!(policy["severity"], 1);

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri}, "range": policy["range"], "context": {"diagnostics": []}
        }),
    );
    let edits: Vec<String> = actions
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            a["edit"]["changes"][&uri][0]["newText"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert!(
        edits.contains(&"Let me see what I can do for you.".to_string()),
        "{edits:?}"
    );

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 12}}),
    );
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    assert!(
        shown.starts_with("policy-excuse") && shown.contains("Why"),
        "{shown}"
    );

    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": "Calm down 🙂 please.\nThanks!\n"}]
        }),
    );
    let found = client.diagnostics(&uri);
    assert!(
        codes(&found).contains(&"calm-down".to_string()),
        "{found:?}"
    );

    // The workspace config changes on disk: the server reloads it and checks again.
    std::fs::write(
        root.join("scriptlint.toml"),
        "[severity]\ncalm-down = \"off\"\n",
    )
    .expect("config");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root_uri}/scriptlint.toml"), "type": 2}]}),
    );
    let found = client.diagnostics(&uri);
    assert!(
        !codes(&found).contains(&"calm-down".to_string()),
        "{found:?}"
    );

    let shutdown = client.request("shutdown", Value::Null);
    assert_eq!(shutdown, Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("server exits");
    assert!(status.success());
}
